import { ClaimStatus } from '../../domain/claim/claim-status';
import { StorylineStatus } from '../../domain/storyline/storyline-status';
import { ClaimRecord, ClaimView } from '../projections/claim-view';
import { StorylineView } from '../projections/storyline-view';
import { TimelineEntry } from '../projections/timeline-entry';
import { Page, PageRequest } from './page';

export const CLAIM_READ_MODEL = Symbol('CLAIM_READ_MODEL');
export const STORYLINE_READ_MODEL = Symbol('STORYLINE_READ_MODEL');
export const TIMELINE_READ_MODEL = Symbol('TIMELINE_READ_MODEL');

export interface ClaimFilter {
  status?: ClaimStatus;
  storylineId?: string;
  claimantId?: string;
  text?: string;
  needsReview?: boolean;
}

export interface ClaimReadModel {
  get(claimId: string): ClaimRecord | undefined;
  search(filter: ClaimFilter, page: PageRequest): Page<ClaimView>;
  /** Ids of a storyline's claims, in the order they were recorded. */
  claimIdsOf(storylineId: string): string[];
  /** Log position of the last event this read model reflects. */
  checkpoint(): number;
}

export interface StorylineFilter {
  status?: StorylineStatus;
  tag?: string;
  text?: string;
}

export type StorylineListItem = Omit<StorylineView, 'claims'>;

export interface StorylineReadModel {
  get(storylineId: string): StorylineView | undefined;
  list(filter: StorylineFilter, page: PageRequest): Page<StorylineListItem>;
}

export interface TimelineReadModel {
  timeline(storylineId: string, page: PageRequest): Page<TimelineEntry>;
}
