import { FactCheckRating } from '../../domain/claim/claim.events';
import { readRating } from '../../domain/claim/fact-check-rating';
import { Party } from '../../domain/party';
import { Source } from '../../domain/source';
import { TimePrecision } from '../../domain/time-precision';
import { asClaimEvent } from '../events/factline-event';
import { StoredEvent } from '../ports/event-store.port';
import { FactCheckStanding } from '../../domain/claim/weighed-evidence';
import { PartyRegistry } from '../../domain/party/party-registry';
import { ClaimEvaluation, evaluateClaim } from './claim-evaluation';
import { ClaimRecord, evolveClaimRecord } from './claim-record';

/** One development in a storyline, placed in world time (`occurredAt`). */
export interface TimelineEntry {
  eventId: string;
  position: number;
  type: string;
  occurredAt: string;
  /** How much of `occurredAt` is known, when less than the instant (see time-precision.ts). */
  occurredAtPrecision?: TimePrecision;
  recordedAt: string;
  claimId?: string;
  statement?: string;
  by?: Party;
  kind?: string;
  verdict?: string;
  note?: string;
  source?: Source;
  /** An outside fact-check: its rating, the review's address, and whether it counts for the status and why. */
  rating?: FactCheckRating;
  url?: string;
  counts?: boolean;
  reason?: string;
  summary: string;
}

/** An entry's place in its storyline's timeline: the read model's index row. */
export interface TimelineRow {
  /** Log position of the event the entry is about; one entry per event. */
  position: number;
  storylineId: string;
  claimId: string;
  /** `occurredAt` in milliseconds since 1970: instants written with any offset sort correctly. */
  sortKey: number;
}

const quoted = (statement: string) => `“${statement.length > 120 ? `${statement.slice(0, 117)}…` : statement}”`;

export const sortKeyOf = (occurredAt: string): number => Date.parse(occurredAt);
export const timelineSortKey = (entry: TimelineEntry): number => sortKeyOf(entry.occurredAt);

export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  return timelineSortKey(a) - timelineSortKey(b) || a.position - b.position;
}

/**
 * The claim's own entry, from its content as it stands: a correction fixes a data-entry mistake, so
 * the entry takes the corrected wording, time, claimant and source.
 */
function recordedEntry({ claim, recordedPosition, recordedAt }: ClaimRecord): TimelineEntry {
  const { statement, claimant, occurredAt, occurredAtPrecision, source } = claim.content;
  return {
    eventId: claim.recordedEventId,
    position: recordedPosition,
    type: 'ClaimRecorded',
    recordedAt,
    claimId: claim.claimId,
    statement,
    occurredAt,
    ...(occurredAtPrecision ? { occurredAtPrecision } : {}),
    by: claimant,
    ...(source ? { source } : {}),
    summary: `${claimant.name} claims ${quoted(statement)}`,
  };
}

type Base = Pick<TimelineEntry, 'eventId' | 'position' | 'recordedAt' | 'claimId' | 'statement'>;

