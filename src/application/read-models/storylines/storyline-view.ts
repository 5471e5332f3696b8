import { evolveStoryline } from '../../../domain/storyline/storyline.evolve';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { StorylineContent } from '../../../domain/storyline/storyline.events';
import { asStorylineEvent } from '../../events/factline-event';
import { StoredEvent } from '../../ports/event-store.port';
import { ClaimSummary } from '../claims/claim-view';
import { StorylineCounts } from './storyline-tally';

export interface StorylineRecord extends StorylineContent {
  storylineId: string;
  revision: number;
  position: number;
  /** Position of the StorylineOpened event: the storyline's place in lists. */
  openedPosition: number;
  openedAt: string;
  updatedAt: string;
  /** Absent until a stakeholder is named. */
  stakeholders?: Stakeholder[];
}

/** A storyline in a list: its headline status and counts, without its claims. */
export type StorylineListItem = StorylineContent &
  StorylineCounts & {
    id: string;
    revision: number;
    /** The newest position that changed the storyline or one of its claims. */
    position: number;
    openedAt: string;
    updatedAt: string;
    /** The parties with a stake in the storyline: their supports of its claims are not independent. */
    stakeholders: Stakeholder[];
  };

/** The storyline as an editor opens it: the list item with the first page of its claims. */
export type StorylineView = StorylineListItem & {
  claims: ClaimSummary[];
  /** Present when the storyline has more claims: pass it to GET /v1/storylines/:id/claims. */
  claimsNextCursor?: string;
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
    openedPosition: record?.openedPosition ?? stored.position,
    openedAt: record?.openedAt ?? stored.metadata.recordedAt,
    updatedAt: stored.metadata.recordedAt,
  };
}

export function toStorylineListItem(
  record: StorylineRecord,
  counts: StorylineCounts,
  position: number,
): StorylineListItem {
  return {
    id: record.storylineId,
    title: record.title,
    summary: record.summary,
    tags: record.tags,
    ...counts,
    revision: record.revision,
    position: Math.max(position, record.position),
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    stakeholders: record.stakeholders ?? [],
  };
}
