import { Party } from '../party';
import { PartyRegistry, ResolvedParty, partyKey } from '../party/party-registry';
import { RegistryFact } from '../party/registry-records';
import { idKey } from '../slug';
import { Stakeholder, stakeInEffectAt } from '../storyline/stakeholder';
import { relationInWords } from './evidence';

/** Why evidence from a party comes from someone with a stake in the claim's storyline. */
export interface Stake {
  reason: string;
  decidedBy: readonly RegistryFact[];
}

/** The label a contradiction by a party the claim is about carries: it still counts. */
export const SUBJECT_DENIAL = 'denial by the subject';

/** A stakeholder is named by a registered id; without a registry (rule tests) it is compared by the id's key. */
function stakeholderKey(stakeholder: Stakeholder, registry: PartyRegistry): string {
  const id = registry.canonicalId(stakeholder.partyId);
  return registry.party(id) ? id : idKey(stakeholder.partyId);
}

/**
 * Whether the party evidence dated `at` came from is a stakeholder of the storyline at that date, or
 * related to one by the registry's affiliations in effect then: "Kremlin has a stake in this story: …".
 */
export function stakeOf(
  party: ResolvedParty,
  at: string,
  stakeholders: readonly Stakeholder[],
  registry: PartyRegistry,
): Stake | undefined {
  for (const stakeholder of stakeholders) {
    if (!stakeInEffectAt(stakeholder, at)) continue;
    const key = stakeholderKey(stakeholder, registry);
    const stake = `has a stake in this story: ${stakeholder.reason}`;
    if (partyKey(party) === key) return { reason: `${party.name} ${stake}`, decidedBy: [] };
    const relation = registry.relation(party.id, key, at);
    // A relation needs a registry, so the stakeholder is a registered party here.
    const record = relation && registry.party(key);
    if (!relation || !record) continue;
    return { reason: relationInWords(relation, record, stake), decidedBy: relation.decidedBy };
  }
  return undefined;
}

/** Whether a cheaper question than `stakeOf` says yes: the status rule needs no words. */
export function hasStake(
  party: ResolvedParty,
  at: string,
  stakeholders: readonly Stakeholder[],
  registry: PartyRegistry,
): boolean {
  return stakeholders.some((stakeholder) => {
    if (!stakeInEffectAt(stakeholder, at)) return false;
    const key = stakeholderKey(stakeholder, registry);
    return partyKey(party) === key || registry.related(party.id, key, at);
  });
}

/** Whether the party is one the claim is about, as the registry resolves both mentions. */
export function isSubject(party: ResolvedParty, about: readonly Party[] | undefined, registry: PartyRegistry): boolean {
  return (about ?? []).some((subject) => partyKey(registry.resolve(subject)) === partyKey(party));
}