/** The entries of a claim's later developments, by event id; `base` carries what the log says of each. */
function developmentEntries(
  { claim }: ClaimRecord,
  evaluation: ClaimEvaluation,
): Map<string, (base: Base) => TimelineEntry> {
  const entries = new Map<string, (base: Base) => TimelineEntry>();
  const optional = (entry: { occurredAtPrecision?: TimePrecision; source?: unknown; note?: string }) => ({
    ...(entry.occurredAtPrecision ? { occurredAtPrecision: entry.occurredAtPrecision } : {}),
    ...(entry.source ? { source: entry.source as TimelineEntry['source'] } : {}),
    ...(entry.note !== undefined ? { note: entry.note } : {}),
  });
  for (const support of claim.supports) {
    entries.set(support.eventId, (base) => ({
      ...base,
      type: 'ClaimSupported',
      occurredAt: support.occurredAt,
      by: support.by,
      kind: support.kind,
      ...optional(support),
      summary: `${support.by.name} supports (${support.kind}) ${quoted(base.statement ?? '')}`,
    }));
  }
  for (const contradiction of claim.contradictions) {
    entries.set(contradiction.eventId, (base) => ({
      ...base,
      type: 'ClaimContradicted',
      occurredAt: contradiction.occurredAt,
      by: contradiction.by,
      kind: contradiction.kind,
      ...optional(contradiction),
      summary: `${contradiction.by.name} contradicts (${contradiction.kind}) ${quoted(base.statement ?? '')}`,
    }));
  }
  const retraction = claim.retraction;
  if (retraction) {
    entries.set(retraction.eventId, (base) => ({
      ...base,
      type: 'ClaimRetracted',
      occurredAt: retraction.occurredAt,
      by: retraction.by,
      ...optional(retraction),
      summary: `${retraction.by.name} retracts ${quoted(base.statement ?? '')}`,
    }));
  }
  for (const correction of claim.corrections) {
    entries.set(correction.eventId, (base) => ({
      ...base,
      type: 'ClaimCorrected',
      occurredAt: correction.occurredAt,
      note: correction.reason,
      summary: `Correction (${Object.keys(correction.changes).join(', ')}): ${correction.reason}`,
    }));
  }
  const standings = new Map(evaluation.factChecks.map((standing) => [standing.eventId, standing]));
  for (const factCheck of claim.factChecks) {
    const standing = standings.get(factCheck.eventId) as FactCheckStanding;
    const effect = standing.counts ? `counts as a ${standing.effect}` : 'does not count';
    entries.set(factCheck.eventId, (base) => ({
      ...base,
      type: 'ClaimFactChecked',
      occurredAt: factCheck.publishedAt,
      ...(factCheck.publishedAtPrecision ? { occurredAtPrecision: factCheck.publishedAtPrecision } : {}),
      by: factCheck.by,
      rating: factCheck.rating,
      url: factCheck.url,
      counts: standing.counts,
      reason: standing.reason,
      summary: `${factCheck.by.name} fact-checks ${quoted(base.statement ?? '')}: ${readRating(factCheck.rating).described}, ${effect}`,
    }));
  }
  for (const verdict of claim.verdicts) {
    entries.set(verdict.eventId, (base) => ({
      ...base,
      type: 'ClaimVerdictIssued',
      occurredAt: verdict.occurredAt,
      verdict: verdict.verdict,
      note: verdict.rationale,
      summary: `Desk verdict: ${verdict.verdict} — ${quoted(base.statement ?? '')}`,
    }));
  }
  return entries;
}

/**
 * Every timeline entry of a claim, derived from its fold. A development's entry quotes the
 * statement as it read when the development was recorded (a correction's, as it corrected it).
 */
export function timelineEntries(record: ClaimRecord, evaluation: ClaimEvaluation): TimelineEntry[] {
  const developments = developmentEntries(record, evaluation);
  const statementChanges = new Map(
    record.claim.corrections.flatMap((correction) =>
      correction.changes.statement !== undefined ? [[correction.eventId, correction.changes.statement] as const] : [],
    ),
  );
  let statement = record.recordedStatement;
  const entries: TimelineEntry[] = [];
  for (const { eventId, position, recordedAt } of record.events) {
    if (eventId === record.claim.recordedEventId) {
      entries.push(recordedEntry(record));
      continue;
    }
    statement = statementChanges.get(eventId) ?? statement;
    const entry = developments.get(eventId);
    if (entry) entries.push(entry({ eventId, position, recordedAt, claimId: record.claim.claimId, statement }));
  }
  return entries;
}

/** The index rows one claim event writes: its own, and the claim's moved entry when a correction changed its time. */
export function timelineRows(stored: StoredEvent, after: ClaimRecord): TimelineRow[] {
  const { claimId, storylineId, content } = after.claim;
  const row = (position: number, occurredAt: string) => ({
    position,
    storylineId,
    claimId,
    sortKey: sortKeyOf(occurredAt),
  });
  const event = asClaimEvent(stored);
  if (!event || event.type === 'ClaimRecorded') return [row(stored.position, content.occurredAt)];
  // A relation is between claims, not a development in the world: it has no place on a timeline.
  if (event.type === 'ClaimRelated' || event.type === 'ClaimUnrelated') return [];
  const rows = [
    row(stored.position, event.type === 'ClaimFactChecked' ? event.data.publishedAt : event.data.occurredAt),
  ];
  if (event.type === 'ClaimCorrected' && event.data.changes.occurredAt != null) {
    rows.push(row(after.recordedPosition, content.occurredAt));
  }
  return rows;
}

/**
 * The timeline of some claims, folded in memory from their events in log order and weighed against
 * the registry as it stood then: the as-of twin of the read model.
 */
export function foldTimeline(events: Iterable<StoredEvent>, registry: PartyRegistry): TimelineEntry[] {
  const records = new Map<string, ClaimRecord>();
  for (const stored of events) {
    const claimId = (stored.data as { claimId?: unknown }).claimId;
    if (typeof claimId !== 'string') continue;
    const after = evolveClaimRecord(records.get(claimId), stored);
    if (after) records.set(claimId, after);
  }
  return [...records.values()]
    .flatMap((record) => timelineEntries(record, evaluateClaim(record.claim, registry)))
    .sort(compareTimelineEntries);
}
