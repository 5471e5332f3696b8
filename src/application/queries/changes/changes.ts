import { ClaimStatus, ClaimStatusExplanation } from '../../../domain/claim/claim-status';
import { StorylineStatus } from '../../../domain/storyline/storyline-status';

/** Where the comparison starts: a log position, or the last position recorded by a moment. */
export type ChangesFrom = { since: number } | { sinceTime: string };

/** New developments of a window, by kind: what the timeline would gain. */
export interface DevelopmentCounts {
  claimsRecorded: number;
  supports: number;
  contradictions: number;
  retractions: number;
  corrections: number;
  verdicts: number;
  factChecks: number;
}

export const noDevelopments = (): DevelopmentCounts => ({
  claimsRecorded: 0,
  supports: 0,
  contradictions: 0,
  retractions: 0,
  corrections: 0,
  verdicts: 0,
  factChecks: 0,
});

/** Which count each claim event adds to; events of other types are not developments. */
export const DEVELOPMENT_OF_TYPE: ReadonlyMap<string, keyof DevelopmentCounts> = new Map([
  ['ClaimRecorded', 'claimsRecorded'],
  ['ClaimSupported', 'supports'],
  ['ClaimContradicted', 'contradictions'],
  ['ClaimRetracted', 'retractions'],
  ['ClaimCorrected', 'corrections'],
  ['ClaimVerdictIssued', 'verdicts'],
  ['ClaimFactChecked', 'factChecks'],
]);

export interface StorylineDevelopments extends DevelopmentCounts {
  storylineId: string;
}

/** A storyline whose headline status moved; `before` is absent for one opened since. */
export interface StorylineHeadlineChange {
  id: string;
  title: string;
  before?: StorylineStatus;
  after: StorylineStatus;
}

export interface ClaimantName {
  id: string;
  name: string;
}

export interface ClaimAdded {
  id: string;
  storylineId: string;
  statement: string;
  claimant: ClaimantName;
  status: ClaimStatus;
  needsReview: boolean;
  /** Position of its ClaimRecorded event. */
  position: number;
  recordedAt: string;
}

/** An event of the log, as a change names it. */
export interface LoggedEventRef {
  eventId: string;
  type: string;
  position: number;
  recordedAt: string;
}

export interface ClaimStatusChange {
  id: string;
  storylineId: string;
  statement: string;
  claimant: ClaimantName;
  before: ClaimStatus;
  after: ClaimStatus;
  needsReview: boolean;
  /** Why the claim has its new status, as its view explains it. */
  explanation: ClaimStatusExplanation;
  /** The explanation's deciding event: the verdict under the verdict rule, else the newest event it names. */
  decidedBy?: LoggedEventRef;
}

/** How many entries each list has in all, over every page of the answer. */
export interface ChangeTotals {
  storylines: number;
  claimsAdded: number;
  claimsChanged: number;
  storylinesWithDevelopments: number;
}

/** What moved between `since` and `next`: the view at `since` compared with the view at `next`. */
export interface Changes {
  since: number;
  sinceTime?: string;
  next: number;
  truncated: boolean;
  storylines: StorylineHeadlineChange[];
  claimsAdded: ClaimAdded[];
  claimsChanged: ClaimStatusChange[];
  developments: { total: DevelopmentCounts; byStoryline: StorylineDevelopments[] };
  totals: ChangeTotals;
  nextCursor?: string;
}
