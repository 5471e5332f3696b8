import { Party } from './party-mention';
import { RegistryEvent } from './registry-records';

/**
 * Past this many entries a memory starts over: a rebuild's last registry version meets every
 * unregistered id and name of the log.
 */
const MAX_REMEMBERED = 50_000;

/** The events after which every mention, id and canonical id resolves as before. */
const RESOLVE_ALIKE: ReadonlySet<RegistryEvent['type']> = new Set([
  'PartyAffiliated',
  'PartyAffiliationEnded',
  'PartyDiscredited',
  'PartyReinstated',
]);

/** The answer for `key`, worked out once and remembered. */
function remembered<V>(memory: Map<string, V>, key: string, work: (key: string) => V): V {
  let value = memory.get(key);
  if (value === undefined) {
    value = work(key);
    if (memory.size >= MAX_REMEMBERED) memory.clear();
    memory.set(key, value);
  }
  return value;
}

/**
 * What a registry version remembers of the questions the status rule asks most: the canonical id an id
 * stands for, the party a canonical id resolves to, and the party a mention's id or, when its id holds
 * none, its name resolves to. A mention is resolved by its id first and its name only then, so the
 * memory is by id and by name, not by pair: a few thousand ids and names stand for the tens of
 * thousands of mentions of a log. In front of it, the mention object: a claim kept in memory is
 * evaluated again after each registry event, and a hit by object costs a fraction of one by strings.
 * A later version takes over each memory its events cannot change: an affiliation, its end, a discredit
 * or a reinstatement changes none of them, so the claims a registry event reaches are not resolved again.
 */
export class RegistryLookups<P> {
  private readonly canonicalIds = new Map<string, string>();
  readonly partiesById = new Map<string, P>();
  /** The party an id holds, or null when it holds none and the mention's name decides. */
  private readonly byId = new Map<string, P | null>();
  /** The party a name or an alias holds, or null when it holds none (the mention is unregistered). */
  private readonly byName = new Map<string, P | null>();
  private readonly byObject = new WeakMap<Party, P | null>();

  /**
   * The memories for the version after an event of this type: these, when the event changes no name,
   * id, kind or merge, else new ones. Versions that branch from one (an as-of view beside the live
   * registry) share these only while every answer they hold is the same on each branch.
   */
  after(type: RegistryEvent['type']): RegistryLookups<P> {
    return RESOLVE_ALIKE.has(type) ? this : new RegistryLookups();
  }

  canonicalId(partyId: string, work: (partyId: string) => string): string {
    return remembered(this.canonicalIds, partyId, work);
  }

  /** The party the mention stands for (null: none, it is unregistered), as `ofId` and else `ofName` work it out. */
  partyOf(mention: Party, ofId: (id: string) => P | null, ofName: (name: string) => P | null): P | null {
    let party = this.byObject.get(mention);
    if (party === undefined) {
      party = remembered(this.byId, mention.id, ofId) ?? remembered(this.byName, mention.name, ofName);
      this.byObject.set(mention, party);
    }
    return party;
  }
}
