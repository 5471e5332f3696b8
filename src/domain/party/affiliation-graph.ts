import { endOf, startOf } from './affiliation';
import { AffiliationRelation } from './party.events';
import { PersistentMap } from '../persistent-map';
import {
  ReachEdge,
  ReachTable,
  composedReachTable,
  loneReachTable,
  reachTableOf,
  reachedAt,
  shareReachAt,
} from './reach-table';
import { AffiliationRecord, PartyRecord } from './registry-records';

/** An affiliation between canonical parties, with the record (and the party it was recorded on) behind it. */
export interface AffiliationEdge {
  readonly from: string;
  readonly to: string;
  readonly relation: AffiliationRelation;
  readonly start: number;
  readonly end: number;
  readonly recordedOn: string;
  readonly affiliation: AffiliationRecord;
}

/** A shortest way from each of two parties to a party both are affiliated with (possibly one of the two). */
export interface CommonParty {
  readonly via: string;
  readonly paths: readonly [readonly AffiliationEdge[], readonly AffiliationEdge[]];
}

/**
 * Spans remembered per kind before the memory starts over. A registry with years of dated
 * affiliations has many spans; a rebuild's last registry version, which every reached claim is
 * evaluated against, filled 100,000 of each to about 150 MB. Only explanations (the ways to a common
 * party) use them: whether two parties are related is looked up in their reach tables.
 */
const MAX_REMEMBERED_SETS = 10_000;

/**
 * Each party's reach table (reach-table.ts), worked out on first use and kept for the versions after
 * while nothing it rests on changes: a version that changes a party's affiliations starts from the
 * tables of the one before less those of every party that reaches that party. A version works its
 * tables out into a plain map; only the next version puts them into the persistent map it takes over,
 * so the first use of a version pays one plain map entry a table.
 */
class ReachTables {
  private readonly local = new Map<string, ReachTable>();
  /** The parties whose tables are being put together, for `composed` to notice a cycle. */
  private readonly pending = new Set<string>();
  /** The parties whose tables this version worked out: what the next version takes in. */
  private readonly fresh: string[] = [];

  constructor(
    private readonly kept: PersistentMap<ReachTable>,
    private readonly outgoing: PersistentMap<readonly ReachEdge[]>,
  ) {}

  private readonly edgesFrom = (partyId: string) => this.outgoing.get(partyId) ?? [];

  get(partyId: string): ReachTable {
    return this.known(partyId) ?? this.composed(partyId, 0) ?? this.walked(partyId);
  }

  private known(partyId: string): ReachTable | undefined {
    const table = this.local.get(partyId);
    if (table) return table;
    const kept = this.kept.get(partyId);
    if (kept) this.local.set(partyId, kept);
    return kept;
  }

  /**
   * Put together from the tables of the parties its edges lead to (composedReachTable), those worked
   * out first the same way; undefined when the way there meets a party still being worked out (a
   * cycle) or runs deeper than any registry's hierarchy, and the caller walks instead.
   */
  private composed(partyId: string, depth: number): ReachTable | undefined {
    const known = this.known(partyId);
    if (known) return known;
    if (this.pending.has(partyId) || depth > MAX_COMPOSED_DEPTH) return undefined;
    const edges = this.edgesFrom(partyId);
    if (edges.length === 0) return this.worked(partyId, loneReachTable(partyId));
    this.pending.add(partyId);
    let complete = true;
    for (const edge of edges) {
      if (!this.composed(edge.to, depth + 1) && !this.pending.has(edge.to)) this.walked(edge.to);
      if (this.pending.has(edge.to)) complete = false;
    }
    this.pending.delete(partyId);
    if (!complete) return undefined;
    return this.worked(
      partyId,
      composedReachTable(partyId, edges, (id) => this.known(id) as ReachTable),
    );
  }

  private walked(partyId: string): ReachTable {
    return this.worked(partyId, reachTableOf(partyId, this.edgesFrom));
  }

  private worked(partyId: string, table: ReachTable): ReachTable {
    this.local.set(partyId, table);
    this.fresh.push(partyId);
    return table;
  }

  /**
   * The tables for the version whose edges are `outgoing`, less those of `changed` (given lazily: the
   * tables kept may be none).
   */
  next(outgoing: PersistentMap<readonly ReachEdge[]>, changed: () => Iterable<string>): ReachTables {
    let kept = this.kept;
    for (const partyId of this.fresh) kept = kept.set(partyId, this.local.get(partyId) as ReachTable);
    if (kept.size > 0) for (const partyId of changed()) kept = kept.delete(partyId);
    return new ReachTables(kept, outgoing);
  }
}

/** Deeper than any hierarchy of affiliations (a person, an outlet, its group, a government …): walked instead. */
const MAX_COMPOSED_DEPTH = 64;

