import { AffiliationEdge, AffiliationGraph, CommonParty } from './affiliation-graph';
import { Party, PartyKind } from './party-mention';
import { AffiliationRelation } from './party.events';
import { commonPartyInWords } from './relation-words';
import { IdIndex } from './registry-ids';
import { Indexes, indexesAfter } from './registry-indexes';
import { DiscreditIndex } from './registry-discredits';
import { RegistryLookups } from './registry-lookups';
import { MergeIndex } from './registry-merges';
import { NameClaim, NameIndex } from './registry-names';
import { PersistentMap } from '../persistent-map';
import { idKey } from '../slug';
import {
  applyToRecords,
  DiscreditRecord,
  PartyRecord,
  PartyRecords,
  RegistryEvent,
  RegistryFact,
} from './registry-records';

/** The party a mention stands for: a registered one (canonical, merges followed) or the mention itself, ad hoc. */
export interface ResolvedParty {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  readonly registered: boolean;
}

export type MentionMatch = 'id' | 'name' | 'alias' | 'unregistered';

/** How a mention was resolved, for explanations. */
export interface MentionResolution {
  readonly party: ResolvedParty;
  readonly matched: MentionMatch;
  /** The registered party whose id, name or alias matched, before merges were followed. */
  readonly matchedPartyId?: string;
  /** The registration or alias, and the merges, that decided it (none for an unregistered mention). */
  readonly decidedBy: readonly RegistryFact[];
  readonly summary: string;
}

/** The party a name, an alias or an id answers to in the registry, and the registered party that holds it. */
export interface Holder {
  /** Canonical: merges followed. */
  readonly party: ResolvedParty;
  /** The registered party whose name, alias or id it is (a merged duplicate, or the party itself). */
  readonly heldBy: string;
  readonly as: 'name' | 'alias' | 'id';
}

export interface AffiliationStep {
  readonly partyId: string;
  readonly relation: AffiliationRelation;
  readonly withPartyId: string;
  readonly affiliatedBy: RegistryFact;
}

/** Why two parties are related at an instant. */
export interface Relatedness {
  /** The party both are affiliated with (one of the two when one is affiliated with the other; both when the same). */
  readonly via: string;
  /** The affiliations from each of the two to `via`, shortest first found. */
  readonly paths: readonly [readonly AffiliationStep[], readonly AffiliationStep[]];
  /** The affiliation events of both paths, and the merges that joined their parties. */
  readonly decidedBy: readonly RegistryFact[];
  /** e.g. "Jane Roe is employed by Financial Times"; "A and B are both part of C". */
  readonly summary: string;
}

/**
 * The party registry as it stands after a prefix of the log. Immutable: evolving it gives a new
 * version. Ids given to `related`, `relation`, `discredited`, `members` and `dependents` may be any
 * id; they are taken to their canonical party first.
 */
export interface PartyRegistry {
  /** Global position of the last party event applied; -1 for the empty registry. */
  readonly position: number;
  /**
   * By id (exactly, else by its key: slug.ts idKey; merges followed), else by normalized name against
   * names and aliases, else the mention as an ad-hoc party.
   */
  resolve(mention: Party): ResolvedParty;
  /** The same, with the match and the registry events that decided it. */
  resolution(mention: Party): MentionResolution;
  /** The party a name answers to as a registered name or alias, compared as names are (party-names.ts). */
  nameHolder(name: string): Holder | undefined;
  /** The party an id answers to, exactly or by its key (slug.ts idKey). */
  idHolder(partyId: string): Holder | undefined;
  /** The party an id stands for once merges are followed; an unregistered id stands for itself. */
  canonicalId(partyId: string): string;
  /** Same party, one affiliated with the other, or both with a common party, by affiliations in effect at `at`. */
  related(a: string, b: string, at: string): boolean;
  relation(a: string, b: string, at: string): Relatedness | undefined;
  /**
   * Whether two parties this version's `resolve` gave are one (partyKey) or related at `at`: what the
   * status rule asks of each piece of evidence. Their ids are canonical already, so none is looked up again.
   */
  tied(a: ResolvedParty, b: ResolvedParty, at: string): boolean;
  discredited(partyId: string): DiscreditRecord | undefined;
  /** `discredited` for a party this version's `resolve` gave. */
  discreditOf(party: ResolvedParty): DiscreditRecord | undefined;
  /** The record under exactly this id (a merged duplicate included). */
  party(partyId: string): PartyRecord | undefined;
  parties(): IterableIterator<PartyRecord>;
  /** The registered ids that stand for the party: its own first, then its merged duplicates. */
  members(partyId: string): readonly string[];
  /** The party and every party affiliated with it at any time, directly or transitively (canonical ids). */
  dependents(partyId: string): ReadonlySet<string>;
}

const NO_MEMBERS: readonly string[] = Object.freeze([]);

class Registry implements PartyRegistry {
  /** An explanation asks for the same mention of a claim several times; by the mention object itself, as a fold keeps it. */
  private readonly resolutions = new WeakMap<Party, MentionResolution>();
  private readonly relations = new WeakMap<CommonParty, Relatedness>();

