import { ClaimStatus } from '../../../domain/claim/claim-status';
import { CLAIM_KINDS, ClaimKind } from '../../../domain/claim/claim.events';
import { StatusDecision } from '../../../domain/claim/status-decision';
import { DecisionFacts } from '../../../domain/claim/decision-facts';
import {
  ClaimStatusCounts,
  StorylineStatus,
  emptyCounts,
  storylineStatus,
} from '../../../domain/storyline/storyline-status';

/** What a storyline's counts know of one of its claims. */
export interface ClaimStanding {
  status: ClaimStatus;
  needsReview: boolean;
  kind: ClaimKind;
  /**
   * Retracted by its claimant or reporter, with or without a verdict since. Absent where only the
   * status is at hand (what-changed compares headline statuses alone).
   */
  retracted?: boolean;
}

/** A claim's standing from its fold (or its facts) and what the status rule decided of it. */
export const standingOf = (
  { claim }: { claim: Pick<DecisionFacts, 'content' | 'retraction'> },
  { status, needsReview }: StatusDecision,
): ClaimStanding => ({
  status,
  needsReview,
  kind: claim.content.kind,
  retracted: claim.retraction !== undefined,
});

export type ClaimKindCounts = Record<ClaimKind, number>;

/**
 * A storyline's headline status and counts, as stored and as shown. Opinions and predictions keep
 * their own statuses, but the headline weighs factual claims only: a disputed opinion does not make
 * a storyline disputed. `claimCount` and `kinds` count every claim.
 */
export interface StorylineCounts {
  status: StorylineStatus;
  /** Factual claims by status. */
  counts: ClaimStatusCounts;
  /** Factual claims that need review. */
  needsReview: number;
  /** Factual claims their claimant or reporter retracted; `counts.retracted` are those still without a verdict. */
  retractedClaims: number;
  claimCount: number;
  kinds: ClaimKindCounts;
}

export const noKinds = (): ClaimKindCounts =>
  Object.fromEntries(CLAIM_KINDS.map((kind) => [kind, 0])) as ClaimKindCounts;

export const noClaimsYet = (): StorylineCounts => ({
  status: 'empty',
  counts: emptyCounts(),
  needsReview: 0,
  retractedClaims: 0,
  claimCount: 0,
  kinds: noKinds(),
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
  const kinds = { ...tally.kinds };
  let { needsReview, retractedClaims, claimCount } = tally;
  if (before) {
    kinds[before.kind] -= 1;
    if (before.kind === 'factual') {
      counts[before.status] -= 1;
      if (before.needsReview) needsReview -= 1;
      if (before.retracted) retractedClaims -= 1;
    }
  } else {
    claimCount += 1;
  }
  kinds[after.kind] += 1;
  if (after.kind === 'factual') {
    counts[after.status] += 1;
    if (after.needsReview) needsReview += 1;
    if (after.retracted) retractedClaims += 1;
  }
  return { status: storylineStatus(counts), counts, needsReview, retractedClaims, claimCount, kinds };
}

export function countClaims(claims: ClaimStanding[]): StorylineCounts {
  return claims.reduce<StorylineCounts>((tally, claim) => tallyChange(tally, undefined, claim), noClaimsYet());
}

export type { ClaimStatusCounts };
