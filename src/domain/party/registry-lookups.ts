import { Party } from './party-mention';
import { RegistryEvent } from './registry-records';

/** The parties a mention can stand for, remembered per id, then per name. */
type MentionParties<P> = Map<string, Map<string, P>>;

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

/**
 * What a registry version remembers of the questions the status rule asks most: the canonical id an id
 * stands for, the party a canonical id resolves to, and the party a mention (by id and name) resolves
 * to. A later version takes over each memory its events cannot change: an affiliation, its end, a
 * discredit or a reinstatement changes none of them, so the claims a registry event reaches are not
 * resolved again.
 */
export class RegistryLookups<P> {
  private mentionCount = 0;
  private readonly canonicalIds = new Map<string, string>();
  readonly partiesById = new Map<string, P>();
  private readonly mentions: MentionParties<P> = new Map();
  /** A fold keeps its mention objects, and one evaluation asks for each several times: by the object first. */
  private readonly mentionObjects = new WeakMap<Party, P>();

  /**
   * The memories for the version after an event of this type: these, when the event changes no name,
   * id, kind or merge, else new ones. Versions that branch from one (an as-of view beside the live
   * registry) share these only while every answer they hold is the same on each branch.
   */
  after(type: RegistryEvent['type']): RegistryLookups<P> {
    return RESOLVE_ALIKE.has(type) ? this : new RegistryLookups();
  }

  canonicalId(partyId: string, work: (partyId: string) => string): string {
    let canonicalId = this.canonicalIds.get(partyId);
    if (canonicalId === undefined) {
      canonicalId = work(partyId);
      if (this.canonicalIds.size >= MAX_REMEMBERED) this.canonicalIds.clear();
      this.canonicalIds.set(partyId, canonicalId);
    }
    return canonicalId;
  }

  mention(mention: Party): P | undefined {
    let party = this.mentionObjects.get(mention);
    if (party === undefined) {
      party = this.mentions.get(mention.id)?.get(mention.name);
      if (party !== undefined) this.mentionObjects.set(mention, party);
    }
    return party;
  }

  rememberMention(mention: Party, party: P): void {
    if (this.mentionCount >= MAX_REMEMBERED) {
      this.mentions.clear();
      this.mentionCount = 0;
    }
    let byName = this.mentions.get(mention.id);
    if (!byName) this.mentions.set(mention.id, (byName = new Map()));
    byName.set(mention.name, party);
    this.mentionCount += 1;
    this.mentionObjects.set(mention, party);
  }
}
