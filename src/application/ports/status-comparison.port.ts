import { ClaimStatus, StatusRule } from '../../domain/claim/claim-status';
import { ClaimStatusCounts, StorylineStatus } from '../../domain/storyline/storyline-status';
import { StoredClaims } from '../read-models/claims/claim-store.port';
import { ReadModelGeneration } from './read-model-store.port';

/** What one generation holds of a claim's status: the status, the rule that fired and its reason in words. */
export interface StoredStatus {
  status: ClaimStatus;
  /** Absent when the generation's rule did not record one. */
  rule?: StatusRule;
  reason?: string;
}

/**
 * The rule and reason of the named claims' statuses, worked out as their views explain them from what
 * a generation stores of them (`explainedStatuses` in evaluated-claims.ts).
 */
export type StatusExplainer = (
  stored: StoredClaims,
  claimIds: readonly string[],
) => Map<string, Pick<StoredStatus, 'rule' | 'reason'>>;

/** A claim whose status differs between two generations; a side is absent when only the other holds the claim. */
export interface StatusChange {
  claimId: string;
  storylineId: string;
  before?: StoredStatus;
  after?: StoredStatus;
}

/** One page of the comparison: how many claims it covered, and those among them whose status differs. */
export interface StatusComparisonPage {
  claims: number;
  changes: StatusChange[];
}

/** What one generation holds of a storyline's headline: the status and the counts it follows from. */
export interface StoredHeadline {
  status: StorylineStatus;
  counts: ClaimStatusCounts;
  /** Absent when the generation did not count them. */
  retractedClaims?: number;
}

/** A storyline whose headline status differs between two generations; a side is absent when only the other holds it. */
export interface HeadlineChange {
  storylineId: string;
  title: string;
  before?: StoredHeadline;
  after?: StoredHeadline;
}

export interface HeadlineComparisonPage {
  storylines: number;
  changes: HeadlineChange[];
}

/**
 * Compares the claims of two generations of the read models by id, a page at a time, so that a read
 * model of a million claims is never held in memory. `before` is undefined when there is none.
 */
export interface StatusComparison {
  pages(before: ReadModelGeneration | undefined, after: ReadModelGeneration): Iterable<StatusComparisonPage>;
  /** The opened storylines the same way: a headline follows from its claims, but a rule may weigh them anew. */
  headlinePages(before: ReadModelGeneration | undefined, after: ReadModelGeneration): Iterable<HeadlineComparisonPage>;
}