/** The order of `MergeIndex` members: the canonical party, then its duplicates by registration. */
const membersFirst = (canonicalId: string) => (a: PartyRecord, b: PartyRecord) =>
  (b.id === canonicalId ? 1 : 0) - (a.id === canonicalId ? 1 : 0) || a.registeredBy.position - b.registeredBy.position;

/** The edges from the canonical party `from`, out of the affiliations its records hold (its duplicates' included). */
function edgesOf(
  from: string,
  group: readonly PartyRecord[],
  canonicalOf: (partyId: string) => string,
): AffiliationEdge[] {
  const edges: AffiliationEdge[] = [];
  for (const record of group) {
    for (const affiliation of record.affiliations) {
      const to = canonicalOf(affiliation.withPartyId);
      const start = startOf(affiliation);
      const end = endOf(affiliation);
      if (to === from || !(start < end)) continue;
      edges.push({ from, to, relation: affiliation.relation, start, end, recordedOn: record.id, affiliation });
    }
  }
  return edges;
}

const isReached = (table: ReachTable, partyId: string, at: number) => {
  const reached = table.get(partyId);
  return reached !== undefined && reachedAt(reached, at);
};

/** An instant that is not a time (NaN) meets only affiliations open at both ends. */
const inEffect = (edge: AffiliationEdge, at: number) =>
  (edge.start === -Infinity || edge.start <= at) && (edge.end === Infinity || at < edge.end);

/**
 * The affiliations of one registry version as a graph over canonical parties. What a party reaches
 * at an instant is the same between two consecutive bounds (starts and ends) of the affiliations it
 * can reach at all, so ancestor sets and shortest ways are remembered per party and such a span.
 * Cycles end where a party repeats.
 */
export class AffiliationGraph {
  private readonly bounds = new Map<string, readonly number[]>();
  private readonly ways = new Map<string, ReadonlyMap<string, readonly AffiliationEdge[]>>();
  private readonly commonParties = new Map<string, CommonParty | null>();
  /** The evidence of a claim asks about one date several times in a row: parsed once for them. */
  private lastParsed = { at: '', instant: NaN };

  private constructor(
    private readonly outgoing: PersistentMap<readonly AffiliationEdge[]>,
    private readonly incoming: PersistentMap<ReadonlySet<string>>,
    private readonly reaches: ReachTables,
  ) {}

  static of(records: readonly PartyRecord[], canonicalOf: (partyId: string) => string): AffiliationGraph {
    const groups = new Map<string, PartyRecord[]>();
    for (const record of records) {
      const from = canonicalOf(record.id);
      const group = groups.get(from);
      if (group) group.push(record);
      else groups.set(from, [record]);
    }
    const outgoing = new Map<string, AffiliationEdge[]>();
    const incoming = new Map<string, Set<string>>();
    for (const [from, group] of groups) {
      const edges = edgesOf(from, group.sort(membersFirst(from)), canonicalOf);
      if (edges.length > 0) outgoing.set(from, edges);
      for (const edge of edges) {
        const sources = incoming.get(edge.to);
        if (sources) sources.add(from);
        else incoming.set(edge.to, new Set([from]));
      }
    }
    const edges = PersistentMap.from(outgoing);
    return new AffiliationGraph(edges, PersistentMap.from(incoming), new ReachTables(PersistentMap.empty(), edges));
  }

  /** With the affiliations of the canonical party `partyId` as the records of it and its merged duplicates now hold them. */
  withEdgesOf(
    partyId: string,
    group: readonly PartyRecord[],
    canonicalOf: (partyId: string) => string,
  ): AffiliationGraph {
    const edges = edgesOf(partyId, group, canonicalOf);
    const before = new Set((this.outgoing.get(partyId) ?? []).map((edge) => edge.to));
    const after = new Set(edges.map((edge) => edge.to));
    let incoming = this.incoming;
    const link = (to: string, linked: boolean) => {
      const sources = new Set(incoming.get(to));
      if (linked) sources.add(partyId);
      else sources.delete(partyId);
      incoming = sources.size > 0 ? incoming.set(to, sources) : incoming.delete(to);
    };
    for (const to of before) if (!after.has(to)) link(to, false);
    for (const to of after) if (!before.has(to)) link(to, true);
    const outgoing = edges.length > 0 ? this.outgoing.set(partyId, edges) : this.outgoing.delete(partyId);
    // Changing a party's own affiliations changes what it and every party that reaches it reach.
    return new AffiliationGraph(
      outgoing,
      incoming,
      this.reaches.next(outgoing, () => this.dependents(partyId)),
    );
  }

  /**
   * With the canonical party `partyId` merged into `target`: its edges and the edges towards it become
   * the target's. `groupOf` and `canonicalOf` answer as after the merge.
   */
  withMerged(
    partyId: string,
    target: string,
    groupOf: (canonicalId: string) => readonly PartyRecord[],
    canonicalOf: (partyId: string) => string,
  ): AffiliationGraph {
    let graph = this.withEdgesOf(partyId, [], canonicalOf).withEdgesOf(target, groupOf(target), canonicalOf);
    for (const source of this.incoming.get(partyId) ?? []) {
      const from = canonicalOf(source);
      graph = graph.withEdgesOf(from, groupOf(from), canonicalOf);
    }
    return graph;
  }

