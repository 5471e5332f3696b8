import { ClaimEvent } from '../../domain/claim/claim.events';
import { Identified } from '../../domain/identified';
import { Party } from '../../domain/party';
import { Source } from '../../domain/source';
import { asClaimEvent } from '../events/factline-event';
import { StoredEvent } from '../ports/event-store.port';
import { ClaimRecord, evolveClaimRecord } from './claim-record';

/** One development in a storyline, placed in world time (`occurredAt`). */
export interface TimelineEntry {
  eventId: string;
  position: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  claimId?: string;
  statement?: string;
  by?: Party;
  kind?: string;
  verdict?: string;
  note?: string;
  source?: Source;
  summary: string;
}

/** Where an entry sits in its storyline's timeline. */
export interface TimelineKey {
  sortKey: string;
  position: number;
}

/** What one claim event does to its storyline's timeline: an entry added, and the claim's own entry replaced. */
export interface TimelineChange {
  storylineId: string;
  entry: TimelineEntry;
  /** The entry this one takes the place of (a correction moves the claim's own entry). */
  replaces?: TimelineKey;
}

const quoted = (statement: string) => `“${statement.length > 120 ? `${statement.slice(0, 117)}…` : statement}”`;

/** Instants written with any offset sort correctly once normalised to UTC. */
export const sortKeyOf = (occurredAt: string): string => new Date(occurredAt).toISOString();
export const timelineSortKey = (entry: TimelineEntry): string => sortKeyOf(entry.occurredAt);

export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  const byTime = timelineSortKey(a).localeCompare(timelineSortKey(b));
  return byTime !== 0 ? byTime : a.position - b.position;
}

/**
 * The claim's own entry, from its content as it stands: a correction fixes a data-entry mistake, so
 * the entry takes the corrected wording, time, claimant and source.
 */
export function recordedEntry({ claim, recordedPosition, recordedAt }: ClaimRecord): TimelineEntry {
  const { statement, claimant, occurredAt, source } = claim.content;
  return {
    eventId: claim.recordedEventId,
    position: recordedPosition,
    type: 'ClaimRecorded',
    recordedAt,
    claimId: claim.claimId,
    statement,
    occurredAt,
    by: claimant,
    ...(source ? { source } : {}),
    summary: `${claimant.name} claims ${quoted(statement)}`,
  };
}

/** The entry of a later development; `statement` is the claim's wording when it was recorded, so it reads in context. */
function developmentEntry(
  event: Exclude<Identified<ClaimEvent>, { type: 'ClaimRecorded' }>,
  stored: StoredEvent,
  statement: string,
): TimelineEntry {
  const base = {
    eventId: stored.eventId,
    position: stored.position,
    type: event.type,
    recordedAt: stored.metadata.recordedAt,
    claimId: event.data.claimId,
    statement,
  };
  switch (event.type) {
    case 'ClaimSupported':
    case 'ClaimContradicted': {
      const { by, kind, occurredAt, source, note } = event.data;
      const verb = event.type === 'ClaimSupported' ? 'supports' : 'contradicts';
      return {
        ...base,
        occurredAt,
        by,
        kind,
        ...(source ? { source } : {}),
        ...(note !== undefined ? { note } : {}),
        summary: `${by.name} ${verb} (${kind}) ${quoted(statement)}`,
      };
    }
    case 'ClaimRetracted': {
      const { by, occurredAt, source, note } = event.data;
      return {
        ...base,
        occurredAt,
        by,
        ...(source ? { source } : {}),
        ...(note !== undefined ? { note } : {}),
        summary: `${by.name} retracts ${quoted(statement)}`,
      };
    }
    case 'ClaimCorrected': {
      const fields = Object.keys(event.data.changes).join(', ');
      return {
        ...base,
        occurredAt: event.data.occurredAt,
        note: event.data.reason,
        summary: `Correction (${fields}): ${event.data.reason}`,
      };
    }
    case 'ClaimVerdictIssued': {
      const { verdict, rationale, occurredAt } = event.data;
      return {
        ...base,
        occurredAt,
        verdict,
        note: rationale,
        summary: `Desk verdict: ${verdict} — ${quoted(statement)}`,
      };
    }
  }
}

/** The timeline changes of one step of the claim fold (`before` → `after` by `stored`). */
export function timelineChanges(
  before: ClaimRecord | undefined,
  stored: StoredEvent,
  after: ClaimRecord,
): TimelineChange[] {
  const event = asClaimEvent(stored);
  const storylineId = after.claim.storylineId;
  if (!event || event.type === 'ClaimRecorded' || !before) return [{ storylineId, entry: recordedEntry(after) }];
  const changes: TimelineChange[] = [];
  if (event.type === 'ClaimCorrected') {
    const replaces = { sortKey: sortKeyOf(before.claim.content.occurredAt), position: before.recordedPosition };
    changes.push({ storylineId, entry: recordedEntry(after), replaces });
  }
  const statement = (event.type === 'ClaimCorrected' ? after : before).claim.content.statement;
  changes.push({ storylineId, entry: developmentEntry(event, stored, statement) });
  return changes;
}

/** The timeline folded in memory from claim events in log order: the as-of twin of the projection. */
export function foldTimeline(events: Iterable<StoredEvent>): TimelineEntry[] {
  const records = new Map<string, ClaimRecord>();
  const entries = new Map<string, TimelineEntry>();
  const keyOf = (key: TimelineKey) => `${key.sortKey}\u0000${key.position}`;
  for (const stored of events) {
    const claimId = (stored.data as { claimId?: unknown }).claimId;
    if (typeof claimId !== 'string') continue;
    const before = records.get(claimId);
    const after = evolveClaimRecord(before, stored);
    if (!after || after === before) continue;
    records.set(claimId, after);
    for (const change of timelineChanges(before, stored, after)) {
      if (change.replaces) entries.delete(keyOf(change.replaces));
      entries.set(keyOf({ sortKey: timelineSortKey(change.entry), position: change.entry.position }), change.entry);
    }
  }
  return [...entries.values()].sort(compareTimelineEntries);
}
