import { z } from 'zod/v4';
import { TIME_PRECISIONS } from '../../domain/time-precision';
import { PARTY_KINDS } from '../../domain/party/party-mention';
import { AFFILIATION_RELATIONS, PartyEvent } from '../../domain/party/party.events';
import { isSlug } from '../../domain/slug';

/*
 * The shape of each party event's data as this code writes it, for checking events that come from
 * outside (an import). One schema per event type: a new type does not compile until it has one.
 * Each event belongs in `partyStreamId(data.partyId)`; PartyRegistered opens the stream.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

const text = z.string().min(1);
const instant = z
  .string()
  .regex(ISO_WITH_OFFSET, 'must be an ISO 8601 time with offset')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real point in time');
const slug = z.string().refine(isSlug, 'must be a lower-case slug');
const names = z.array(text);
const language = z.string().regex(LANGUAGE_TAG, 'must be a BCP 47 language tag');

/** A source as claims, developments and discredits carry it. */
export const sourceSchema = z
  .object({
    url: z.string().regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL'),
    title: text.optional(),
    publishedAt: instant.optional(),
    publishedAtPrecision: z.enum(TIME_PRECISIONS).optional(),
    quote: text.optional(),
    quoteLanguage: language.optional(),
    translation: z.object({ text, language }).strict().optional(),
    machineGenerated: z.boolean().optional(),
  })
  .strict();

type DataOf<T extends PartyEvent['type']> = Extract<PartyEvent, { type: T }>['data'];
type PartyEventSchemas = { [T in PartyEvent['type']]: z.ZodType<DataOf<T>, unknown> };

export const PARTY_EVENT_SCHEMAS: PartyEventSchemas = {
  PartyRegistered: z.object({ partyId: slug, name: text, kind: z.enum(PARTY_KINDS), aliases: names }).strict(),
  PartyRevised: z
    .object({
      partyId: slug,
      name: text.optional(),
      kind: z.enum(PARTY_KINDS).optional(),
      addAliases: names.optional(),
      removeAliases: names.optional(),
    })
    .strict(),
  PartyAffiliated: z
    .object({
      partyId: slug,
      withPartyId: slug,
      relation: z.enum(AFFILIATION_RELATIONS),
      from: instant.optional(),
      to: instant.optional(),
    })
    .strict(),
  PartyAffiliationEnded: z
    .object({ partyId: slug, withPartyId: slug, relation: z.enum(AFFILIATION_RELATIONS).optional(), to: instant })
    .strict(),
  PartyMerged: z.object({ partyId: slug, intoPartyId: slug }).strict(),
  PartyDiscredited: z.object({ partyId: slug, reason: text, source: sourceSchema.optional() }).strict(),
  PartyReinstated: z.object({ partyId: slug, reason: text }).strict(),
};
