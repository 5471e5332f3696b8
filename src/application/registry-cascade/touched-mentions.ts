import { idKey } from '../../domain/slug';
import { normalizeName } from '../../domain/party/party-names';
import { PartyRegistry } from '../../domain/party/party-registry';
import { RegistryEvent } from '../../domain/party/registry-records';

/**
 * What a registry event may change, as keys of mentions: a claim needs re-evaluating when one of its
 * mentions (claimant, reporter, supporter, contradictor) carries one of `partyIds` or has a name whose
 * normalized form is in `names`. A superset: some of those claims may come out the same.
 */
export interface AffectedMentions {
  /** Mention ids (with their keys: slug.ts idKey), and the canonical ids they resolved to before or resolve to after the event. */
  readonly partyIds: ReadonlySet<string>;
  /** Normalized names (party-names.ts) a mention may match by. */
  readonly names: ReadonlySet<string>;
}

/** Several registry changes as one: a claim any of them may change is one the union may change. */
export function unionOf(changes: Iterable<AffectedMentions>): AffectedMentions {
  const partyIds = new Set<string>();
  const names = new Set<string>();
  for (const change of changes) {
    for (const partyId of change.partyIds) partyIds.add(partyId);
    for (const name of change.names) names.add(name);
  }
  return { partyIds, names };
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

/**
 * `before` and `after` are the registry versions either side of `event`. An affiliation or merge
 * changes whom every party affiliated with the party (transitively) is related to, so all of those
 * are affected; any other event affects only the party itself and the names it gained or lost.
 */
export function affectedBy(before: PartyRegistry, after: PartyRegistry, event: RegistryEvent): AffectedMentions {
  const seeds = event.type === 'PartyMerged' ? [event.data.partyId, event.data.intoPartyId] : [event.data.partyId];
  const registries = [before, after];
  const canonical = new Set<string>();
  for (const registry of registries) {
    for (const seed of seeds) {
      const partyId = registry.canonicalId(seed);
      if (changesAffiliations(event)) for (const dependent of registry.dependents(partyId)) canonical.add(dependent);
      else canonical.add(partyId);
    }
  }
  const partyIds = new Set([...seeds, ...canonical]);
  const names = new Set(namesIn(event).map(normalizeName));
  for (const registry of registries) {
    for (const partyId of canonical) {
      for (const member of registry.members(partyId)) {
        partyIds.add(member);
        const record = registry.party(member);
        if (!record) continue;
        names.add(normalizeName(record.name));
        for (const alias of record.aliases) names.add(normalizeName(alias.name));
      }
    }
  }
  for (const partyId of [...partyIds]) partyIds.add(idKey(partyId));
  return { partyIds, names };
}
