import { ClaimStatus } from '../../domain/claim/claim-status';
import {
  ClaimStatusCounts,
  StorylineStatus,
  emptyCounts,
  storylineStatus,
} from '../../domain/storyline/storyline-status';

/** What a storyline's counts know of one of its claims. */
export interface ClaimStanding {
  status: ClaimStatus;
  needsReview: boolean;
}

/** A storyline's headline status and counts, as stored and as shown. */
export interface StorylineCounts {
  status: StorylineStatus;
  counts: ClaimStatusCounts;
  needsReview: number;
  claimCount: number;
}

export const noClaimsYet = (): StorylineCounts => ({
  status: 'empty',
  counts: emptyCounts(),
  needsReview: 0,
  claimCount: 0,
});

/**
 * Moves a storyline's counts by the change of one claim's standing instead of recounting its claims;
 * `before` is undefined for a claim new to the storyline. Ends where `countClaims` over all would.
 */
export function tallyChange(
  tally: StorylineCounts,
  before: ClaimStanding | undefined,
  after: ClaimStanding,
): StorylineCounts {
  const counts = { ...tally.counts };
  let { needsReview, claimCount } = tally;
  if (before) {
    counts[before.status] -= 1;
    if (before.needsReview) needsReview -= 1;
  } else {
    claimCount += 1;
  }
  counts[after.status] += 1;
  if (after.needsReview) needsReview += 1;
  return { status: storylineStatus(counts), counts, needsReview, claimCount };
}

export function countClaims(claims: ClaimStanding[]): StorylineCounts {
  return claims.reduce<StorylineCounts>((tally, claim) => tallyChange(tally, undefined, claim), noClaimsYet());
}

export type { ClaimStatusCounts };
