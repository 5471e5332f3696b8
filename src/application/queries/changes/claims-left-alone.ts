import { ClaimStanding } from '../../read-models/storylines/storyline-tally';
import { ClaimReadModel } from '../read-models.port';

/**
 * The standings at `next` of the claims of each storyline that the answer neither compared nor
 * found standing still (`accountedFor`), for the storylines where the rows tell them: those left
 * with no such claim, and, while the rows are at `next` itself, the rest (rows at a checkpoint are
 * the as-of view there). A storyline left out of the map is asked of the as-of view.
 */
export function standingsLeftAlone(
  claims: Pick<ClaimReadModel, 'claimIdsOf' | 'storedFolds'>,
  storylineIds: readonly string[],
  accountedFor: ReadonlySet<string>,
  next: number,
): Map<string, ClaimStanding[]> {
  const standings = new Map<string, ClaimStanding[]>();
  // The rows know every claim recorded up to their checkpoint, which is never before `next`.
  const leftAlone = new Map<string, { checkpoint: number; ids: string[] }>();
  for (const storylineId of storylineIds) {
    const { checkpoint, ids } = claims.claimIdsOf(storylineId);
    const left = ids.filter((id) => !accountedFor.has(id));
    if (left.length === 0) standings.set(storylineId, []);
    else if (checkpoint === next) leftAlone.set(storylineId, { checkpoint, ids: left });
  }
  const stored = leftAlone.size > 0 ? claims.storedFolds([...leftAlone.values()].flatMap(({ ids }) => ids)) : undefined;
  if (stored?.checkpoint !== next) return standings;
  for (const [storylineId, { ids }] of leftAlone) {
    const found = ids.flatMap((id) => stored.folds.get(id)?.standing ?? []);
    if (found.length === ids.length) standings.set(storylineId, found);
  }
  return standings;
}
