import { endOf, startOf } from './affiliation';
import { AffiliationRelation } from './party.events';
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

const MAX_REMEMBERED_SETS = 100_000;

/** An instant that is not a time (NaN) meets only affiliations open at both ends. */
const inEffect = (edge: AffiliationEdge, at: number) =>
  (edge.start === -Infinity || edge.start <= at) && (edge.end === Infinity || at < edge.end);

/**
 * The affiliations of one registry version as a graph over canonical parties. Ancestor sets (every
 * party a party is affiliated with, transitively, at an instant) are remembered per party and instant,
 * and per party alone where nothing it reaches is bounded in time. Cycles end where a party repeats.
 */
export class AffiliationGraph {
  private readonly outgoing = new Map<string, AffiliationEdge[]>();
  private readonly incoming = new Map<string, Set<string>>();
  private readonly timeless = new Map<string, boolean>();
  private readonly ancestorSets = new Map<string, ReadonlySet<string>>();

  constructor(records: Iterable<PartyRecord>, canonicalOf: (partyId: string) => string) {
    for (const record of records) {
      const from = canonicalOf(record.id);
      for (const affiliation of record.affiliations) {
        const to = canonicalOf(affiliation.withPartyId);
        const start = startOf(affiliation);
        const end = endOf(affiliation);
        if (from === to || !(start < end)) continue;
        const edge = { from, to, relation: affiliation.relation, start, end, recordedOn: record.id, affiliation };
        const edges = this.outgoing.get(from);
        if (edges) edges.push(edge);
        else this.outgoing.set(from, [edge]);
        this.incoming.set(to, (this.incoming.get(to) ?? new Set()).add(from));
      }
    }
  }

  /** The party itself and every party it is affiliated with at `at`, directly or through others. */
  ancestors(partyId: string, at: number): ReadonlySet<string> {
    if (!this.outgoing.has(partyId)) return new Set([partyId]);
    const key = this.isTimeless(partyId) ? partyId : `${partyId}\u0000${at}`;
    const known = this.ancestorSets.get(key);
    if (known) return known;
    const reached = new Set([partyId]);
    const queue = [partyId];
    for (let index = 0; index < queue.length; index++) {
      for (const edge of this.outgoing.get(queue[index]) ?? []) {
        if (reached.has(edge.to) || !inEffect(edge, at)) continue;
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
    if (this.ancestorSets.size >= MAX_REMEMBERED_SETS) this.ancestorSets.clear();
    this.ancestorSets.set(key, reached);
    return reached;
  }

  related(a: string, b: string, at: number): boolean {
    if (a === b) return true;
    const aAffiliated = this.outgoing.has(a);
    const bAffiliated = this.outgoing.has(b);
    if (!aAffiliated && !bAffiliated) return false;
    if (!aAffiliated) return this.ancestors(b, at).has(a);
    if (!bAffiliated) return this.ancestors(a, at).has(b);
    const [smaller, larger] = [this.ancestors(a, at), this.ancestors(b, at)].sort((x, y) => x.size - y.size);
    for (const party of smaller) if (larger.has(party)) return true;
    return false;
  }

  /** The common party with the shortest ways from both; ties go to the smaller id. */
  commonParty(a: string, b: string, at: number): CommonParty | undefined {
    if (!this.related(a, b, at)) return undefined;
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

  private shortestWays(partyId: string, at: number): Map<string, AffiliationEdge[]> {
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
    return ways;
  }

  /** Whether nothing the party reaches, at any time, is bounded in time: then its ancestors are the same at every instant. */
  private isTimeless(partyId: string): boolean {
    const known = this.timeless.get(partyId);
    if (known !== undefined) return known;
    let timeless = true;
    const reached = new Set([partyId]);
    const queue = [partyId];
    for (let index = 0; index < queue.length && timeless; index++) {
      for (const edge of this.outgoing.get(queue[index]) ?? []) {
        if (edge.start !== -Infinity || edge.end !== Infinity) timeless = false;
        if (reached.has(edge.to)) continue;
        reached.add(edge.to);
        queue.push(edge.to);
      }
    }
    this.timeless.set(partyId, timeless);
    return timeless;
  }
}
