import { endOf, startOf } from '../../domain/party/affiliation';
import { PartyRegistry } from '../../domain/party/party-registry';
import { ReachEdge, ReachTable, Reached, reachTableOf } from '../../domain/party/reach-table';

/**
 * How an affiliation or a merge moves relatedness. Two parties are related at an instant when they
 * reach a common party then (reach-table.ts); so whether `a` and `b` are related can change only when
 * the reach table of one of them, say `a`, changed for some party `x` that `b` reaches before or
 * after the change. Those are the only pairs of mentions such an event can move.
 */
export interface ReachChange {
  /** Parties (canonical, either side of the change) whose reach table changed. */
  readonly moved: ReadonlySet<string>;
  /** Parties that reach, before or after, a party for which one of `moved` changed: the other side of a pair that may move. */
  readonly partners: ReadonlySet<string>;
}

/** Each canonical party's reach table in one registry version, worked out from its records. */
class ReachTables {
  private readonly edges = new Map<string, readonly ReachEdge[]>();
  private readonly tables = new Map<string, ReachTable>();

  constructor(readonly registry: PartyRegistry) {}

  private readonly outgoing = (partyId: string): readonly ReachEdge[] => {
    let edges = this.edges.get(partyId);
    if (!edges) {
      edges = this.registry.members(partyId).flatMap((member) =>
        (this.registry.party(member)?.affiliations ?? []).map((affiliation) => ({
          to: this.registry.canonicalId(affiliation.withPartyId),
          start: startOf(affiliation),
          end: endOf(affiliation),
        })),
      );
      this.edges.set(partyId, edges);
    }
    return edges;
  };

  of(partyId: string): ReachTable {
    const canonicalId = this.registry.canonicalId(partyId);
    let table = this.tables.get(canonicalId);
    if (!table) {
      table = reachTableOf(canonicalId, this.outgoing);
      this.tables.set(canonicalId, table);
    }
    return table;
  }
}

const sameReach = (a: Reached | undefined, b: Reached | undefined): boolean =>
  a !== undefined &&
  b !== undefined &&
  a.always === b.always &&
  a.bounds.length === b.bounds.length &&
  a.bounds.every((bound, index) => bound === b.bounds[index]);

/** The parties for which `before` and `after` differ, at any instant. */
function changedEntries(before: ReachTable, after: ReachTable): string[] {
  const changed: string[] = [];
  for (const [partyId, reached] of before) if (!sameReach(reached, after.get(partyId))) changed.push(partyId);
  for (const partyId of after.keys()) if (!before.has(partyId)) changed.push(partyId);
  return changed;
}

/**
 * What an event that changes the affiliations of `seeds` (or merges them) does to relatedness: only
 * the parties that reach a seed, before or after, can have a reach table of their own changed.
 */
export function reachChangeOf(before: PartyRegistry, after: PartyRegistry, seeds: readonly string[]): ReachChange {
  const tables = [new ReachTables(before), new ReachTables(after)];
  const candidates = new Set<string>();
  for (const registry of [before, after]) {
    for (const seed of seeds) for (const dependent of registry.dependents(seed)) candidates.add(dependent);
  }
  const moved = new Set<string>();
  const reachedDifferently = new Set<string>();
  for (const partyId of candidates) {
    const changed = changedEntries(tables[0].of(partyId), tables[1].of(partyId));
    if (changed.length === 0) continue;
    moved.add(before.canonicalId(partyId));
    moved.add(after.canonicalId(partyId));
    for (const reachedId of changed) reachedDifferently.add(reachedId);
  }
  const partners = new Set<string>();
  for (const registry of [before, after]) {
    for (const reachedId of reachedDifferently)
      for (const partyId of registry.dependents(reachedId)) partners.add(partyId);
  }
  return { moved, partners };
}
