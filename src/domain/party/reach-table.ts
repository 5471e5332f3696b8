/**
 * When one party reaches another through affiliations: the instants (epoch ms) as sorted, disjoint
 * half-open intervals [start, end), flattened, with ±Infinity for open ends; and whether it does so
 * through affiliations open at both ends, the only ones an instant that is not a time (NaN) meets.
 */
export interface Reached {
  readonly bounds: readonly number[];
  readonly always: boolean;
}

/** Every party one party reaches (itself included), with when it reaches each. */
export type ReachTable = ReadonlyMap<string, Reached>;

export interface ReachEdge {
  readonly to: string;
  readonly start: number;
  readonly end: number;
}

const ALL_TIME: readonly number[] = Object.freeze([-Infinity, Infinity]);

export function reachedAt(reached: Reached, at: number): boolean {
  if (at !== at) return reached.always;
  const bounds = reached.bounds;
  for (let index = 0; index < bounds.length; index += 2) {
    if (at < bounds[index]) return false;
    if (at < bounds[index + 1]) return true;
  }
  return false;
}

/** The part of `intervals` within [start, end). */
function clipped(intervals: readonly number[], start: number, end: number): number[] {
  const result: number[] = [];
  for (let index = 0; index < intervals.length; index += 2) {
    const from = Math.max(intervals[index], start);
    const to = Math.min(intervals[index + 1], end);
    if (from < to) result.push(from, to);
  }
  return result;
}

/** The part of `intervals` not in `known`. */
function without(intervals: readonly number[], known: readonly number[]): number[] {
  const result: number[] = [];
  for (let index = 0; index < intervals.length; index += 2) {
    let from = intervals[index];
    const to = intervals[index + 1];
    for (let other = 0; other < known.length && from < to; other += 2) {
      const [knownFrom, knownTo] = [known[other], known[other + 1]];
      if (knownTo <= from || knownFrom >= to) continue;
      if (knownFrom > from) result.push(from, knownFrom);
      from = knownTo;
    }
    if (from < to) result.push(from, to);
  }
  return result;
}

/** Both sets of disjoint intervals as one, touching intervals joined. */
function union(a: readonly number[], b: readonly number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (const intervals of [a, b]) {
    for (let index = 0; index < intervals.length; index += 2) pairs.push([intervals[index], intervals[index + 1]]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const result: number[] = [];
  for (const [from, to] of pairs) {
    if (result.length > 0 && from <= result[result.length - 1]) {
      result[result.length - 1] = Math.max(result[result.length - 1], to);
    } else {
      result.push(from, to);
    }
  }
  return result;
}

/**
 * The parties `partyId` reaches through the edges `outgoing` gives, each with the instants at which a
 * way of edges all in effect then leads there: what a walk at any one instant would find, worked out
 * for all instants at once. Each party is visited again only with instants not known for it yet, so
 * cycles end.
 */
export function reachTableOf(partyId: string, outgoing: (partyId: string) => readonly ReachEdge[]): ReachTable {
  const intervals = new Map<string, readonly number[]>([[partyId, ALL_TIME]]);
  const queue: Array<{ partyId: string; instants: readonly number[] }> = [{ partyId, instants: ALL_TIME }];
  for (let index = 0; index < queue.length; index++) {
    const { partyId: from, instants } = queue[index];
    for (const edge of outgoing(from)) {
      const known = intervals.get(edge.to);
      const along = clipped(instants, edge.start, edge.end);
      const fresh = known ? without(along, known) : along;
      if (fresh.length === 0) continue;
      intervals.set(edge.to, known ? union(known, fresh) : fresh);
      queue.push({ partyId: edge.to, instants: fresh });
    }
  }
  const always = new Set([partyId]);
  const openQueue = [partyId];
  for (let index = 0; index < openQueue.length; index++) {
    for (const edge of outgoing(openQueue[index])) {
      if (edge.start !== -Infinity || edge.end !== Infinity || always.has(edge.to)) continue;
      always.add(edge.to);
      openQueue.push(edge.to);
    }
  }
  const table = new Map<string, Reached>();
  for (const [reachedId, bounds] of intervals) table.set(reachedId, { bounds, always: always.has(reachedId) });
  return table;
}

const ALWAYS: Reached = Object.freeze({ bounds: ALL_TIME, always: true });

/** The table of a party no affiliation leaves: itself, always. */
export const loneReachTable = (partyId: string): ReachTable => new Map([[partyId, ALWAYS]]);

/**
 * The same table as `reachTableOf`, put together from the tables of the parties `partyId`'s edges lead
 * to: it reaches a party at the instants one of its edges is in effect and that edge's party reaches it
 * then, and always through an edge open at both ends to a party that always does. Each table is then
 * worked out once from its neighbours' rather than by a walk of everything it reaches. `tableOf` must
 * give complete tables, so a party on a cycle is left to `reachTableOf`.
 */
export function composedReachTable(
  partyId: string,
  edges: readonly ReachEdge[],
  tableOf: (partyId: string) => ReachTable,
): ReachTable {
  const intervals = new Map<string, readonly number[]>([[partyId, ALL_TIME]]);
  const always = new Set([partyId]);
  for (const edge of edges) {
    const openEdge = edge.start === -Infinity && edge.end === Infinity;
    for (const [reachedId, reached] of tableOf(edge.to)) {
      const along = openEdge ? reached.bounds : clipped(reached.bounds, edge.start, edge.end);
      if (along.length === 0) continue;
      const known = intervals.get(reachedId);
      intervals.set(reachedId, known ? union(known, along) : along);
      if (openEdge && reached.always) always.add(reachedId);
    }
  }
  const table = new Map<string, Reached>();
  for (const [reachedId, bounds] of intervals) {
    table.set(reachedId, reachedId === partyId ? ALWAYS : { bounds, always: always.has(reachedId) });
  }
  return table;
}

/** Whether two parties reach a common party at `at` (either may be it): related, by SPEC §3. */
export function shareReachAt(a: ReachTable, b: ReachTable, at: number): boolean {
  const [smaller, larger] = a.size <= b.size ? [a, b] : [b, a];
  for (const [partyId, reached] of smaller) {
    const other = larger.get(partyId);
    if (other && reachedAt(reached, at) && reachedAt(other, at)) return true;
  }
  return false;
}
