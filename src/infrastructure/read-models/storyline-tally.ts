import { ClaimSummary } from '../../application/projections/claim-view';
import { countClaims } from '../../application/projections/storyline-view';
import { ClaimStatusCounts, emptyCounts, storylineStatus } from '../../domain/storyline/storyline-status';

/** What a storyline's counts know of one of its claims. */
export type ClaimStanding = Pick<ClaimSummary, 'status' | 'needsReview'>;

/**
 * A storyline's claim counts, kept up to date by the change of each claim's standing rather than
 * by recounting the storyline's claims; it ends where `countClaims` over all of them would.
 */
export class StorylineTally {
  private constructor(
    private readonly counts: ClaimStatusCounts,
    private needsReview: number,
    private claimCount: number,
  ) {}

  static of(claims: ClaimStanding[]): StorylineTally {
    const { counts, needsReview } = countClaims(claims);
    return new StorylineTally(counts, needsReview, claims.length);
  }

  /** From the stored columns; `counts` is `{}` while the storyline has no claim yet. */
  static fromStored(countsJson: string, needsReview: number, claimCount: number): StorylineTally {
    const counts = emptyCounts();
    Object.assign(counts, JSON.parse(countsJson) as Partial<ClaimStatusCounts>);
    return new StorylineTally(counts, needsReview, claimCount);
  }

  /** `before` is undefined for a claim new to the storyline. */
  change(before: ClaimStanding | undefined, after: ClaimStanding): void {
    if (before) {
      this.counts[before.status] -= 1;
      if (before.needsReview) this.needsReview -= 1;
    } else {
      this.claimCount += 1;
    }
    this.counts[after.status] += 1;
    if (after.needsReview) this.needsReview += 1;
  }

  /** The values of the storyline row's count columns. */
  columns() {
    return {
      status: storylineStatus(this.counts),
      needsReview: this.needsReview,
      claimCount: this.claimCount,
      counts: JSON.stringify(this.counts),
    };
  }
}