  private constructor(
    private readonly records: PartyRecords,
    readonly position: number,
    private readonly indexes: Indexes,
    private readonly lookups: RegistryLookups<ResolvedParty>,
  ) {}

  static readonly empty = new Registry(PersistentMap.empty(), -1, {}, new RegistryLookups());

  /**
   * Each event gives a version that shares all it does not change with the one before (see
   * PersistentMap), its indexes included (see indexesAfter).
   */
  static fold(events: Iterable<RegistryEvent>, from: PartyRegistry): PartyRegistry {
    if (!(from instanceof Registry)) throw new TypeError('a registry only evolves from foldRegistry or evolveRegistry');
    let { records, position, indexes, lookups } = from;
    for (const event of events) {
      position = Math.max(position, event.position);
      const applied = applyToRecords(records, event);
      if (!applied) continue;
      indexes = indexesAfter(indexes, records, applied, event);
      lookups = lookups.after(event.type);
      records = applied;
    }
    if (records === from.records && position === from.position) return from;
    // Its own object: an index built lazily on this version must not appear on the one before.
    return new Registry(records, position, { ...indexes }, lookups);
  }

  /** The records as a list, walked once for every index this version builds rather than once for each. */
  private recordList?: readonly PartyRecord[];

  private get allRecords(): readonly PartyRecord[] {
    if (!this.recordList) {
      const all: PartyRecord[] = [];
      this.records.forEach((record) => all.push(record));
      this.recordList = all;
    }
    return this.recordList;
  }

  private get merges(): MergeIndex {
    return (this.indexes.merges ??= MergeIndex.of(this.records, this.allRecords));
  }

  private get names(): NameIndex {
    return (this.indexes.names ??= NameIndex.of(this.allRecords));
  }

  private get ids(): IdIndex {
    return (this.indexes.ids ??= IdIndex.of(this.allRecords));
  }

  private get discredits(): DiscreditIndex {
    return (this.indexes.discredits ??= DiscreditIndex.of(this.allRecords));
  }

  private get graph(): AffiliationGraph {
    return (this.indexes.graph ??= AffiliationGraph.of(this.allRecords, (id) => this.canonicalId(id)));
  }

  private resolvedAs(canonicalId: string): ResolvedParty {
    let party = this.lookups.partiesById.get(canonicalId);
    if (!party) {
      const { id, name, kind } = this.records.get(canonicalId) as PartyRecord;
      party = Object.freeze({ id, name, kind, registered: true });
      this.lookups.partiesById.set(canonicalId, party);
    }
    return party;
  }

  nameHolder(name: string): Holder | undefined {
    const claim = this.records.size === 0 ? undefined : this.names.get(name);
    return (
      claim && { party: this.resolvedAs(this.canonicalId(claim.partyId)), heldBy: claim.partyId, as: claim.matched }
    );
  }

  idHolder(partyId: string): Holder | undefined {
    const heldBy = this.records.size === 0 ? undefined : this.registeredIdOf(partyId);
    return heldBy === undefined ? undefined : { party: this.resolvedAs(this.canonicalId(heldBy)), heldBy, as: 'id' };
  }

  canonicalId(partyId: string): string {
    if (this.records.size === 0) return partyId;
    return this.lookups.canonicalId(partyId, this.canonicalOf);
  }

  private readonly canonicalOf = (partyId: string) => this.merges.canonicalOf(partyId) ?? partyId;

  /** By id, else by name, each remembered while the registry's names, ids and merges stay as they are (registry-lookups.ts). */
  resolve(mention: Party): ResolvedParty {
    if (this.records.size === 0) return adHoc(mention);
    const party = this.lookups.partyOf(mention, this.partyOfId, this.partyOfName);
    // An unregistered mention stands for itself, its kind included.
    return party ?? adHoc(mention);
  }

  private readonly partyOfId = (id: string): ResolvedParty | null => {
    const registeredId = this.registeredIdOf(id);
    return registeredId === undefined ? null : this.resolvedAs(this.canonicalId(registeredId));
  };

  private readonly partyOfName = (name: string): ResolvedParty | null => {
    const claim = this.names.get(name);
    return claim === undefined ? null : this.resolvedAs(this.canonicalId(claim.partyId));
  };

  resolution(mention: Party): MentionResolution {
    let resolution = this.resolutions.get(mention);
    if (!resolution) {
      resolution = this.resolutionOf(mention);
      this.resolutions.set(mention, resolution);
    }
    return resolution;
  }

  /** The registered id a mention's id stands for: exactly, else by its key (an id an older slug derived). */
  private registeredIdOf(id: string): string | undefined {
    return this.records.has(id) ? id : this.ids.get(id);
  }

