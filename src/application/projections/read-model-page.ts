import { StoredEvent } from '../ports/event-store.port';
import { ClaimEvaluation, evaluateClaim } from './claim-evaluation';
import { ClaimRecord, evolveClaimRecord } from './claim-record';
import { ClaimSummary, toClaimSummary } from './claim-view';
import { StorylineCounts, noClaimsYet, tallyChange } from './storyline-tally';
import { StorylineRecord, evolveStorylineRecord } from './storyline-view';
import { TimelineRow, timelineRows } from './timeline-entry';

/** A claim as the read models hold it: its fold and what the status rule made of it. */
export interface KnownClaim {
  record: ClaimRecord;
  evaluation: ClaimEvaluation;
}

/** A storyline as the read models hold it; `record` is absent while only claims of it have been seen. */
export interface KnownStoryline {
  record?: StorylineRecord;
  counts: StorylineCounts;
  /** The newest position that changed the storyline or one of its claims. */
  position: number;
}

/** What the page needs to read of the stored read models. */
export interface ReadModelSource {
  claims(ids: string[]): Map<string, KnownClaim>;
  storylines(ids: string[]): Map<string, KnownStoryline>;
}

export interface ClaimWrite extends KnownClaim {
  summary: ClaimSummary;
}

export interface StorylineWrite extends KnownStoryline {
  id: string;
  /** Whether the storyline's own events moved it in this page (not only its claims). */
  recordChanged: boolean;
}

/** Everything one page of the log changes in the read models, computed before any of it is written. */
export interface ReadModelPage {
  checkpoint: number;
  claims: ClaimWrite[];
  storylines: StorylineWrite[];
  timeline: TimelineRow[];
}

const idOf = (event: StoredEvent, field: 'claimId' | 'storylineId'): string | undefined => {
  const id = (event.data as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' ? id : undefined;
};

/**
 * Folds a page of the log once: each claim event moves its claim's record, and the claims,
 * storylines and timeline read models all take what they show from that one fold.
 */
export function foldPage(events: StoredEvent[], source: ReadModelSource): ReadModelPage {
  const claimIds = new Set<string>();
  const storylineIds = new Set<string>();
  for (const event of events) {
    if (event.type.startsWith('Storyline')) addIf(storylineIds, idOf(event, 'storylineId'));
    else if (event.type.startsWith('Claim')) addIf(claimIds, idOf(event, 'claimId'));
    if (event.type === 'ClaimRecorded') addIf(storylineIds, idOf(event, 'storylineId'));
  }
  const knownClaims = source.claims([...claimIds]);
  for (const { record } of knownClaims.values()) storylineIds.add(record.claim.storylineId);
  const knownStorylines = source.storylines([...storylineIds]);

  const records = new Map<string, ClaimRecord>();
  const storylines = new Map<string, StorylineWrite>();
  const storylineOf = (id: string): StorylineWrite => {
    let write = storylines.get(id);
    if (!write) {
      const stored = knownStorylines.get(id);
      write = {
        id,
        record: stored?.record,
        counts: stored?.counts ?? noClaimsYet(),
        position: stored?.position ?? -1,
        recordChanged: false,
      };
      storylines.set(id, write);
    }
    return write;
  };
  const timeline: TimelineRow[] = [];

  for (const event of events) {
    try {
      if (event.type.startsWith('Storyline')) {
        const storylineId = idOf(event, 'storylineId');
        if (!storylineId) continue;
        const write = storylineOf(storylineId);
        const after = evolveStorylineRecord(write.record, event);
        if (after === write.record) continue;
        write.record = after;
        write.recordChanged = true;
        write.position = Math.max(write.position, event.position);
        continue;
      }
      const claimId = event.type.startsWith('Claim') ? idOf(event, 'claimId') : undefined;
      if (!claimId) continue;
      const before = records.get(claimId) ?? knownClaims.get(claimId)?.record;
      const after = evolveClaimRecord(before, event);
      if (!after || after === before) continue;
      records.set(claimId, after);
      timeline.push(...timelineRows(event, after));
      const write = storylineOf(after.claim.storylineId);
      write.position = Math.max(write.position, event.position);
    } catch (error) {
      throw new ProjectionFailure(event, error);
    }
  }

  const claims: ClaimWrite[] = [];
  for (const [claimId, record] of records) {
    const evaluation = evaluateClaim(record.claim);
    const write = storylineOf(record.claim.storylineId);
    write.counts = tallyChange(write.counts, knownClaims.get(claimId)?.evaluation, evaluation);
    claims.push({ record, evaluation, summary: toClaimSummary(record, evaluation) });
  }
  return { checkpoint: events[events.length - 1].position, claims, storylines: [...storylines.values()], timeline };
}

function addIf(ids: Set<string>, id: string | undefined): void {
  if (id !== undefined) ids.add(id);
}

/** An event the read models could not take; the projections stop before it rather than skip it. */
export class ProjectionFailure extends Error {
  constructor(
    readonly event: StoredEvent,
    cause: unknown,
  ) {
    super(
      `cannot apply ${event.type} at position ${event.position} (${event.streamId}): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'ProjectionFailure';
  }
}
