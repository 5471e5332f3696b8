import { ClaimStatus } from '../../../domain/claim/claim-status';
import { isDecidedWithoutTheRegistry, isDecidedWithoutTheStakes } from '../../../domain/claim/status-decision';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { unpackClaimFacts } from '../../read-models/claims/packed-claim';
import { ClaimStanding } from '../../read-models/storylines/storyline-tally';
import { StoredClaimFold } from '../read-models.port';
import { RegistryVersion } from '../registry-history';
import { KeptEvaluations } from './kept-evaluations';

/** A claim the registry's events reached whose status was the same at `since` and at `next`. */
export interface SteadyClaim {
  claimId: string;
  storylineId: string;
  standing: ClaimStanding;
}

/**
 * Sorts the claims reached by the window's registry events or by a stakeholder named or removed in
 * their storyline (and without events of their own in it) into those that stood still and those left
 * to compare from the log. A claim stood still when its row's fold has no event after `since`, so it
 * is the fold at both points, and the status rule, weighing that fold against the registry and the
 * storyline's stakeholders at `since`, gives the status the row holds: `folds` must be true at a
 * point whose registry and stakeholders are those at `next`. Its status is all the answer reads of such
 * a claim (it lists none with the same status at both points, and a headline counts statuses), so
 * most claims a registry event reaches are weighed once, not read from the log and weighed twice.
 * A row whose status is a verdict's or a retraction's is not even read: the rule decides those
 * before it looks at the registry or a stake; nor is one that only a stakeholder reached
 * (`reachedByStakesAlone`: the registry's events leave it as it was) and whose status the rule
 * decides before it weighs a support, a disputed one. The others are decided from the facts their
 * rows keep (`packedFacts`), which are the facts at `since` since the row has no event after it: no
 * event of theirs is read or folded. A row without them is compared.
 */
export function sortReachedClaims(
  claimIds: readonly string[],
  reachedByStakesAlone: ReadonlySet<string>,
  folds: ReadonlyMap<string, StoredClaimFold>,
  since: number,
  atSince: RegistryVersion,
  stakeholdersAtSince: (storylineId: string) => readonly Stakeholder[],
  evaluations: KeptEvaluations,
): { steady: SteadyClaim[]; toCompare: string[] } {
  const weighedWith = (storylineId: string) => ({ version: atSince, stakeholders: stakeholdersAtSince(storylineId) });
  const statusAtSince = new Map<string, ClaimStatus>();
  for (const claimId of claimIds) {
    const fold = folds.get(claimId);
    if (!fold || fold.position > since) continue;
    const { status } = fold.standing;
    const settled =
      isDecidedWithoutTheRegistry(status) || (reachedByStakesAlone.has(claimId) && isDecidedWithoutTheStakes(status));
    const kept = settled
      ? fold.standing
      : evaluations.keptStanding(claimId, fold.position, weighedWith(fold.storylineId));
    if (kept) statusAtSince.set(claimId, kept.status);
    else if (fold.packedFacts !== undefined) {
      const facts = unpackClaimFacts(claimId, fold.packedFacts, fold.parties);
      const standing = evaluations.standing(claimId, fold.position, facts, weighedWith(fold.storylineId));
      statusAtSince.set(claimId, standing.status);
    }
  }
  const steady: SteadyClaim[] = [];
  const toCompare: string[] = [];
  for (const claimId of claimIds) {
    const fold = folds.get(claimId);
    if (fold && statusAtSince.get(claimId) === fold.standing.status) {
      steady.push({ claimId, storylineId: fold.storylineId, standing: fold.standing });
    } else {
      toCompare.push(claimId);
    }
  }
  return { steady, toCompare };
}
