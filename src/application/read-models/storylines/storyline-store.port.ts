import { StorylineFilter } from '../../queries/read-models.port';
import { ClaimSummary } from '../claims/claim-view';
import { StorylineCounts } from './storyline-tally';
import { StorylineRecord } from './storyline-view';

export const STORYLINE_STORE = Symbol('STORYLINE_STORE');

/** An opened storyline as its row keeps it. */
export interface StoredStoryline {
  /** Its place in lists: the position of its StorylineOpened event. */
  seq: number;
  record: StorylineRecord;
  counts: StorylineCounts;
  /** The newest position that changed the storyline or one of its claims. */
  position: number;
}

/** The storylines read model as one read transaction finds it stored. */
export interface StorylineSnapshot {
  /** Undefined for a storyline not opened. */
  storyline(storylineId: string): StoredStoryline | undefined;
  /** The opened storylines `filter` finds, in the order they were opened, after the one at `afterSeq`; at most `limit`. */
  storylines(filter: StorylineFilter, afterSeq: number, limit: number): StoredStoryline[];
  /** The storyline's claims as their rows summarise them, in recorded order, after the one at `afterSeq`; at most `limit`. */
  claimSummaries(storylineId: string, afterSeq: number, limit: number): Array<{ seq: number; summary: ClaimSummary }>;
}

/** The storylines read model's storage: stored data only, the views are built from it (storyline-views.ts). */
export interface StorylineStore {
  /** Runs `query` in one read transaction, so that everything it reads is true at one checkpoint. */
  read<T>(query: (snapshot: StorylineSnapshot) => T): T;
}
