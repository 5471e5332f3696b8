import { LRUCache } from 'lru-cache';
import { DecisionFacts } from '../../../domain/claim/decision-facts';
import { decideWithRivals } from '../../../domain/claim/rival-review';
import { decideStatus } from '../../../domain/claim/status-decision';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { ClaimEvaluation, evaluateClaim } from '../../read-models/claims/claim-evaluation';
import { ClaimRecord } from '../../read-models/claims/claim-record';
import { ClaimStanding, standingOf } from '../../read-models/storylines/storyline-tally';
import { RegistryVersion } from '../registry-history';

/** Whole evaluations kept: those of the claims an answer lists (about 1.6 kB each as JSON). */
const KEPT_EVALUATIONS = 5_000;
/** Standings kept: every claim compared at `since`, most of them the claims a registry event reached. */
const KEPT_STANDINGS = 50_000;

/** What a claim is weighed with besides its fold: the registry's version and its storyline's stakeholders there. */
export interface WeighedWith {
  version: RegistryVersion;
  stakeholders: readonly Stakeholder[];
}

/**
 * What the status rule made of claim folds against registry versions and stakeholders, kept between
 * answers: the morning call is asked again, and by several editors from nearby positions. The log
 * only grows, so a claim's fold is named by the claim and the position of its latest event, and a
 * registry by its version key (RegistryHistory); the stakeholders, which a point names only through
 * the storyline's stream, are named by themselves. The same names always stand for the same evaluation.
 */
export class KeptEvaluations {
  private readonly evaluations = new LRUCache<string, ClaimEvaluation>({ max: KEPT_EVALUATIONS });
  private readonly standings = new LRUCache<string, ClaimStanding>({ max: KEPT_STANDINGS });

  /** `confirmedRivals` (see claim-rivals.ts) belong to the name: a rival confirmed since asks for review. */
  evaluation(record: ClaimRecord, weighedWith: WeighedWith, confirmedRivals: readonly string[] = []): ClaimEvaluation {
    const key = `${keyOf(record.claim.claimId, record.position, weighedWith)}\u0000${confirmedRivals.join('\u0000')}`;
    let evaluation = this.evaluations.get(key);
    if (!evaluation) {
      const { version, stakeholders } = weighedWith;
      evaluation = evaluateClaim(record.claim, version.registry, { confirmedRivals, stakeholders });
      this.evaluations.set(key, evaluation);
    }
    return evaluation;
  }

  /** The standing of the claim's fold whose latest event is at `position`, when one is kept. */
  keptStanding(claimId: string, position: number, weighedWith: WeighedWith): ClaimStanding | undefined {
    return this.standings.get(keyOf(claimId, position, weighedWith));
  }

  /**
   * The standing of the claim whose facts (its fold's, or its row's) are those at `position`;
   * `confirmedRivals` ask for review, as in `evaluation`.
   */
  standing(
    claimId: string,
    position: number,
    facts: DecisionFacts,
    weighedWith: WeighedWith,
    confirmedRivals: readonly string[] = [],
  ): ClaimStanding {
    const key = `${keyOf(claimId, position, weighedWith)}${rivalsKeyOf(confirmedRivals)}`;
    let standing = this.standings.get(key);
    if (!standing) {
      const decision = decideStatus(facts, weighedWith.version.registry, weighedWith.stakeholders);
      standing = standingOf({ claim: facts }, decideWithRivals(decision, confirmedRivals));
      this.standings.set(key, standing);
    }
    return standing;
  }
}

/** The stakeholders' part of a name, worked out once for each storyline's list (an answer shares it among its claims). */
const stakeKeys = new WeakMap<readonly Stakeholder[], string>();

function stakeKeyOf(stakeholders: readonly Stakeholder[]): string {
  // Most storylines name no stakeholder: their claims' names stay as short as before.
  if (stakeholders.length === 0) return '';
  let key = stakeKeys.get(stakeholders);
  if (key === undefined) {
    key = `\u0000${JSON.stringify(stakeholders)}`;
    stakeKeys.set(stakeholders, key);
  }
  return key;
}

/** Most claims have no confirmed rival: their names stay as they were. */
const rivalsKeyOf = (confirmedRivals: readonly string[]) =>
  confirmedRivals.length === 0 ? '' : `\u0001${confirmedRivals.join('\u0000')}`;

const keyOf = (claimId: string, position: number, { version, stakeholders }: WeighedWith) =>
  `${claimId}\u0000${position}\u0000${version.key}${stakeKeyOf(stakeholders)}`;
