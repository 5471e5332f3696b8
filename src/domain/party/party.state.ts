import { Source } from '../source';
import { AffiliationTerms, isEndedBy } from './affiliation';
import { PartyKind } from './party-mention';
import { distinctNames, normalizeName } from './party-names';
import { PartyEvent } from './party.events';

/** A registered party as its own stream has it. */
export interface RegisteredParty {
  partyId: string;
  name: string;
  kind: PartyKind;
  aliases: string[];
  affiliations: AffiliationTerms[];
  discredited?: { reason: string; source?: Source };
  /** Set once the party was merged into another: from then on it is only a pointer. */
  mergedInto?: string;
}

/** `null` until the party is registered. */
export type PartyState = RegisteredParty | null;

export const initialPartyState: PartyState = null;

/** Aliases after a revision: the removed ones (by normalized form) out, the added ones in. */
function revisedAliases(aliases: readonly string[], add: readonly string[] = [], remove: readonly string[] = []) {
  const removed = new Set(remove.map(normalizeName));
  return distinctNames([...aliases.filter((alias) => !removed.has(normalizeName(alias))), ...add]);
}

export function evolveParty(state: PartyState, event: PartyEvent): PartyState {
  if (event.type === 'PartyRegistered') {
    if (state !== null) return state;
    const { partyId, name, kind, aliases } = event.data;
    return { partyId, name, kind, aliases, affiliations: [] };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'PartyRevised': {
      const { name, kind, addAliases, removeAliases } = event.data;
      return {
        ...state,
        ...(name !== undefined ? { name } : {}),
        ...(kind !== undefined ? { kind } : {}),
        aliases: revisedAliases(state.aliases, addAliases, removeAliases),
      };
    }
    case 'PartyAffiliated': {
      const { partyId: _partyId, ...terms } = event.data;
      return { ...state, affiliations: [...state.affiliations, terms] };
    }
    case 'PartyAffiliationEnded': {
      const end = event.data;
      const affiliations = state.affiliations.map((terms) =>
        isEndedBy(terms, end) ? { ...terms, to: end.to } : terms,
      );
      return { ...state, affiliations };
    }
    case 'PartyMerged':
      return { ...state, mergedInto: event.data.intoPartyId };
    case 'PartyDiscredited': {
      const { reason, source } = event.data;
      return { ...state, discredited: { reason, ...(source ? { source } : {}) } };
    }
    case 'PartyReinstated': {
      const { discredited: _discredited, ...rest } = state;
      return rest;
    }
  }
}
