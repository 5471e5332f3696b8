import { Party } from '../../src/domain/party';
import { AffiliationRelation, PartyEvent } from '../../src/domain/party/party.events';
import { MEDIA, SPEAKERS } from './newsroom-vocabulary';
import { SeededRandom } from './seeded-random';

interface Affiliation {
  withPartyId: string;
  relation: AffiliationRelation;
}

/** How a speaker or outlet may be bound to another: a person speaks for a government, works for an outlet… */
const BINDINGS: Array<{
  from: (party: Party) => boolean;
  to: (party: Party) => boolean;
  relation: AffiliationRelation;
}> = [
  { from: (p) => p.kind === 'person', to: (p) => p.kind === 'government', relation: 'spokesperson_for' },
  { from: (p) => p.kind === 'person', to: (p) => p.kind === 'media', relation: 'employed_by' },
  { from: (p) => p.kind === 'government', to: (p) => p.kind === 'organization', relation: 'member_of' },
  { from: (p) => p.kind === 'media', to: (p) => p.kind === 'government', relation: 'owned_by' },
  { from: (p) => p.kind === 'organization', to: (p) => p.kind === 'organization', relation: 'part_of' },
];

/** Spellings the reporters type that the desk registers as aliases. */
const ALIASES: Record<string, string[]> = {
  'volodymyr-zelensky': ['Volodymyr Zelensky', 'Володимир Зеленський'],
  'financial-times': ['The Financial Times', 'FT'],
  'jean-noel-barrot': ['Jean-Noel Barrot'],
  'us-government': ['Washington', 'The White House'],
  kremlin: ['Russian presidency'],
};

/**
 * The desk keeping its party registry as claims come in: registering the speakers and outlets the
 * reporters name, with aliases; affiliating them (sometimes for a bounded time) and ending that;
 * discrediting and reinstating; registering a duplicate now and then and merging it away. Every
 * event is one the party decider accepts at that point of the log.
 */
export class PartyEventGenerator {
  private readonly registered = new Map<string, Party>();
  private readonly affiliations = new Map<string, Affiliation[]>();
  private readonly discredited = new Set<string>();
  private readonly merged = new Set<string>();
  private duplicates = 0;
  private aliases = 0;

  constructor(private readonly random: SeededRandom) {}

  /** The next registry event at `now` (milliseconds), or undefined when none fits yet. */
  next(now: number): PartyEvent | undefined {
    const unregistered = [...SPEAKERS, ...MEDIA].filter((party) => !this.registered.has(party.id));
    const roll = this.random.next();
    if (unregistered.length > 0 && (roll < 0.35 || this.registered.size < 4)) return this.register(unregistered);
    const live = [...this.registered.values()].filter((party) => !this.merged.has(party.id));
    if (roll < 0.6) return this.affiliate(live, now);
    if (roll < 0.72) return this.endAffiliation(now);
    if (roll < 0.8) return this.discreditOrReinstate(live);
    if (roll < 0.9) return this.addAlias(live);
    return this.duplicateOrMerge(live);
  }

  private register(unregistered: Party[]): PartyEvent {
    const party = this.random.pick(unregistered);
    this.registered.set(party.id, party);
    const aliases = ALIASES[party.id] ?? [];
    return { type: 'PartyRegistered', data: { partyId: party.id, name: party.name, kind: party.kind, aliases } };
  }

  private affiliate(live: Party[], now: number): PartyEvent | undefined {
    const binding = this.random.pick(BINDINGS);
    const from = live.filter(binding.from);
    const to = live.filter(binding.to);
    if (from.length === 0 || to.length === 0) return undefined;
    const [party, other] = [this.random.pick(from), this.random.pick(to)];
    if (party.id === other.id) return undefined;
    const held = this.affiliations.get(party.id) ?? [];
    if (held.some((affiliation) => affiliation.withPartyId === other.id)) return undefined;
    this.affiliations.set(party.id, [...held, { withPartyId: other.id, relation: binding.relation }]);
    // Some affiliations began before the log's claims, some only recently.
    const from_ = this.random.chance(0.5)
      ? { from: new Date(now - this.random.integer(1, 90) * 86_400_000).toISOString() }
      : {};
    return {
      type: 'PartyAffiliated',
      data: { partyId: party.id, withPartyId: other.id, relation: binding.relation, ...from_ },
    };
  }

  private endAffiliation(now: number): PartyEvent | undefined {
    const endable = (held: Affiliation[]) => held.filter((affiliation) => !this.merged.has(affiliation.withPartyId));
    const holders = [...this.affiliations.entries()].filter(
      ([id, held]) => endable(held).length > 0 && !this.merged.has(id),
    );
    if (holders.length === 0) return undefined;
    const [partyId, held] = this.random.pick(holders);
    const ended = this.random.pick(endable(held));
    this.affiliations.set(
      partyId,
      held.filter((affiliation) => affiliation !== ended),
    );
    const to = new Date(now - this.random.integer(0, 30) * 86_400_000).toISOString();
    return { type: 'PartyAffiliationEnded', data: { partyId, withPartyId: ended.withPartyId, to } };
  }

  private discreditOrReinstate(live: Party[]): PartyEvent {
    const party = this.random.pick(live);
    if (this.discredited.delete(party.id)) {
      return { type: 'PartyReinstated', data: { partyId: party.id, reason: 'The quotes were verified after all' } };
    }
    this.discredited.add(party.id);
    return { type: 'PartyDiscredited', data: { partyId: party.id, reason: 'Fabricated quotes' } };
  }

  private addAlias(live: Party[]): PartyEvent {
    const party = this.random.pick(live);
    return {
      type: 'PartyRevised',
      data: { partyId: party.id, addAliases: [`${party.name} (${(this.aliases += 1)})`] },
    };
  }

  /** A duplicate under a reporter's spelling, registered once, merged into its party the next time. */
  private duplicateOrMerge(live: Party[]): PartyEvent | undefined {
    const duplicate = live.find((party) => party.id.startsWith('duplicate-'));
    if (duplicate) {
      const into = live.filter((party) => !party.id.startsWith('duplicate-') && party.kind === duplicate.kind);
      if (into.length === 0) return undefined;
      this.merged.add(duplicate.id);
      return { type: 'PartyMerged', data: { partyId: duplicate.id, intoPartyId: this.random.pick(into).id } };
    }
    this.duplicates += 1;
    const original = this.random.pick(live);
    const party = { id: `duplicate-${this.duplicates}`, name: `${original.name} office`, kind: original.kind };
    this.registered.set(party.id, party);
    return { type: 'PartyRegistered', data: { partyId: party.id, name: party.name, kind: party.kind, aliases: [] } };
  }
}
