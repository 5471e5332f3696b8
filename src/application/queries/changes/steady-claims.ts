import { ClaimRecord } from '../../read-models/claims/claim-record';
import { ClaimStanding } from '../../read-models/storylines/storyline-tally';
import { StoredClaimFold } from '../read-models.port';
import { RegistryVersion } from '../registry-history';
import { KeptEvaluations } from './kept-evaluations';

/** A claim the registry's events reached that stood the same at `since` and at `next`. */
export interface SteadyClaim {
  claimId: string;
  storylineId: string;
  standing: ClaimStanding;
}

const sameStanding = (a: ClaimStanding, b: ClaimStanding) =>
  a.status === b.status && a.needsReview === b.needsReview && a.kind === b.kind;

/**
 * Sorts the claims reached by the window's registry events (and without events of their own in it)
 * into those that stood still and those left to compare from the log. A claim stood still when its
 * row's fold has no event after `since`, so it is the fold at both points, and the status rule,
 * weighing that fold against the registry at `since`, gives the standing the row holds: `folds`
 * must be true at a point whose registry is the one at `next`. Most claims a registry event reaches
 * come out the same; each of those is weighed once, not read from the log and weighed twice. The
 * folds not weighed before are asked of `foldsAtSince` at once.
 */
export function sortReachedClaims(
  claimIds: readonly string[],
  folds: ReadonlyMap<string, StoredClaimFold>,
  since: number,
  atSince: RegistryVersion,
  evaluations: KeptEvaluations,
  foldsAtSince: (claimIds: string[]) => ReadonlyMap<string, ClaimRecord>,
): { steady: SteadyClaim[]; toCompare: string[] } {
  const standingAtSince = new Map<string, ClaimStanding>();
  const unweighed: string[] = [];
  for (const claimId of claimIds) {
    const fold = folds.get(claimId);
    if (!fold || fold.position > since) continue;
    const kept = evaluations.keptStanding(claimId, fold.position, atSince);
    if (kept) standingAtSince.set(claimId, kept);
    else unweighed.push(claimId);
  }
  for (const [claimId, record] of foldsAtSince(unweighed)) {
    standingAtSince.set(claimId, evaluations.standing(record, atSince));
  }
  const steady: SteadyClaim[] = [];
  const toCompare: string[] = [];
  for (const claimId of claimIds) {
    const fold = folds.get(claimId);
    const before = standingAtSince.get(claimId);
    if (fold && before && sameStanding(before, fold.standing)) {
      steady.push({ claimId, storylineId: fold.storylineId, standing: fold.standing });
    } else {
      toCompare.push(claimId);
    }
  }
  return { steady, toCompare };
}
