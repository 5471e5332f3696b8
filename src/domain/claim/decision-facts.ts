import { Party } from '../party';
import { ClaimKind, FactCheckData, RetractionKind, Verdict } from './claim.events';

/**
 * What the status rule, the mentions index and a storyline's tally read of a claim: its parties and
 * the dates that weigh them, nothing of sources, notes or wording. A folded `RecordedClaim` has it,
 * and so has the compact state the projection keeps of every claim (claim-facts.ts).
 */
export interface DecisionFacts {
  content: {
    kind: ClaimKind;
    claimant: Party;
    reportedBy?: Party;
    with?: readonly Party[];
    about?: readonly Party[];
  };
  supports: ReadonlyArray<{ by: Party; occurredAt: string; with?: readonly Party[] }>;
  contradictions: ReadonlyArray<{ by: Party; with?: readonly Party[] }>;
  factChecks: ReadonlyArray<Pick<FactCheckData, 'by' | 'url' | 'rating' | 'publishedAt'>>;
  verdicts: ReadonlyArray<{ verdict: Verdict }>;
  /** Developments recorded after the latest verdict: only how many matters to the rule. */
  developmentsSinceVerdict: readonly unknown[];
  retraction?: { kind: RetractionKind };
}