  private resolutionOf(mention: Party): MentionResolution {
    const party = this.resolve(mention);
    if (!party.registered) {
      return {
        party,
        matched: 'unregistered',
        decidedBy: [],
        summary: `“${mention.name}” matches no registered party`,
      };
    }
    const registeredId = this.registeredIdOf(mention.id);
    if (registeredId !== undefined) {
      const record = this.records.get(registeredId) as PartyRecord;
      const merges = this.merges.mergesFrom(this.records, registeredId);
      const id = registeredId === mention.id ? mention.id : `${mention.id} (as ${registeredId})`;
      const summary =
        merges.length === 0 ? `${id} is the registered party ${party.name}` : `${id} was merged into ${party.name}`;
      return {
        party,
        matched: 'id',
        matchedPartyId: registeredId,
        decidedBy: [record.registeredBy, ...merges],
        summary,
      };
    }
    const claim = this.names.get(mention.name) as NameClaim;
    const merges = this.merges.mergesFrom(this.records, claim.partyId);
    const what = claim.matched === 'name' ? 'the registered name' : 'an alias';
    const of = merges.length === 0 ? party.name : `${claim.partyId}, which was merged into ${party.name}`;
    return {
      party,
      matched: claim.matched,
      matchedPartyId: claim.partyId,
      decidedBy: [claim.fact, ...merges],
      summary: `“${mention.name}” is ${what} of ${of}`,
    };
  }

  related(a: string, b: string, at: string): boolean {
    if (a === b) return true;
    if (this.records.size === 0) return false;
    return this.graph.related(this.canonicalId(a), this.canonicalId(b), at);
  }

  tied(a: ResolvedParty, b: ResolvedParty, at: string): boolean {
    if (a.registered && b.registered ? a.id === b.id : partyKey(a) === partyKey(b)) return true;
    return this.records.size > 0 && this.graph.related(a.id, b.id, at);
  }

  relation(a: string, b: string, at: string): Relatedness | undefined {
    const common = this.graph.commonParty(this.canonicalId(a), this.canonicalId(b), Date.parse(at));
    if (!common) return undefined;
    let relation = this.relations.get(common);
    if (!relation) {
      relation = this.relationOver(common);
      this.relations.set(common, relation);
    }
    return relation;
  }

  private relationOver(common: CommonParty): Relatedness {
    const paths = [common.paths[0].map(stepOf), common.paths[1].map(stepOf)] as const;
    const decidedBy = new Set<RegistryFact>();
    for (const edge of [...common.paths[0], ...common.paths[1]]) {
      decidedBy.add(edge.affiliation.affiliatedBy);
      for (const merge of this.merges.mergesFrom(this.records, edge.recordedOn)) decidedBy.add(merge);
      for (const merge of this.merges.mergesFrom(this.records, edge.affiliation.withPartyId)) decidedBy.add(merge);
    }
    const nameOf = (partyId: string) => (this.records.has(partyId) ? this.resolvedAs(partyId).name : partyId);
    const summary =
      paths[0].length + paths[1].length === 0 ? `both are ${nameOf(common.via)}` : commonPartyInWords(paths, nameOf);
    return { via: common.via, paths, decidedBy: [...decidedBy], summary };
  }

  discredited(partyId: string): DiscreditRecord | undefined {
    return this.records.size === 0 ? undefined : this.discredits.get(this.canonicalId(partyId));
  }

  discreditOf(party: ResolvedParty): DiscreditRecord | undefined {
    return party.registered ? this.discredits.get(party.id) : undefined;
  }

  party(partyId: string): PartyRecord | undefined {
    return this.records.get(partyId);
  }

  parties(): IterableIterator<PartyRecord> {
    return this.records.values();
  }

  members(partyId: string): readonly string[] {
    return this.records.size === 0 ? NO_MEMBERS : (this.merges.membersOf(this.canonicalId(partyId)) ?? NO_MEMBERS);
  }

  dependents(partyId: string): ReadonlySet<string> {
    return this.graph.dependents(this.canonicalId(partyId));
  }
}

const adHoc = (mention: Party): ResolvedParty => ({
  id: mention.id,
  name: mention.name,
  kind: mention.kind,
  registered: false,
});

const stepOf = (edge: AffiliationEdge): AffiliationStep => ({
  partyId: edge.from,
  relation: edge.relation,
  withPartyId: edge.to,
  affiliatedBy: edge.affiliation.affiliatedBy,
});

export const emptyRegistry: PartyRegistry = Registry.empty;

/**
 * What tells two resolved parties apart: a registered party's id; an unregistered mention's id by its
 * key, so the same unregistered name under an id an older slug derived is one party, not two sources.
 */
export function partyKey(party: ResolvedParty): string {
  return party.registered ? party.id : idKey(party.id);
}

/** The registry after `events` (in log order), from `from` (the empty registry by default). */
export function foldRegistry(events: Iterable<RegistryEvent>, from: PartyRegistry = emptyRegistry): PartyRegistry {
  return Registry.fold(events, from);
}

export function evolveRegistry(registry: PartyRegistry, event: RegistryEvent): PartyRegistry {
  return Registry.fold([event], registry);
}
