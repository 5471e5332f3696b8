import { ClaimEvent } from '../../domain/claim/claim.events';
import { Identified } from '../../domain/identified';
import { Party } from '../../domain/party';
import { Source } from '../../domain/source';
import { StoredEvent } from '../ports/event-store.port';
import { asClaimEvent } from '../events/factline-event';

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

const quoted = (statement: string) => `“${statement.length > 120 ? `${statement.slice(0, 117)}…` : statement}”`;

/** `statement` is the claim's wording as it stood when the event was recorded, so every entry reads in context. */
export function claimTimelineEntry(
  event: Identified<ClaimEvent>,
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
    case 'ClaimRecorded': {
      const { claimant, occurredAt, source } = event.data;
      return { ...base, occurredAt, by: claimant, source, summary: `${claimant.name} claims ${quoted(statement)}` };
    }
    case 'ClaimSupported':
    case 'ClaimContradicted': {
      const { by, kind, occurredAt, source, note } = event.data;
      const verb = event.type === 'ClaimSupported' ? 'supports' : 'contradicts';
      return {
        ...base,
        occurredAt,
        by,
        kind,
        source,
        note,
        summary: `${by.name} ${verb} (${kind}) ${quoted(statement)}`,
      };
    }
    case 'ClaimRetracted': {
      const { by, occurredAt, source, note } = event.data;
      return { ...base, occurredAt, by, source, note, summary: `${by.name} retracts ${quoted(statement)}` };
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

/** A correction fixes a data-entry mistake, so the claim's own entry takes the corrected time and wording. */
export function correctRecordedEntry(
  entry: TimelineEntry,
  changes: { statement?: string; occurredAt?: string },
): TimelineEntry {
  const statement = changes.statement ?? entry.statement ?? '';
  return {
    ...entry,
    statement,
    occurredAt: changes.occurredAt ?? entry.occurredAt,
    summary: entry.by ? `${entry.by.name} claims ${quoted(statement)}` : entry.summary,
  };
}

/** Instants written with any offset sort correctly once normalised to UTC. */
export const timelineSortKey = (entry: TimelineEntry): string => new Date(entry.occurredAt).toISOString();

export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  const byTime = timelineSortKey(a).localeCompare(timelineSortKey(b));
  return byTime !== 0 ? byTime : a.position - b.position;
}

/** The timeline folded in memory from the storyline's claim events in log order: the as-of twin of the projection. */
export function foldTimeline(events: Iterable<StoredEvent>): TimelineEntry[] {
  const statements = new Map<string, string>();
  const recordedAt = new Map<string, number>();
  const entries: TimelineEntry[] = [];
  for (const stored of events) {
    const event = asClaimEvent(stored);
    if (!event) continue;
    const claimId = event.data.claimId;
    if (event.type === 'ClaimRecorded') {
      statements.set(claimId, event.data.statement);
      recordedAt.set(claimId, entries.length);
      entries.push(claimTimelineEntry(event, stored, event.data.statement));
      continue;
    }
    let statement = statements.get(claimId);
    if (statement === undefined) continue;
    if (event.type === 'ClaimCorrected') {
      const index = recordedAt.get(claimId) as number;
      entries[index] = correctRecordedEntry(entries[index], event.data.changes);
      statement = event.data.changes.statement ?? statement;
      statements.set(claimId, statement);
    }
    entries.push(claimTimelineEntry(event, stored, statement));
  }
  return entries.sort(compareTimelineEntries);
}
