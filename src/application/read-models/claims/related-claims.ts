import { ClaimRelation } from '../../../domain/claim/claim-relations';
import { ClaimStatus } from '../../../domain/claim/claim-status';
import { ClaimRecord } from './claim-record';
import { ClaimSummary } from './claim-view';

/** Another claim a claim is related to, as its view shows it: the relation and the other's standing. */
export interface RelatedClaim {
  claimId: string;
  relation: ClaimRelation;
  /** Absent while the other claim is not in the read models yet. */
  storylineId?: string;
  statement?: string;
  status?: ClaimStatus;
  needsReview?: boolean;
}

/** The other claim's storyline and summary, when known. */
export type RelatedSummaryOf = (claimId: string) => (ClaimSummary & { storylineId: string }) | undefined;

export function relatedClaims({ claim }: ClaimRecord, summaryOf: RelatedSummaryOf): RelatedClaim[] {
  return claim.relations.map(({ claimId, relation }) => {
    const other = summaryOf(claimId);
    if (!other) return { claimId, relation };
    const { storylineId, statement, status, needsReview } = other;
    return { claimId, relation, storylineId, statement, status, needsReview };
  });
}