  /** The party itself and every party it is affiliated with, directly or through others, with when. */
  reachTable(partyId: string): ReachTable {
    return this.reaches.get(partyId);
  }

  /** `at` as an instant, or as its ISO 8601 text, read only when either party reaches another at all. */
  related(a: string, b: string, at: number | string): boolean {
    if (a === b) return true;
    const aTable = this.reachTable(a);
    const bTable = this.reachTable(b);
    if (aTable.size === 1 && bTable.size === 1) return false;
    const instant = typeof at === 'number' ? at : this.instantOf(at);
    if (aTable.size === 1) return isReached(bTable, a, instant);
    if (bTable.size === 1) return isReached(aTable, b, instant);
    return shareReachAt(aTable, bTable, instant);
  }

  private instantOf(at: string): number {
    if (this.lastParsed.at !== at) this.lastParsed = { at, instant: Date.parse(at) };
    return this.lastParsed.instant;
  }

  /** The common party with the shortest ways from both; ties go to the smaller id. The same object for the same span. */
  commonParty(a: string, b: string, at: number): CommonParty | undefined {
    if (a !== b && !this.related(a, b, at)) return undefined;
    const key = `${this.spanKey(a, at)}\u0001${this.spanKey(b, at)}`;
    const known = this.commonParties.get(key);
    if (known !== undefined) return known ?? undefined;
    const common = this.shortestCommonParty(a, b, at);
    if (this.commonParties.size >= MAX_REMEMBERED_SETS) this.commonParties.clear();
    this.commonParties.set(key, common ?? null);
    return common;
  }

  private shortestCommonParty(a: string, b: string, at: number): CommonParty | undefined {
    const fromA = this.shortestWays(a, at);
    const fromB = this.shortestWays(b, at);
    let best: { via: string; length: number } | undefined;
    for (const [via, way] of fromA) {
      const other = fromB.get(via);
      if (!other) continue;
      const length = way.length + other.length;
      if (!best || length < best.length || (length === best.length && via < best.via)) best = { via, length };
    }
    if (!best) return undefined;
    return { via: best.via, paths: [fromA.get(best.via) ?? [], fromB.get(best.via) ?? []] };
  }

  /** The party itself and every party affiliated with it at any time, directly or through others. */
  dependents(partyId: string): Set<string> {
    const reached = new Set([partyId]);
    const queue = [partyId];
    for (let index = 0; index < queue.length; index++) {
      for (const from of this.incoming.get(queue[index]) ?? []) {
        if (reached.has(from)) continue;
        reached.add(from);
        queue.push(from);
      }
    }
    return reached;
  }

  private shortestWays(partyId: string, at: number): ReadonlyMap<string, readonly AffiliationEdge[]> {
    const key = this.spanKey(partyId, at);
    const known = this.ways.get(key);
    if (known) return known;
    const ways = new Map<string, AffiliationEdge[]>([[partyId, []]]);
    const queue = [partyId];
    for (let index = 0; index < queue.length; index++) {
      const way = ways.get(queue[index]) as AffiliationEdge[];
      for (const edge of this.outgoing.get(queue[index]) ?? []) {
        if (ways.has(edge.to) || !inEffect(edge, at)) continue;
        ways.set(edge.to, [...way, edge]);
        queue.push(edge.to);
      }
    }
    if (this.ways.size >= MAX_REMEMBERED_SETS) this.ways.clear();
    this.ways.set(key, ways);
    return ways;
  }

  /**
   * The party and the span of `at` between the bounds of what the party can reach: the number of
   * bounds at or before it. An instant that is not a time has a span of its own.
   */
  private spanKey(partyId: string, at: number): string {
    const bounds = this.boundsOf(partyId);
    if (bounds.length === 0) return partyId;
    if (Number.isNaN(at)) return `${partyId}\u0000-`;
    let low = 0;
    let high = bounds.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (bounds[middle] <= at) low = middle + 1;
      else high = middle;
    }
    return `${partyId}\u0000${low}`;
  }

  /** The finite starts and ends, in order, of every affiliation the party reaches at any time. */
  private boundsOf(partyId: string): readonly number[] {
    const known = this.bounds.get(partyId);
    if (known) return known;
    const bounds = new Set<number>();
    const reached = new Set([partyId]);
    const queue = [partyId];
    for (let index = 0; index < queue.length; index++) {
      for (const edge of this.outgoing.get(queue[index]) ?? []) {
        if (Number.isFinite(edge.start)) bounds.add(edge.start);
        if (Number.isFinite(edge.end)) bounds.add(edge.end);
        if (reached.has(edge.to)) continue;
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
    const sorted = [...bounds].sort((a, b) => a - b);
    this.bounds.set(partyId, sorted);
    return sorted;
  }
}
