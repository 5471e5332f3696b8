import { z } from 'zod/v4';
import {
  ATTRIBUTIONS,
  CLAIM_KINDS,
  CONTRADICTION_KINDS,
  ClaimEvent,
  RETRACTION_KINDS,
  claimStreamId,
  SUPPORT_KINDS,
  VERDICTS,
} from '../../domain/claim/claim.events';
import { CLAIM_RELATIONS } from '../../domain/claim/claim-relations';
import { MAX_SUMMARY_LENGTH } from '../../domain/claim/claim.decider';
import { PARTY_KINDS } from '../../domain/party';
import { PARTY_EVENT_TYPES, PartyEvent, partyStreamId } from '../../domain/party/party.events';
import { isSlug } from '../../domain/slug';
import { TIME_PRECISIONS } from '../../domain/time-precision';
import { StorylineEvent, storylineStreamId } from '../../domain/storyline/storyline.events';
import { EventMetadata } from '../ports/event-store.port';
import { CURRENT_SCHEMA_VERSION, FactlineEvent } from './factline-event';
import { PARTY_EVENT_SCHEMAS, sourceSchema } from './party-event-schemas';

/*
 * The shapes of the events this code writes (CURRENT_SCHEMA_VERSION), as data that comes from
 * outside (an import) is checked against them. Every event type has its entry in EVENT_DEFINITIONS:
 * a new type does not compile until it has one. Older schema versions are upcast before the check.
 * Zod 4, whose object checks are compiled: an import checks every line of a log.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TOKEN = /^[\w.:@/+=-]{1,200}$/;

const text = z.string().min(1);
const instant = z
  .string()
  .regex(ISO_WITH_OFFSET, 'must be an ISO 8601 time with offset')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real point in time');
const httpUrl = z.string().regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL');
const slug = z.string().refine(isSlug, 'must be a lower-case slug');
const party = z.object({ id: slug, name: text, kind: z.enum(PARTY_KINDS) }).strict();
const source = sourceSchema;
/** A joint piece's co-authors: the other parties that wrote it. */
const coAuthors = z.array(party).min(1);
const precision = z.enum(TIME_PRECISIONS);
const tags = z.array(text);
const count = z.number().int().min(1);
const summary = text.refine(
  (value) => [...value].length <= MAX_SUMMARY_LENGTH,
  `must have at most ${MAX_SUMMARY_LENGTH} characters`,
);
const rating = z
  .object({
    value: z.number().finite().optional(),
    best: z.number().finite().optional(),
    worst: z.number().finite().optional(),
    text,
  })
  .strict();

const claimContent = {
  statement: text,
  language: text,
  claimant: party,
  reportedBy: party.optional(),
  attribution: z.enum(ATTRIBUTIONS),
  anonymousSourceCount: count.optional(),
  occurredAt: instant,
  occurredAtPrecision: precision.optional(),
  source: source.optional(),
  tags,
  summary: summary.optional(),
  about: z.array(party).min(1).optional(),
  // Claims recorded before claims had kinds have none: they are factual.
  kind: z.enum(CLAIM_KINDS).optional(),
  with: coAuthors.optional(),
};

const development = {
  claimId: slug,
  by: party,
  occurredAt: instant,
  occurredAtPrecision: precision.optional(),
  source: source.optional(),
  note: text.optional(),
};

const claimChanges = z
  .object({
    statement: text,
    language: text,
    claimant: party,
    reportedBy: party.nullable(),
    attribution: z.enum(ATTRIBUTIONS),
    anonymousSourceCount: count.nullable(),
    occurredAt: instant,
    occurredAtPrecision: precision.nullable(),
    source: source.nullable(),
    tags,
    summary: summary.nullable(),
    kind: z.enum(CLAIM_KINDS),
    with: coAuthors.nullable(),
    about: z.array(party).min(1).nullable(),
  })
  .partial()
  .strict();

const storylineContent = { title: text, summary: z.string(), tags };

type DataOf<E extends FactlineEvent, T extends E['type']> = Extract<E, { type: T }>['data'];

export interface EventDefinition<Data> {
  data: z.ZodType<Data, unknown>;
  /** The one stream an event with this data belongs in. */
  streamOf(data: Data): string;
  /** The type every stream of its kind begins with (at revision 0), and only there. */
  opensStream: boolean;
}

type Definitions = { [T in FactlineEvent['type']]: EventDefinition<DataOf<FactlineEvent, T>> };

const claimEvent = <T extends ClaimEvent['type']>(
  data: z.ZodType<DataOf<ClaimEvent, T>, unknown>,
  opensStream = false,
): EventDefinition<DataOf<ClaimEvent, T>> => ({ data, streamOf: (value) => claimStreamId(value.claimId), opensStream });

const storylineEvent = <T extends StorylineEvent['type']>(
  data: z.ZodType<DataOf<StorylineEvent, T>, unknown>,
  opensStream = false,
): EventDefinition<DataOf<StorylineEvent, T>> => ({
  data,
  streamOf: (value) => storylineStreamId(value.storylineId),
  opensStream,
});

