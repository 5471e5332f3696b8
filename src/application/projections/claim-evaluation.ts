import {
  ClaimStatus,
  ClaimStatusExplanation,
  FactCheckEffect,
  claimStatus,
  factCheckStanding,
  isIndependent,
} from '../../domain/claim/claim-status';
import { RecordedClaim, SupportEntry } from '../../domain/claim/claim.state';

/** Whether one support or contradiction counts towards the status, and why not when it does not. */
export interface DevelopmentAssessment {
  eventId: string;
  counts: boolean;
  reason?: string;
}

/** What the status rule concluded about a claim: everything in its view that is not a recorded fact. */
export interface ClaimEvaluation {
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  supports: Array<DevelopmentAssessment & { independent: boolean }>;
  contradictions: DevelopmentAssessment[];
  /** Outside fact-checks: each is always shown, with what it does to the status and why. */
  factChecks: Array<DevelopmentAssessment & { effect: FactCheckEffect; reason: string }>;
}

function supportAssessment(claim: RecordedClaim, support: SupportEntry) {
  const independent = isIndependent(claim, support);
  if (independent) return { eventId: support.eventId, independent, counts: true };
  const role = support.by.id === claim.content.claimant.id ? 'made the claim' : 'reported the claim';
  return { eventId: support.eventId, independent, counts: false, reason: `${support.by.name} ${role}` };
}

/** The status rule applied to a folded claim, with a verdict on each of its developments. */
export function evaluateClaim(claim: RecordedClaim): ClaimEvaluation {
  const { status, needsReview, explanation } = claimStatus(claim);
  return {
    status,
    needsReview,
    explanation,
    supports: claim.supports.map((support) => supportAssessment(claim, support)),
    contradictions: claim.contradictions.map((contradiction) => ({ eventId: contradiction.eventId, counts: true })),
    factChecks: claim.factChecks.map((factCheck) => ({
      eventId: factCheck.eventId,
      ...factCheckStanding(claim, factCheck),
    })),
  };
}
