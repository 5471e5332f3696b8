import { StoredEvent } from '../../ports/event-store.port';
import { evaluateClaim } from '../../projections/claim-evaluation';
import { ClaimRecord, evolveClaimRecord } from '../../projections/claim-record';
import { KnownClaim } from '../../projections/read-model-page';
import { LoggedEventRef } from './changes';

/** A claim's events split at `since`: those known then, and its own events in the window after it. */
export interface ClaimHistory {
  claimId: string;
  known: StoredEvent[];
  inWindow: StoredEvent[];
}

/** One claim at `since` and at `next`, with the window's events that moved it. */
export interface ClaimComparison {
  claimId: string;
  storylineId: string;
  /** Absent for a claim recorded since. */
  before?: KnownClaim;
  after: KnownClaim;
  /** The window's events of the claim that its fold took (a repeated ClaimRecorded is not one). */
  developments: StoredEvent[];
  decidedBy?: LoggedEventRef;
}

const known = (record: ClaimRecord | undefined): KnownClaim | undefined =>
  record && { record, evaluation: evaluateClaim(record.claim) };

const refOf = (event: StoredEvent): LoggedEventRef => ({
  eventId: event.eventId,
  type: event.type,
  position: event.position,
  recordedAt: event.metadata.recordedAt,
});

/**
 * The event that decided the new status: under the verdict rule the latest verdict (the rule names
 * later developments after it), else the newest event the explanation names.
 */
function decidingEvent(
  after: KnownClaim,
  eventOf: (eventId: string) => StoredEvent | undefined,
): LoggedEventRef | undefined {
  const { rule, eventIds } = after.evaluation.explanation;
  const named = (rule === 'verdict' ? eventIds.slice(0, 1) : eventIds).flatMap((id) => {
    const event = eventOf(id);
    return event ? [event] : [];
  });
  const newest = named.reduce<StoredEvent | undefined>(
    (latest, event) => (latest && latest.position > event.position ? latest : event),
    undefined,
  );
  return newest && refOf(newest);
}

/**
 * Folds the claim once: up to `since` with the same step the live projection takes, then on
 * through its window events. `otherEvents` are the window's events of other streams, which an
 * explanation may name too. Undefined when no claim exists at `next`.
 */
export function compareClaim(
  history: ClaimHistory,
  otherEvents: ReadonlyMap<string, StoredEvent> = new Map(),
): ClaimComparison | undefined {
  let record: ClaimRecord | undefined;
  for (const event of history.known) record = evolveClaimRecord(record, event);
  const before = known(record);
  const developments: StoredEvent[] = [];
  for (const event of history.inWindow) {
    const next = evolveClaimRecord(record, event);
    if (next !== record) developments.push(event);
    record = next;
  }
  const after = known(record);
  if (!after) return undefined;
  const own = new Map([...history.known, ...history.inWindow].map((event) => [event.eventId, event]));
  const decidedBy = decidingEvent(after, (eventId) => own.get(eventId) ?? otherEvents.get(eventId));
  return {
    claimId: history.claimId,
    storylineId: after.record.claim.storylineId,
    ...(before ? { before } : {}),
    after,
    developments,
    ...(decidedBy ? { decidedBy } : {}),
  };
}
