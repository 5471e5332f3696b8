import { PartyKind } from './party-mention';
import { normalizeName } from './party-names';
import { PartyRecord, RegistryFact } from './registry-records';

/** The party a mention stands for: a registered one (canonical, merges followed) or the mention itself, ad hoc. */
export interface ResolvedParty {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  readonly registered: boolean;
}

/** The registered name or alias a normalized name matches, and the event that gave it to its party. */
export interface NameClaim {
  readonly partyId: string;
  readonly canonicalId: string;
  readonly matched: 'name' | 'alias';
  readonly fact: RegistryFact;
}

/** When two parties claim one name, a registered name beats an alias, then the earlier event wins. */
function beats(claim: NameClaim, other: NameClaim): boolean {
  if (claim.matched !== other.matched) return claim.matched === 'name';
  return claim.fact.position < other.fact.position;
}

/** Follows merges to the party that is not merged itself; in a cycle (concurrent merges), its smallest id. */
function canonicalOf(records: ReadonlyMap<string, PartyRecord>, partyId: string): string {
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

/** Who is who in one registry version: the canonical party of every id, each canonical party's duplicates, and the name index. */
export class RegistryIdentity {
  readonly canonical = new Map<string, string>();
  readonly members = new Map<string, string[]>();
  readonly resolved = new Map<string, ResolvedParty>();
  readonly names = new Map<string, NameClaim>();

  constructor(private readonly records: ReadonlyMap<string, PartyRecord>) {
    for (const id of records.keys()) {
      const canonicalId = canonicalOf(records, id);
      this.canonical.set(id, canonicalId);
      const members = this.members.get(canonicalId) ?? [];
      if (id === canonicalId) members.unshift(id);
      else members.push(id);
      this.members.set(canonicalId, members);
    }
    for (const [canonicalId] of this.members) {
      const { id, name, kind } = records.get(canonicalId) as PartyRecord;
      this.resolved.set(canonicalId, Object.freeze({ id, name, kind, registered: true }));
    }
    for (const record of records.values()) {
      const canonicalId = this.canonical.get(record.id) as string;
      this.claim(record.name, { partyId: record.id, canonicalId, matched: 'name', fact: record.nameSetBy });
      for (const alias of record.aliases) {
        this.claim(alias.name, { partyId: record.id, canonicalId, matched: 'alias', fact: alias.addedBy });
      }
    }
  }

  private claim(name: string, claim: NameClaim): void {
    const key = normalizeName(name);
    const held = this.names.get(key);
    if (!held || beats(claim, held)) this.names.set(key, claim);
  }

  /** The merges that lead from `partyId` to its canonical party, in order. */
  mergesFrom(partyId: string): RegistryFact[] {
    const facts: RegistryFact[] = [];
    const canonicalId = this.canonical.get(partyId);
    let current = partyId;
    while (current !== canonicalId) {
      const record = this.records.get(current);
      if (!record?.mergedBy || !record.mergedInto || facts.includes(record.mergedBy)) break;
      facts.push(record.mergedBy);
      current = record.mergedInto;
    }
    return facts;
  }
}