export const EVENT_DEFINITIONS: Definitions = {
  StorylineOpened: storylineEvent<'StorylineOpened'>(
    z.object({ storylineId: slug, ...storylineContent }).strict(),
    true,
  ),
  StorylineRevised: storylineEvent<'StorylineRevised'>(
    z
      .object({ storylineId: slug, ...storylineContent })
      .partial({ title: true, summary: true, tags: true })
      .strict(),
  ),
  StorylineStakeholderNamed: storylineEvent<'StorylineStakeholderNamed'>(
    z
      .object({ storylineId: slug, partyId: slug, reason: text, from: instant.optional(), to: instant.optional() })
      .strict(),
  ),
  StorylineStakeholderRemoved: storylineEvent<'StorylineStakeholderRemoved'>(
    z.object({ storylineId: slug, partyId: slug }).strict(),
  ),
  ClaimRecorded: claimEvent<'ClaimRecorded'>(
    z.object({ claimId: slug, storylineId: slug, ...claimContent }).strict(),
    true,
  ),
  ClaimSupported: claimEvent<'ClaimSupported'>(
    z.object({ ...development, kind: z.enum(SUPPORT_KINDS), with: coAuthors.optional() }).strict(),
  ),
  ClaimContradicted: claimEvent<'ClaimContradicted'>(
    z.object({ ...development, kind: z.enum(CONTRADICTION_KINDS), with: coAuthors.optional() }).strict(),
  ),
  ClaimRetracted: claimEvent<'ClaimRetracted'>(
    // Retractions recorded before they had kinds carry none: they were withdrawn.
    z.object({ ...development, kind: z.enum(RETRACTION_KINDS).optional() }).strict(),
  ),
  ClaimCorrected: claimEvent<'ClaimCorrected'>(
    z.object({ claimId: slug, changes: claimChanges, reason: text, occurredAt: instant }).strict(),
  ),
  ClaimVerdictIssued: claimEvent<'ClaimVerdictIssued'>(
    z
      .object({
        claimId: slug,
        verdict: z.enum(VERDICTS),
        rationale: text,
        occurredAt: instant,
        reviewUrl: httpUrl.optional(),
        ratingText: text.optional(),
        reviewer: text.optional(),
      })
      .strict(),
  ),
  ClaimFactChecked: claimEvent<'ClaimFactChecked'>(
    z
      .object({
        claimId: slug,
        by: party,
        rating,
        url: httpUrl,
        publishedAt: instant,
        publishedAtPrecision: precision.optional(),
      })
      .strict(),
  ),
  ClaimRelated: claimEvent<'ClaimRelated'>(
    z.object({ claimId: slug, relatedClaimId: slug, relation: z.enum(CLAIM_RELATIONS) }).strict(),
  ),
  ClaimUnrelated: claimEvent<'ClaimUnrelated'>(z.object({ claimId: slug, relatedClaimId: slug }).strict()),
  ...partyDefinitions(),
};

/** Each party event belongs in its party's stream; PartyRegistered opens it. */
function partyDefinitions() {
  const definitions = {} as { [T in PartyEvent['type']]: EventDefinition<DataOf<PartyEvent, T>> };
  for (const type of PARTY_EVENT_TYPES) {
    (definitions as Record<string, EventDefinition<{ partyId: string }>>)[type] = {
      data: PARTY_EVENT_SCHEMAS[type] as z.ZodType<{ partyId: string }, unknown>,
      streamOf: (data) => partyStreamId(data.partyId),
      opensStream: type === 'PartyRegistered',
    };
  }
  return definitions;
}

export function definitionOf(type: string): EventDefinition<unknown> | undefined {
  return Object.hasOwn(EVENT_DEFINITIONS, type)
    ? (EVENT_DEFINITIONS[type as FactlineEvent['type']] as EventDefinition<unknown>)
    : undefined;
}

export const eventIdSchema = z.guid('must be a UUID');

/** The metadata every command writes (see StreamWriter), at any schema version this code can read. */
export const metadataSchema: z.ZodType<EventMetadata, unknown> = z
  .object({
    recordedAt: instant,
    actor: text,
    commandId: z.string().regex(TOKEN, 'must be an id'),
    correlationId: z.string().regex(TOKEN, 'must be an id'),
    causationId: z.string().regex(TOKEN, 'must be an id'),
    schemaVersion: z.number().int().min(1).max(CURRENT_SCHEMA_VERSION),
    requestFingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')
      .optional(),
  })
  .strict();

const quoted = (values: readonly unknown[], separator: string) =>
  values.map((value) => `'${String(value)}'`).join(separator);

/** The words of zod 3, which an import's refusals gave before: a missing field, a key no command writes, a value of no enum. */
const REFUSAL_WORDS: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  if (issue.code === 'unrecognized_keys') return `Unrecognized key(s) in object: ${quoted(issue.keys, ', ')}`;
  if (issue.code === 'invalid_value' && issue.values.every((value) => typeof value === 'string'))
    return `Invalid enum value. Expected ${quoted(issue.values, ' | ')}, received '${String(issue.input)}'`;
  return undefined;
};

/** `value` as `schema` reads it, or its first problem as one line: where (under `prefix`), and what. */
export function checked<T>(
  schema: z.ZodType<T, unknown>,
  value: unknown,
  prefix: string,
): { value: T; problem?: undefined } | { problem: string } {
  const result = schema.safeParse(value, { error: REFUSAL_WORDS });
  if (result.success) return { value: result.data };
  const issue = result.error.issues[0];
  return { problem: `${[prefix, ...issue.path.map(String)].join('.')}: ${issue.message}` };
}
