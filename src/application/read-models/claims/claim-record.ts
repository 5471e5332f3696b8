import { evolveClaim } from '../../../domain/claim/claim.evolve';
import { RecordedClaim } from '../../../domain/claim/claim.state';
import { asClaimEvent } from '../../events/factline-event';
import { EventMetadata, StoredEvent } from '../../ports/event-store.port';

/** Where and when one of the claim's events sits in the log. */
export interface LoggedEvent {
  eventId: string;
  position: number;
  recordedAt: string;
}

/** A claim folded from its stream, with the log facts the views need beyond the domain state. */
export interface ClaimRecord {
  claim: RecordedClaim;
  revision: number;
  /** Position of the claim's latest event. */
  position: number;
  /** Position of its ClaimRecorded event: the claim's place in lists, and its own timeline entry's key. */
  recordedPosition: number;
  recordedAt: string;
  updatedAt: string;
  /** The statement as first recorded; corrections may have changed `claim.content.statement` since. */
  recordedStatement: string;
  /** Every event of the claim in stream order: what its timeline entries are derived from. */
  events: LoggedEvent[];
}

/** What the claim fold reads of a stored event: the claims read model keeps each claim's events so. */
export type ClaimRecordEvent = Pick<StoredEvent, 'eventId' | 'type' | 'revision' | 'position' | 'data'> & {
  metadata: Pick<EventMetadata, 'recordedAt'>;
};

const logged = (stored: ClaimRecordEvent): LoggedEvent => ({
  eventId: stored.eventId,
  position: stored.position,
  recordedAt: stored.metadata.recordedAt,
});

/** One step of the claim fold; the live projection, rebuilds and as-of views all take it. */
export function evolveClaimRecord(record: ClaimRecord | undefined, stored: ClaimRecordEvent): ClaimRecord | undefined {
  const event = asClaimEvent(stored);
  // The decider never records a claim twice; a log that does keeps the first recording.
  if (!event || (record && event.type === 'ClaimRecorded')) return record;
  const claim = evolveClaim(record?.claim ?? null, event);
  if (claim === null || claim === record?.claim) return record;
  if (!record) {
    return {
      claim,
      revision: stored.revision,
      position: stored.position,
      recordedPosition: stored.position,
      recordedAt: stored.metadata.recordedAt,
      updatedAt: stored.metadata.recordedAt,
      recordedStatement: claim.content.statement,
      events: [logged(stored)],
    };
  }
  return {
    ...record,
    claim,
    revision: stored.revision,
    position: stored.position,
    updatedAt: stored.metadata.recordedAt,
    events: [...record.events, logged(stored)],
  };
}

export function foldClaimRecord(events: Iterable<ClaimRecordEvent>): ClaimRecord | undefined {
  let record: ClaimRecord | undefined;
  for (const event of events) record = evolveClaimRecord(record, event);
  return record;
}

/**
 * A record as a read-model row keeps it. Rows written before claims kept fact-checks have none, and
 * before claims had kinds none is factual, before claims had relations none has any; they are read so, and an older generation keeps serving
 * while a newer one is built.
 */
export function readClaimRecord(json: string): ClaimRecord {
  const record = JSON.parse(json) as ClaimRecord;
  record.claim.factChecks ??= [];
  record.claim.content.kind ??= 'factual';
  record.claim.relations ??= [];
  return record;
}
