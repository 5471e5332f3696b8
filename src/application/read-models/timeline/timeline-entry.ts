import { ClaimEvent, FactCheckRating } from '../../../domain/claim/claim.events';
import { readRating } from '../../../domain/claim/fact-check-rating';
import { Party } from '../../../domain/party';
import { Source } from '../../../domain/source';
import { TimePrecision } from '../../../domain/time-precision';
import { DeskCalendar, WorldTime } from '../../../domain/desk-calendar';
import { asClaimEvent } from '../../events/factline-event';
import { StoredEvent } from '../../ports/event-store.port';
import { FactCheckStanding } from '../../../domain/claim/weighed-evidence';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { ClaimEvaluation, evaluateClaim } from '../claims/claim-evaluation';
import { ClaimRecord, ClaimRecordEvent, evolveClaimRecord } from '../claims/claim-record';

/** One development in a storyline, placed in world time (`occurredAt`). */
export interface TimelineEntry {
  eventId: string;
  position: number;
  type: string;
  occurredAt: string;
  /** How much of `occurredAt` is known, when less than the instant (see time-precision.ts). */
  occurredAtPrecision?: TimePrecision;
  recordedAt: string;
  /**
   * Its place on the storyline's timeline, as the timeline's order counts it (see DeskCalendar): the
   * start of its day in the desk's zone, never before the report it answers. Only on timeline pages.
   */
  placedAt?: string;
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
  /** The entry's place in milliseconds since 1970 (see DeskCalendar): instants written with any offset sort correctly. */
  sortKey: number;
}

const quoted = (statement: string) => `“${statement.length > 120 ? `${statement.slice(0, 117)}…` : statement}”`;

/** The entry as a timeline page shows it: with its place, when the place is a time. */
export function withPlace(entry: TimelineEntry, place: number): TimelineEntry {
  return Number.isFinite(place) ? { ...entry, placedAt: new Date(place).toISOString() } : entry;
}

/** An entry with its place on the timeline (see DeskCalendar); entries are ordered by place, then log position. */
export interface PlacedEntry {
  entry: TimelineEntry;
  place: number;
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
      kind: retraction.kind,
      ...optional(retraction),
      summary:
        retraction.kind === 'deleted'
          ? `${retraction.by.name} deleted ${quoted(base.statement ?? '')} without comment`
          : `${retraction.by.name} retracts ${quoted(base.statement ?? '')}`,
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

/** The world time a claim event's entry gives (a fact-check's is when it was published). */
function worldTimeOf(event: ClaimEvent): WorldTime {
  if (event.type === 'ClaimFactChecked') {
    return { at: event.data.publishedAt, precision: event.data.publishedAtPrecision };
  }
  const data = event.data as { occurredAt: string; occurredAtPrecision?: TimePrecision };
  return { at: data.occurredAt, precision: data.occurredAtPrecision };
}

const reportTime = ({ claim }: ClaimRecord): WorldTime => ({
  at: claim.content.occurredAt,
  precision: claim.content.occurredAtPrecision,
});

/**
 * Where each of a claim's entries sits, by log position: the report (ClaimRecorded) by its time as
 * corrected, every development of the claim answering it, so never before it.
 */
export function timelinePlaces(record: ClaimRecord, calendar: DeskCalendar): Map<number, number> {
  const { claim } = record;
  const times = new Map<string, WorldTime>();
  const timed = (eventId: string, at: string, precision?: TimePrecision) => times.set(eventId, { at, precision });
  for (const entry of [...claim.supports, ...claim.contradictions, ...(claim.retraction ? [claim.retraction] : [])]) {
    timed(entry.eventId, entry.occurredAt, entry.occurredAtPrecision);
  }
  for (const { eventId, occurredAt } of [...claim.corrections, ...claim.verdicts]) timed(eventId, occurredAt);
  for (const { eventId, publishedAt, publishedAtPrecision } of claim.factChecks) {
    timed(eventId, publishedAt, publishedAtPrecision);
  }
  const report = calendar.placeOf(reportTime(record));
  const places = new Map<number, number>();
  for (const { eventId, position } of record.events) {
    const time = times.get(eventId);
    if (eventId === claim.recordedEventId) places.set(position, report);
    else if (time) places.set(position, calendar.answerPlace(time, report));
  }
  return places;
}

/** What a claim event's own index row reads of its claim as the event leaves it. */
export interface PlacedClaim {
  claimId: string;
  storylineId: string;
  content: { occurredAt: string; occurredAtPrecision?: TimePrecision };
}

/**
 * The index rows one claim event writes: its own; every row of the claim when a correction moved the
 * report, since its answers are placed after it (from `record`, the claim's whole fold, which a page
 * holds for every claim a correction moves).
 */
export function timelineRows(
  stored: ClaimRecordEvent,
  after: PlacedClaim,
  calendar: DeskCalendar,
  record?: ClaimRecord,
): TimelineRow[] {
  const { claimId, storylineId } = after;
  const row = (position: number, sortKey: number) => ({ position, storylineId, claimId, sortKey });
  const event = asClaimEvent(stored);
  const report = calendar.placeOf({ at: after.content.occurredAt, precision: after.content.occurredAtPrecision });
  if (!event || event.type === 'ClaimRecorded') return [row(stored.position, report)];
  // A relation is between claims, not a development in the world: it has no place on a timeline.
  if (event.type === 'ClaimRelated' || event.type === 'ClaimUnrelated') return [];
  const changes = event.type === 'ClaimCorrected' ? event.data.changes : {};
  if ('occurredAt' in changes || 'occurredAtPrecision' in changes) {
    if (!record) throw new Error(`the whole fold of claim ${claimId} is needed to place its timeline again`);
    return [...timelinePlaces(record, calendar)].map(([position, place]) => row(position, place));
  }
  return [row(stored.position, calendar.answerPlace(worldTimeOf(event), report))];
}

/**
 * The timeline of some claims, folded in memory from their events in log order and weighed against
 * the registry as it stood then, in timeline order: the as-of twin of the read model.
 */
export function foldTimeline(
  events: Iterable<StoredEvent>,
  registry: PartyRegistry,
  calendar: DeskCalendar,
): PlacedEntry[] {
  const records = new Map<string, ClaimRecord>();
  for (const stored of events) {
    const claimId = (stored.data as { claimId?: unknown }).claimId;
    if (typeof claimId !== 'string') continue;
    const after = evolveClaimRecord(records.get(claimId), stored);
    if (after) records.set(claimId, after);
  }
  return [...records.values()]
    .flatMap((record) => {
      const places = timelinePlaces(record, calendar);
      return timelineEntries(record, evaluateClaim(record.claim, registry)).map((entry) => ({
        entry,
        place: places.get(entry.position) as number,
      }));
    })
    .sort((a, b) => a.place - b.place || a.entry.position - b.entry.position);
}
