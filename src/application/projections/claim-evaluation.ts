import sameValue from 'fast-deep-equal';
import { ClaimStatus, ClaimStatusExplanation, claimStatus } from '../../domain/claim/claim-status';
import { RecordedClaim } from '../../domain/claim/claim.state';
import { decideStatus } from '../../domain/claim/status-decision';
import {
  DevelopmentStanding,
  FactCheckStanding,
  SupportStanding,
  weighEvidence,
} from '../../domain/claim/weighed-evidence';
import { PartyRegistry, ResolvedParty, emptyRegistry } from '../../domain/party/party-registry';
import { Stakeholder } from '../../domain/storyline/stakeholder';

/** What the status rule concluded about a claim: everything in its view that is not a recorded fact. */
export interface ClaimEvaluation {
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  /** The canonical parties the claimant and reporter mentions resolve to. */
  parties: { claimant: ResolvedParty; reportedBy?: ResolvedParty; about?: ResolvedParty[] };
  independentSources: number;
  supports: SupportStanding[];
  contradictions: DevelopmentStanding[];
  /** Outside fact-checks: each is always shown, with what it does to the status and why. */
  factChecks: FactCheckStanding[];
}

type Explained = Omit<ClaimEvaluation, 'status' | 'needsReview'>;

/** The explanation and every standing, in words: built on first read, as most evaluations are read for their status only. */
function explained(claim: RecordedClaim, registry: PartyRegistry, stakeholders: readonly Stakeholder[]): Explained {
  const evidence = weighEvidence(claim, registry, stakeholders);
  return {
    explanation: claimStatus(claim, evidence).explanation,
    parties: {
      claimant: evidence.claimant,
      ...(evidence.reportedBy ? { reportedBy: evidence.reportedBy } : {}),
      ...(evidence.about ? { about: evidence.about } : {}),
    },
    independentSources: evidence.independentSources,
    supports: evidence.supports,
    contradictions: evidence.contradictions,
    factChecks: evidence.factChecks,
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
  #stakeholders?: readonly Stakeholder[];
  #built?: Explained;

  constructor(claim: RecordedClaim, registry: PartyRegistry, stakeholders: readonly Stakeholder[]) {
    const { status, needsReview } = decideStatus(claim, registry, stakeholders);
    this.status = status;
    this.needsReview = needsReview;
    this.#claim = claim;
    this.#registry = registry;
    this.#stakeholders = stakeholders;
    Object.defineProperties(this, EXPLAINED_FIELDS);
  }

  words(): Explained {
    if (!this.#built) {
      this.#built = explained(
        this.#claim as RecordedClaim,
        this.#registry as PartyRegistry,
        this.#stakeholders as readonly Stakeholder[],
      );
      this.#claim = undefined;
      this.#registry = undefined;
      this.#stakeholders = undefined;
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
  supports: explainedField('supports'),
  contradictions: explainedField('contradictions'),
  factChecks: explainedField('factChecks'),
};

/**
 * The status rule applied to a folded claim, with the registry as it stands and the stakeholders of
 * its storyline, and a standing for each development.
 */
export function evaluateClaim(
  claim: RecordedClaim,
  registry: PartyRegistry = emptyRegistry,
  stakeholders: readonly Stakeholder[] = [],
): ClaimEvaluation {
  return new EvaluationWithWordsOnRead(claim, registry, stakeholders) as unknown as ClaimEvaluation;
}

/** Whether two evaluations say the same: a different status says so before any words are built. */
export function sameEvaluation(a: ClaimEvaluation, b: ClaimEvaluation): boolean {
  return a.status === b.status && a.needsReview === b.needsReview && sameValue({ ...a }, { ...b });
}
