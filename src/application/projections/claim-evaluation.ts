import { ClaimStatus, ClaimStatusExplanation, claimStatus } from '../../domain/claim/claim-status';
import { RecordedClaim } from '../../domain/claim/claim.state';
import {
  DevelopmentStanding,
  FactCheckStanding,
  SupportStanding,
  weighEvidence,
} from '../../domain/claim/weighed-evidence';
import { PartyRegistry, ResolvedParty, emptyRegistry } from '../../domain/party/party-registry';

/** What the status rule concluded about a claim: everything in its view that is not a recorded fact. */
export interface ClaimEvaluation {
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  /** The canonical parties the claimant and reporter mentions resolve to. */
  parties: { claimant: ResolvedParty; reportedBy?: ResolvedParty };
  independentSources: number;
  supports: SupportStanding[];
  contradictions: DevelopmentStanding[];
  /** Outside fact-checks: each is always shown, with what it does to the status and why. */
  factChecks: FactCheckStanding[];
}

/** The status rule applied to a folded claim, with the registry as it stands, and a standing for each development. */
export function evaluateClaim(claim: RecordedClaim, registry: PartyRegistry = emptyRegistry): ClaimEvaluation {
  const evidence = weighEvidence(claim, registry);
  const { status, needsReview, explanation } = claimStatus(claim, evidence);
  return {
    status,
    needsReview,
    explanation,
    parties: { claimant: evidence.claimant, ...(evidence.reportedBy ? { reportedBy: evidence.reportedBy } : {}) },
    independentSources: evidence.independentSources,
    supports: evidence.supports,
    contradictions: evidence.contradictions,
    factChecks: evidence.factChecks,
  };
}
