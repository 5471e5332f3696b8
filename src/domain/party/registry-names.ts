import { PersistentMap } from '../persistent-map';
import { normalizeName } from './party-names';
import { PartyRecord, RegistryFact } from './registry-records';

/** The registered party whose name or alias a normalized name matches, and the event that gave it that name. */
export interface NameClaim {
  readonly partyId: string;
  readonly matched: 'name' | 'alias';
  readonly fact: RegistryFact;
}

/** When two parties claim one name, a registered name beats an alias, then the earlier event wins. */
function beats(claim: NameClaim, other: NameClaim): boolean {
  if (claim.matched !== other.matched) return claim.matched === 'name';
  return claim.fact.position < other.fact.position;
}

function claimsOf(record: PartyRecord): Array<[string, NameClaim]> {
  return [
    [normalizeName(record.name), { partyId: record.id, matched: 'name', fact: record.nameSetBy }],
    ...record.aliases.map((alias): [string, NameClaim] => [
      normalizeName(alias.name),
      { partyId: record.id, matched: 'alias', fact: alias.addedBy },
    ]),
  ];
}

/** Every claim on each name, the winning one first: when a party loses a name, the next one takes it. */
type Claims = PersistentMap<readonly NameClaim[]>;

function withClaim(claims: Claims, key: string, claim: NameClaim): Claims {
  const held = claims.get(key) ?? [];
  const at = held.findIndex((other) => beats(claim, other));
  const next = at < 0 ? [...held, claim] : [...held.slice(0, at), claim, ...held.slice(at)];
  return claims.set(key, Object.freeze(next));
}

function withoutClaimsOf(claims: Claims, key: string, partyId: string): Claims {
  const next = (claims.get(key) ?? []).filter((claim) => claim.partyId !== partyId);
  return next.length > 0 ? claims.set(key, Object.freeze(next)) : claims.delete(key);
}

/**
 * Normalized names and aliases to the registered parties they belong to (before merges are followed,
 * so a merge leaves it as it is). Immutable.
 */
export class NameIndex {
  private constructor(private readonly claims: Claims) {}

  static of(records: readonly PartyRecord[]): NameIndex {
    const claims = new Map<string, NameClaim[]>();
    for (const record of records) {
      for (const [key, claim] of claimsOf(record)) {
        const held = claims.get(key);
        if (held) held.push(claim);
        else claims.set(key, [claim]);
      }
    }
    const sorted = [...claims].map(
      ([key, held]) => [key, Object.freeze(held.sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0)))] as const,
    );
    return new NameIndex(PersistentMap.from(sorted));
  }

  /** With the names of a newly registered party. */
  withParty(record: PartyRecord): NameIndex {
    let claims = this.claims;
    for (const [key, claim] of claimsOf(record)) claims = withClaim(claims, key, claim);
    return new NameIndex(claims);
  }

  /** With the names of a revised party as its record now has them, instead of as it had them. */
  withRevised(before: PartyRecord, after: PartyRecord): NameIndex {
    let claims = this.claims;
    for (const [key] of claimsOf(before)) claims = withoutClaimsOf(claims, key, before.id);
    for (const [key, claim] of claimsOf(after)) claims = withClaim(claims, key, claim);
    return new NameIndex(claims);
  }

  get(name: string): NameClaim | undefined {
    return this.claims.size === 0 ? undefined : this.claims.get(normalizeName(name))?.[0];
  }
}
