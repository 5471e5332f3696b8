import {
  ClaimStatusCounts,
  StorylineStatus,
  emptyCounts,
  storylineStatus,
} from '../../domain/storyline/storyline-status';
import { evolveStoryline } from '../../domain/storyline/storyline.decider';
import { StorylineContent } from '../../domain/storyline/storyline.events';
import { StoredEvent } from '../ports/event-store.port';
import { asStorylineEvent } from '../events/factline-event';
import { ClaimSummary } from './claim-view';

export interface StorylineRecord extends StorylineContent {
  storylineId: string;
  revision: number;
  position: number;
  openedAt: string;
  updatedAt: string;
}

export type StorylineView = StorylineContent & {
  id: string;
  status: StorylineStatus;
  counts: ClaimStatusCounts;
  needsReview: number;
  claimCount: number;
  claims: ClaimSummary[];
  revision: number;
  position: number;
  openedAt: string;
  updatedAt: string;
};

export function evolveStorylineRecord(
  record: StorylineRecord | undefined,
  stored: StoredEvent,
): StorylineRecord | undefined {
  const event = asStorylineEvent(stored);
  if (!event) return record;
  const state = evolveStoryline(record ?? null, event);
  if (state === null) return record;
  return {
    ...state,
    revision: stored.revision,
    position: stored.position,
    openedAt: record?.openedAt ?? stored.metadata.recordedAt,
    updatedAt: stored.metadata.recordedAt,
  };
}

export function countClaims(claims: Array<Pick<ClaimSummary, 'status' | 'needsReview'>>) {
  const counts = emptyCounts();
  let needsReview = 0;
  for (const claim of claims) {
    counts[claim.status] += 1;
    if (claim.needsReview) needsReview += 1;
  }
  return { counts, needsReview, status: storylineStatus(counts) };
}

/** The storyline as an editor sees it: its headline status from its claims, with counts. */
export function toStorylineView(record: StorylineRecord, claims: ClaimSummary[]): StorylineView {
  const { counts, needsReview, status } = countClaims(claims);
  return {
    id: record.storylineId,
    title: record.title,
    summary: record.summary,
    tags: record.tags,
    status,
    counts,
    needsReview,
    claimCount: claims.length,
    claims,
    revision: record.revision,
    position: record.position,
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
  };
}
