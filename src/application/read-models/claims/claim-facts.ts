import { ClaimRelation } from '../../../domain/claim/claim-relations';
import { ClaimContentChanges, Verdict } from '../../../domain/claim/claim.events';
import { DecisionFacts } from '../../../domain/claim/decision-facts';
import { TimePrecision } from '../../../domain/time-precision';
import { asClaimEvent } from '../../events/factline-event';
import { ClaimRecord, ClaimRecordEvent } from './claim-record';

/** A verdict as the facts keep it: its place in the log, and what the review feed's columns read. */
export interface FactsVerdict {
  verdict: Verdict;
  position: number;
  recordedAt: string;
  reviewUrl?: string;
}

/**
 * The small state the projection keeps of every claim: what its status, its mentions, its rivals'
 * review, its storyline's tally and its row's columns between corrections read. Parties are kept as
 * mentioned, times as recorded, positions instead of event ids; no wording, sources or notes.
 */
export interface ClaimFacts extends DecisionFacts {
  claimId: string;
  storylineId: string;
  /** Position of its ClaimRecorded event: its row's place in lists. */
  recordedPosition: number;
  /** Position of its latest event. */
  position: number;
  content: DecisionFacts['content'] & { occurredAt: string; occurredAtPrecision?: TimePrecision };
  verdicts: FactsVerdict[];
  /** Positions of the developments recorded after the latest verdict. */
  developmentsSinceVerdict: number[];
  relations: Array<{ claimId: string; relation: ClaimRelation }>;
}

type Content = ClaimFacts['content'];

const CONTENT_FIELDS = [
  'kind',
  'claimant',
  'reportedBy',
  'with',
  'about',
  'occurredAt',
  'occurredAtPrecision',
] as const;

/** The fields the facts keep of a claim's content, as recorded or as a correction leaves them. */
function contentOf(source: Partial<Record<(typeof CONTENT_FIELDS)[number], unknown>>): Content {
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) if (source[field] !== undefined) content[field] = source[field];
  return content as unknown as Content;
}

/** As `applyChanges` does to the whole content: undefined keeps a field, null removes it. */
function corrected(content: Content, changes: ClaimContentChanges): Content {
  const next: Record<string, unknown> = { ...content };
  for (const field of CONTENT_FIELDS) {
    const value = (changes as Record<string, unknown>)[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as unknown as Content;
}

const coAuthored = <T extends object>(entry: T, coAuthors: DecisionFacts['content']['with']) =>
  coAuthors ? { ...entry, with: coAuthors } : entry;

/** A development moves the count since the latest verdict only once there is one. */
const since = (facts: ClaimFacts, position: number) =>
  facts.verdicts.length > 0 ? [...facts.developmentsSinceVerdict, position] : facts.developmentsSinceVerdict;

/**
 * One step of the facts fold: it moves exactly when `evolveClaimRecord` moves the claim's record, and
 * `claimFactsOf` of that record equals it (see the projection spec).
 */
export function evolveClaimFacts(facts: ClaimFacts | undefined, stored: ClaimRecordEvent): ClaimFacts | undefined {
  const event = asClaimEvent(stored);
  if (!event || (facts && event.type === 'ClaimRecorded')) return facts;
  const { position } = stored;
  if (event.type === 'ClaimRecorded') {
    const { claimId, storylineId, kind = 'factual' } = event.data;
    return {
      claimId,
      storylineId,
      recordedPosition: position,
      position,
      content: contentOf({ ...event.data, kind }),
      supports: [],
      contradictions: [],
      factChecks: [],
      verdicts: [],
      developmentsSinceVerdict: [],
      relations: [],
    };
  }
  if (!facts) return facts;
  const moved = { ...facts, position };
  switch (event.type) {
    case 'ClaimSupported': {
      const { by, occurredAt, with: coAuthors } = event.data;
      const support = coAuthored({ by, occurredAt }, coAuthors);
      return { ...moved, supports: [...facts.supports, support], developmentsSinceVerdict: since(facts, position) };
    }
    case 'ClaimContradicted': {
      const contradiction = coAuthored({ by: event.data.by }, event.data.with);
      return {
        ...moved,
        contradictions: [...facts.contradictions, contradiction],
        developmentsSinceVerdict: since(facts, position),
      };
    }
    case 'ClaimRetracted':
      return {
        ...moved,
        retraction: { kind: event.data.kind ?? 'withdrawn' },
        developmentsSinceVerdict: since(facts, position),
      };
    case 'ClaimCorrected':
      return { ...moved, content: corrected(facts.content, event.data.changes) };
    case 'ClaimVerdictIssued': {
      const { verdict, reviewUrl } = event.data;
      const recorded = { verdict, position, recordedAt: stored.metadata.recordedAt };
      return {
        ...moved,
        verdicts: [...facts.verdicts, reviewUrl === undefined ? recorded : { ...recorded, reviewUrl }],
        developmentsSinceVerdict: [],
      };
    }
    case 'ClaimFactChecked': {
      const { by, url, rating, publishedAt } = event.data;
      return {
        ...moved,
        factChecks: [...facts.factChecks, { by, url, rating, publishedAt }],
        developmentsSinceVerdict: since(facts, position),
      };
    }
    case 'ClaimRelated': {
      const { relatedClaimId, relation } = event.data;
      const others = facts.relations.filter((entry) => entry.claimId !== relatedClaimId);
      return { ...moved, relations: [...others, { claimId: relatedClaimId, relation }] };
    }
    case 'ClaimUnrelated':
      return { ...moved, relations: facts.relations.filter((entry) => entry.claimId !== event.data.relatedClaimId) };
  }
}

/** The facts of a claim's full fold: what `evolveClaimFacts` over the same events ends at. */
export function claimFactsOf({ claim, recordedPosition, position, events }: ClaimRecord): ClaimFacts {
  const logged = new Map(events.map((event) => [event.eventId, event]));
  const positionOf = (eventId: string) => logged.get(eventId)?.position ?? -1;
  return {
    claimId: claim.claimId,
    storylineId: claim.storylineId,
    recordedPosition,
    position,
    content: contentOf(claim.content),
    supports: claim.supports.map(({ by, occurredAt, with: coAuthors }) => coAuthored({ by, occurredAt }, coAuthors)),
    contradictions: claim.contradictions.map(({ by, with: coAuthors }) => coAuthored({ by }, coAuthors)),
    factChecks: claim.factChecks.map(({ by, url, rating, publishedAt }) => ({ by, url, rating, publishedAt })),
    verdicts: claim.verdicts.map(({ eventId, verdict, reviewUrl }) => {
      const recorded = { verdict, position: positionOf(eventId), recordedAt: logged.get(eventId)?.recordedAt ?? '' };
      return reviewUrl === undefined ? recorded : { ...recorded, reviewUrl };
    }),
    developmentsSinceVerdict: claim.developmentsSinceVerdict.map(positionOf),
    ...(claim.retraction ? { retraction: { kind: claim.retraction.kind } } : {}),
    relations: claim.relations.map(({ claimId, relation }) => ({ claimId, relation })),
  };
}
