import { ClaimStatus, Explanation, StorylineStatus } from './types';

/** GET /v1/changes and GET /v1/storylines/:id/changes: what moved between `since` and `next`. */

export interface HeadlineChange {
  id: string;
  title: string;
  /** Absent for a storyline opened since. */
  before?: StorylineStatus;
  after: StorylineStatus;
}

export interface ChangedClaimant {
  id: string;
  name: string;
}

export interface ClaimAdded {
  id: string;
  storylineId: string;
  statement: string;
  claimant: ChangedClaimant;
  status: ClaimStatus;
  needsReview: boolean;
  position: number;
  recordedAt: string;
}

export interface DecidingEvent {
  eventId: string;
  type: string;
  position: number;
  recordedAt: string;
}

export interface ClaimStatusChange {
  id: string;
  storylineId: string;
  statement: string;
  claimant: ChangedClaimant;
  before: ClaimStatus;
  after: ClaimStatus;
  needsReview: boolean;
  explanation: Explanation;
  decidedBy?: DecidingEvent;
}

export interface DevelopmentCounts {
  claimsRecorded: number;
  supports: number;
  contradictions: number;
  retractions: number;
  corrections: number;
  verdicts: number;
  factChecks: number;
}

export interface Changes {
  since: number;
  sinceTime?: string;
  next: number;
  truncated: boolean;
  storylines: HeadlineChange[];
  claimsAdded: ClaimAdded[];
  claimsChanged: ClaimStatusChange[];
  developments: { total: DevelopmentCounts; byStoryline: Array<DevelopmentCounts & { storylineId: string }> };
  totals: { storylines: number; claimsAdded: number; claimsChanged: number; storylinesWithDevelopments: number };
  nextCursor?: string;
}
