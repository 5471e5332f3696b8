import { PersistentMap } from '../persistent-map';
import { PartyRecord, PartyRecords, RegistryFact } from './registry-records';

/** Follows merges to the party that is not merged itself; in a cycle (concurrent merges), its smallest id. */
function canonicalOf(records: PartyRecords, partyId: string): string {
  const chain: string[] = [];
  let current = partyId;
  for (;;) {
    const cycleStart = chain.indexOf(current);
    if (cycleStart >= 0) return chain.slice(cycleStart).sort()[0];
    chain.push(current);
    const next = records.get(current)?.mergedInto;
    if (next === undefined || !records.has(next)) return current;
    current = next;
  }
}

const byRegistration = (records: PartyRecords) => (a: string, b: string) =>
  (records.get(a) as PartyRecord).registeredBy.position - (records.get(b) as PartyRecord).registeredBy.position;

/** Which registered party each registered id stands for, and the other way round. Immutable. */
export class MergeIndex {
  private constructor(
    private readonly canonical: PersistentMap<string>,
    private readonly members: PersistentMap<readonly string[]>,
  ) {}

  /** `all` lists the values of `records`. */
  static of(records: PartyRecords, all: readonly PartyRecord[]): MergeIndex {
    const canonical = new Map<string, string>();
    const groups = new Map<string, string[]>();
    // Most parties were never merged: they stand for themselves, in a group of one.
    for (const { id, mergedInto } of all) {
      const canonicalId = mergedInto === undefined ? id : canonicalOf(records, id);
      canonical.set(id, canonicalId);
      const group = groups.get(canonicalId);
      if (group) group.push(id);
      else groups.set(canonicalId, [id]);
    }
    const members = [...groups].map(([canonicalId, group]) => {
      if (group.length === 1) return [canonicalId, Object.freeze(group)] as const;
      const duplicates = group.filter((id) => id !== canonicalId).sort(byRegistration(records));
      return [canonicalId, Object.freeze([canonicalId, ...duplicates])] as const;
    });
    return new MergeIndex(PersistentMap.from(canonical), PersistentMap.from(members));
  }

  /** With a newly registered party, which stands for itself. */
  withRegistered(partyId: string): MergeIndex {
    return new MergeIndex(this.canonical.set(partyId, partyId), this.members.set(partyId, Object.freeze([partyId])));
  }

  /**
   * With `partyId` (standing for itself) and its duplicates merged into the party `intoPartyId` stands
   * for; undefined when the merge is not that simple (a cycle, a duplicate merged again): build anew then.
   */
  withMerged(records: PartyRecords, partyId: string, intoPartyId: string): MergeIndex | undefined {
    const target = this.canonical.get(intoPartyId);
    if (this.canonical.get(partyId) !== partyId || target === undefined || target === partyId) return undefined;
    const moved = this.members.get(partyId) ?? [partyId];
    let canonical = this.canonical;
    for (const id of moved) canonical = canonical.set(id, target);
    const duplicates = [...(this.members.get(target) ?? [target]).slice(1), ...moved].sort(byRegistration(records));
    return new MergeIndex(canonical, this.members.delete(partyId).set(target, Object.freeze([target, ...duplicates])));
  }

  canonicalOf(partyId: string): string | undefined {
    return this.canonical.get(partyId);
  }

  membersOf(canonicalId: string): readonly string[] | undefined {
    return this.members.get(canonicalId);
  }

  /** The merges that lead from `partyId` to the party it stands for, in order. */
  mergesFrom(records: PartyRecords, partyId: string): RegistryFact[] {
    const facts: RegistryFact[] = [];
    const canonicalId = this.canonical.get(partyId);
    let current = partyId;
    while (current !== canonicalId) {
      const record = records.get(current);
      if (!record?.mergedBy || !record.mergedInto || facts.includes(record.mergedBy)) break;
      facts.push(record.mergedBy);
      current = record.mergedInto;
    }
    return facts;
  }
}
