import { ClaimStatus, ClaimStatusExplanation, claimStatus } from '../../../domain/claim/claim-status';
import { RecordedClaim } from '../../../domain/claim/claim.state';
import { decideWithRivals, explainWithRivals } from '../../../domain/claim/rival-review';
import { decideStatus } from '../../../domain/claim/status-decision';
import {
  DevelopmentStanding,
  FactCheckStanding,
  SupportStanding,
  weighEvidence,
} from '../../../domain/claim/weighed-evidence';
import { Voice } from '../../../domain/claim/voices';
import { PartyRegistry, ResolvedParty, emptyRegistry } from '../../../domain/party/party-registry';
import { ClaimRecord } from './claim-record';

/** The canonical parties the claim's mentions resolve to, and who wrote its piece jointly with the reporter. */
export interface ClaimParties {
  claimant: ResolvedParty;
  reportedBy?: ResolvedParty;
  with?: ResolvedParty[];
  /** "joint reporting by …", when the claim names co-reporters. */
  jointReporting?: string;
  /** The parties the claim is about. */
  about?: ResolvedParty[];
}
import { Stakeholder } from '../../../domain/storyline/stakeholder';

/** What a claim's status reads beyond its own stream and the registry. */
export interface EvaluationContext {
  /** The stakeholders of the claim's storyline, with their dates. */
  stakeholders?: readonly Stakeholder[];
  /** Rivals (`rival_of`) whose confirmation asks this claim for review. */
  confirmedRivals?: readonly string[];
}

/** What the status rule concluded about a claim: everything in its view that is not a recorded fact. */
export interface ClaimEvaluation {
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  parties: ClaimParties;
  independentSources: number;
  independentContradictions: number;
  contradictionVoices: Voice[];
  supports: SupportStanding[];
  contradictions: DevelopmentStanding[];
  /** Outside fact-checks: each is always shown, with what it does to the status and why. */
  factChecks: FactCheckStanding[];
  /** The party the retraction's `by` resolves to; absent without a retraction. */
  retractedBy?: ResolvedParty;
}

/** A claim's fold with what the status rule, words included, makes of it: what a view shows. */
export interface EvaluatedClaim {
  record: ClaimRecord;
  evaluation: ClaimEvaluation;
}

type Explained = Omit<ClaimEvaluation, 'status' | 'needsReview'>;

/** The explanation and every standing, in words: built on first read, as most evaluations are read for their status only. */
function explained(claim: RecordedClaim, registry: PartyRegistry, context: EvaluationContext): Explained {
  const evidence = weighEvidence(claim, registry, context.stakeholders);
  return {
    explanation: explainWithRivals(claimStatus(claim, evidence), context.confirmedRivals ?? []).explanation,
    parties: {
      claimant: evidence.claimant,
      ...(evidence.reportedBy ? { reportedBy: evidence.reportedBy } : {}),
      ...(evidence.coReporters ? { with: evidence.coReporters, jointReporting: evidence.jointReporting } : {}),
      ...(evidence.about ? { about: evidence.about } : {}),
    },
    independentSources: evidence.independentSources,
    independentContradictions: evidence.independentContradictions,
    contradictionVoices: evidence.contradictionVoices,
    supports: evidence.supports,
    contradictions: evidence.contradictions,
    factChecks: evidence.factChecks,
    ...(evidence.retractedBy ? { retractedBy: evidence.retractedBy } : {}),
  };
}

/**
 * An evaluation whose words wait to be read: the explanation and the standings are built together on
 * the first read, and the claim and the registry version are let go of then. They are own, enumerable
 * fields in the order they always had, so a spread, JSON and a deep comparison see the same fields.
 */
class EvaluationWithWordsOnRead {
  readonly status: ClaimStatus;
  readonly needsReview: boolean;
  #claim?: RecordedClaim;
  #registry?: PartyRegistry;
  #context?: EvaluationContext;
  #built?: Explained;

  constructor(claim: RecordedClaim, registry: PartyRegistry, context: EvaluationContext) {
    const decision = decideStatus(claim, registry, context.stakeholders);
    const { status, needsReview } = decideWithRivals(decision, context.confirmedRivals ?? []);
    this.status = status;
    this.needsReview = needsReview;
    this.#claim = claim;
    this.#registry = registry;
    this.#context = context;
    Object.defineProperties(this, EXPLAINED_FIELDS);
    // Only a retracted claim has the field, as a plain evaluation would.
    if (claim.retraction) Object.defineProperty(this, 'retractedBy', explainedField('retractedBy'));
  }

  words(): Explained {
    if (!this.#built) {
      this.#built = explained(
        this.#claim as RecordedClaim,
        this.#registry as PartyRegistry,
        this.#context as EvaluationContext,
      );
      this.#claim = undefined;
      this.#registry = undefined;
      this.#context = undefined;
    }
    return this.#built;
  }
}

const explainedField = (name: keyof Explained): PropertyDescriptor => ({
  enumerable: true,
  get(this: EvaluationWithWordsOnRead) {
    return this.words()[name];
  },
});

const EXPLAINED_FIELDS: PropertyDescriptorMap = {
  explanation: explainedField('explanation'),
  parties: explainedField('parties'),
  independentSources: explainedField('independentSources'),
  independentContradictions: explainedField('independentContradictions'),
  contradictionVoices: explainedField('contradictionVoices'),
  supports: explainedField('supports'),
  contradictions: explainedField('contradictions'),
  factChecks: explainedField('factChecks'),
};

/**
 * The status rule applied to a folded claim, with the registry as it stands, and a standing for each
 * development; `context` holds what other streams add: the stakeholders of its storyline, and its
 * rivals whose confirmation asks for review (see claim-rivals.ts).
 */
export function evaluateClaim(
  claim: RecordedClaim,
  registry: PartyRegistry = emptyRegistry,
  context: EvaluationContext = {},
): ClaimEvaluation {
  return new EvaluationWithWordsOnRead(claim, registry, context) as unknown as ClaimEvaluation;
}
