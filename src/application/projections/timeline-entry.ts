import { ClaimEvent } from '../../domain/claim/claim.events';
import { Identified } from '../../domain/identified';
import { Party } from '../../domain/party';
import { Source } from '../../domain/source';
import { StoredEvent } from '../../infrastructure/event-store/event-store.port';

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
