import { ClaimRecord, ClaimSummary } from '../../application/projections/claim-view';
import { ClaimStanding } from './storyline-tally';

/** The same object as `toClaimSummary(toClaimView(record))`, without building the full view. */
export function claimSummaryOf({ claim }: ClaimRecord, { status, needsReview }: ClaimStanding): ClaimSummary {
  const { statement, claimant, occurredAt } = claim.content;
  return {
    id: claim.claimId,
    statement,
    claimant: { id: claimant.id, name: claimant.name },
    status,
    needsReview,
    occurredAt,
  };
}
