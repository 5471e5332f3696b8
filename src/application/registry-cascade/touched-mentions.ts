import { idKey } from '../../domain/slug';
import { normalizeName } from '../../domain/party/party-names';
import { PartyRegistry } from '../../domain/party/party-registry';
import { RegistryEvent } from '../../domain/party/registry-records';
import { reachChangeOf } from './reach-changes';

/**
 * What a registry event may change, as keys of the mentions index. A claim's status reads of the
 * registry only whom each mention resolves to, whether that party is discredited, and whether two of
 * its parties (mentions, or its storyline's stakeholders) are related at a date; so a claim needs
 * deciding again only when one of those answers may differ either side of the event. A superset:
 * some of those claims come out the same.
 */
export interface AffectedMentions {
  /** Mention ids (by key: slug.ts idKey) that resolve to another party, or to none, after the event. */
  readonly mentionIds: ReadonlySet<string>;
  /** Normalized names (party-names.ts) that resolve to another party, or to none, after the event. */
  readonly names: ReadonlySet<string>;
  /** Resolved parties whose discredit came or went: every claim with a mention resolved to one is reached. */
  readonly discredited: ReadonlySet<string>;
  /** Resolved parties whose reach changed (reach-changes.ts)… */
  readonly moved: ReadonlySet<string>;
  /**
   * …and those that may be related to one of them differently. The status rule asks whether evidence
   * (a supporter, a fact-checker) is related to an author (the claimant, a reporter) or to a
   * stakeholder of the claim's storyline: a claim is reached when one side of such a pair is in
   * `moved` and the other, a distinct party, in `partners`.
   */
  readonly partners: ReadonlySet<string>;
  /** The ids (each also by key) a storyline's stakeholder may carry for a party in `moved`, and in `partners`. */
  readonly stakes: { readonly moved: ReadonlySet<string>; readonly partners: ReadonlySet<string> };
}

const NOTHING: ReadonlySet<string> = new Set();

/** Whether no claim can be reached by `affected`. */
export function reachesNothing(affected: AffectedMentions): boolean {
  return (
    affected.mentionIds.size === 0 &&
    affected.names.size === 0 &&
    affected.discredited.size === 0 &&
    affected.moved.size === 0
  );
}

/** Several registry changes as one: a claim any of them may change is one the union may change. */
export function unionOf(changes: Iterable<AffectedMentions>): AffectedMentions {
  const sets = { mentionIds: new Set<string>(), names: new Set<string>(), discredited: new Set<string>() };
  const pairs = { moved: new Set<string>(), partners: new Set<string>() };
  const stakes = { moved: new Set<string>(), partners: new Set<string>() };
  for (const change of changes) {
    for (const key of ['mentionIds', 'names', 'discredited'] as const) addAll(sets[key], change[key]);
    for (const key of ['moved', 'partners'] as const) {
      addAll(pairs[key], change[key]);
      addAll(stakes[key], change.stakes[key]);
    }
  }
  return { ...sets, ...pairs, stakes };
}

function addAll(target: Set<string>, values: Iterable<string>): void {
  for (const value of values) target.add(value);
}

const changesAffiliations = (event: RegistryEvent): boolean =>
  event.type === 'PartyAffiliated' || event.type === 'PartyAffiliationEnded' || event.type === 'PartyMerged';

function namesIn(event: RegistryEvent): string[] {
  switch (event.type) {
    case 'PartyRegistered':
      return [event.data.name, ...event.data.aliases];
    case 'PartyRevised':
      return [
        ...(event.data.name ? [event.data.name] : []),
        ...(event.data.addAliases ?? []),
        ...(event.data.removeAliases ?? []),
      ];
    default:
      return [];
  }
}

/** The registered ids and the names of the parties `seeds` stand for, either side: all an event can move a mention from or to. */
function namesAndIdsOf(registries: PartyRegistry[], seeds: readonly string[], event: RegistryEvent) {
  const ids = new Set(seeds);
  const names = new Set(namesIn(event));
  for (const registry of registries) {
    for (const seed of seeds) {
      for (const member of registry.members(seed)) {
        ids.add(member);
        const record = registry.party(member);
        if (!record) continue;
        names.add(record.name);
        for (const alias of record.aliases) names.add(alias.name);
      }
    }
  }
  return { ids, names };
}

/** The same party (merges followed, registered or not) or none, in both versions. */
const sameHolder = (a: { party: { id: string } } | undefined, b: { party: { id: string } } | undefined) =>
  a?.party.id === b?.party.id;

/**
 * `before` and `after` are the registry versions either side of `event`. A mention resolves by its id,
 * else by its name: of the ids and names the event's parties carry either side, those whose holder
 * differs move their mentions. A discredit or reinstatement moves the claims of that party. An
 * affiliation or merge moves pairs of parties whose reach tables differ (reach-changes.ts); any other
 * event leaves relatedness as it was.
 */
export function affectedBy(before: PartyRegistry, after: PartyRegistry, event: RegistryEvent): AffectedMentions {
  const seeds = event.type === 'PartyMerged' ? [event.data.partyId, event.data.intoPartyId] : [event.data.partyId];
  const registries = [before, after];
  const { ids, names } = namesAndIdsOf(registries, seeds, event);
  const mentionIds = new Set<string>();
  for (const id of ids) {
    for (const candidate of [id, idKey(id)]) {
      if (!sameHolder(before.idHolder(candidate), after.idHolder(candidate))) mentionIds.add(idKey(candidate));
    }
  }
  const movedNames = new Set<string>();
  for (const name of names) {
    if (!sameHolder(before.nameHolder(name), after.nameHolder(name))) movedNames.add(normalizeName(name));
  }
  const discredited = new Set<string>();
  for (const seed of seeds) {
    for (const partyId of new Set(registries.map((registry) => registry.canonicalId(seed)))) {
      if (!before.discredited(partyId) !== !after.discredited(partyId)) discredited.add(partyId);
    }
  }
  const { moved, partners } = changesAffiliations(event)
    ? reachChangeOf(before, after, seeds)
    : { moved: NOTHING, partners: NOTHING };
  const stakes = { moved: idsOf(registries, moved), partners: idsOf(registries, partners) };
  return { mentionIds, names: movedNames, discredited, moved, partners, stakes };
}

/** Every id that stands for one of `parties` in either version (merged duplicates' included), each also by key. */
function idsOf(registries: PartyRegistry[], parties: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const partyId of parties) {
    ids.add(partyId);
    for (const registry of registries) for (const member of registry.members(partyId)) ids.add(member);
  }
  for (const id of [...ids]) ids.add(idKey(id));
  return ids;
}
