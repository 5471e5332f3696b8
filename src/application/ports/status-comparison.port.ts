import { ClaimStatus, StatusRule } from '../../domain/claim/claim-status';
import { ReadModelGeneration } from './read-model-store.port';

/** What one generation holds of a claim's status: the status, the rule that fired and its reason in words. */
export interface StoredStatus {
  status: ClaimStatus;
  /** Absent when the generation's rule did not record one. */
  rule?: StatusRule;
  reason?: string;
}

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

/**
 * Compares the claims of two generations of the read models by id, a page at a time, so that a read
 * model of a million claims is never held in memory. `before` is undefined when there is none.
 */
export interface StatusComparison {
  pages(before: ReadModelGeneration | undefined, after: ReadModelGeneration): Iterable<StatusComparisonPage>;
}
