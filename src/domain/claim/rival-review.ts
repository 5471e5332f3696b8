import { RIVAL_CONFIRMED } from './claim-relations';
import { ClaimStatusResult } from './claim-status';
import { StatusDecision } from './status-decision';

/**
 * A rival confirmed after the desk last ruled on this claim (or before it ever did) asks the desk to
 * look at this one again: its status stands, it needs review. `confirmedRivals` are the ids of those
 * rivals; which rivals they are is the projection's to find, as it sees both claims.
 */
export function decideWithRivals(decision: StatusDecision, confirmedRivals: readonly string[]): StatusDecision {
  return confirmedRivals.length === 0 ? decision : { status: decision.status, needsReview: true };
}

export function explainWithRivals(result: ClaimStatusResult, confirmedRivals: readonly string[]): ClaimStatusResult {
  if (confirmedRivals.length === 0) return result;
  const { explanation } = result;
  const reason = `${RIVAL_CONFIRMED.charAt(0).toUpperCase()}${RIVAL_CONFIRMED.slice(1)}`;
  return {
    ...result,
    needsReview: true,
    explanation: {
      ...explanation,
      confirmedRivals: [...confirmedRivals],
      summary: `${explanation.summary} ${reason} (${confirmedRivals.join(', ')}): it needs review.`,
    },
  };
}
