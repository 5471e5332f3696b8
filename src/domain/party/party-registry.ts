import { AffiliationGraph, AffiliationEdge } from './affiliation-graph';
import { Party } from './party-mention';
import { normalizeName } from './party-names';
import { AffiliationRelation } from './party.events';
import { commonPartyInWords } from './relation-words';
import { RegistryIdentity, ResolvedParty } from './registry-identity';
import { applyToRecords, DiscreditRecord, PartyRecord, RegistryEvent, RegistryFact } from './registry-records';

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
  /** By id (merges followed), else by normalized name against names and aliases, else the mention as an ad-hoc party. */
  resolve(mention: Party): ResolvedParty;
  /** The same, with the match and the registry events that decided it. */
  resolution(mention: Party): MentionResolution;
  /** The party an id stands for once merges are followed; an unregistered id stands for itself. */
  canonicalId(partyId: string): string;
  /** Same party, one affiliated with the other, or both with a common party, by affiliations in effect at `at`. */
  related(a: string, b: string, at: string): boolean;
  relation(a: string, b: string, at: string): Relatedness | undefined;
  discredited(partyId: string): DiscreditRecord | undefined;
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
  private identityIndex?: RegistryIdentity;
  private graphIndex?: AffiliationGraph;

  private constructor(
    private readonly records: ReadonlyMap<string, PartyRecord>,
    readonly position: number,
  ) {}

  static readonly empty = new Registry(new Map(), -1);

  /** One copy of the records per call, however many events: fold a page of registry events in one go. */
  static fold(events: Iterable<RegistryEvent>, from: PartyRegistry): PartyRegistry {
    if (!(from instanceof Registry))
      throw new TypeError('a registry can only be evolved from foldRegistry or evolveRegistry');
    let records: Map<string, PartyRecord> | undefined;
    let position = from.position;
    for (const event of events) {
      records ??= new Map(from.records);
      applyToRecords(records, event);
      position = Math.max(position, event.position);
    }
    return records ? new Registry(records, position) : from;
  }

  private get identity(): RegistryIdentity {
    return (this.identityIndex ??= new RegistryIdentity(this.records));
  }

  private get graph(): AffiliationGraph {
    return (this.graphIndex ??= new AffiliationGraph(this.records.values(), (id) => this.canonicalId(id)));
  }

  canonicalId(partyId: string): string {
    return this.records.size === 0 ? partyId : (this.identity.canonical.get(partyId) ?? partyId);
  }

  resolve(mention: Party): ResolvedParty {
    if (this.records.size === 0) return adHoc(mention);
    const { canonical, names, resolved } = this.identity;
    const byId = canonical.get(mention.id) ?? names.get(normalizeName(mention.name))?.canonicalId;
    return byId === undefined ? adHoc(mention) : (resolved.get(byId) as ResolvedParty);
  }

  resolution(mention: Party): MentionResolution {
    const party = this.resolve(mention);
    if (!party.registered) {
      return {
        party,
        matched: 'unregistered',
        decidedBy: [],
        summary: `“${mention.name}” matches no registered party`,
      };
    }
    const identity = this.identity;
    if (identity.canonical.has(mention.id)) {
      const record = this.records.get(mention.id) as PartyRecord;
      const merges = identity.mergesFrom(mention.id);
      const summary =
        merges.length === 0
          ? `${mention.id} is the registered party ${party.name}`
          : `${mention.id} was merged into ${party.name}`;
      return { party, matched: 'id', matchedPartyId: mention.id, decidedBy: [record.registeredBy, ...merges], summary };
    }
    const claim = identity.names.get(normalizeName(mention.name));
    if (!claim) throw new Error('a registered resolution without a match');
    const merges = identity.mergesFrom(claim.partyId);
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
    return this.graph.related(this.canonicalId(a), this.canonicalId(b), Date.parse(at));
  }

  relation(a: string, b: string, at: string): Relatedness | undefined {
    const common = this.graph.commonParty(this.canonicalId(a), this.canonicalId(b), Date.parse(at));
    if (!common) return undefined;
    const paths = [common.paths[0].map(stepOf), common.paths[1].map(stepOf)] as const;
    const decidedBy = new Set<RegistryFact>();
    for (const edge of [...common.paths[0], ...common.paths[1]]) {
      decidedBy.add(edge.affiliation.affiliatedBy);
      for (const merge of this.identity.mergesFrom(edge.recordedOn)) decidedBy.add(merge);
      for (const merge of this.identity.mergesFrom(edge.affiliation.withPartyId)) decidedBy.add(merge);
    }
    const nameOf = (partyId: string) => this.identity.resolved.get(partyId)?.name ?? partyId;
    const summary =
      paths[0].length + paths[1].length === 0 ? `both are ${nameOf(common.via)}` : commonPartyInWords(paths, nameOf);
    return { via: common.via, paths, decidedBy: [...decidedBy], summary };
  }

  discredited(partyId: string): DiscreditRecord | undefined {
    return this.records.get(this.canonicalId(partyId))?.discredited;
  }

  party(partyId: string): PartyRecord | undefined {
    return this.records.get(partyId);
  }

  parties(): IterableIterator<PartyRecord> {
    return this.records.values();
  }

  members(partyId: string): readonly string[] {
    return this.records.size === 0 ? NO_MEMBERS : (this.identity.members.get(this.canonicalId(partyId)) ?? NO_MEMBERS);
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

/** The registry after `events` (in log order), from `from` (the empty registry by default). */
export function foldRegistry(events: Iterable<RegistryEvent>, from: PartyRegistry = emptyRegistry): PartyRegistry {
  return Registry.fold(events, from);
}

export function evolveRegistry(registry: PartyRegistry, event: RegistryEvent): PartyRegistry {
  return Registry.fold([event], registry);
}
