import { Source } from '../source';
import { AffiliationEnd, AffiliationTerms } from './affiliation';
import { PartyKind } from './party-mention';
import { PartyState } from './party.state';
import { RegisteredNames } from './unique-names';

/** `registry`: who answers to which names and ids now (the handler looks it up): a party takes only free ones. */
export interface RegisterParty {
  type: 'RegisterParty';
  data: { partyId: string; name: string; kind: PartyKind; aliases: string[] };
  registry: RegisteredNames;
}

export interface ReviseParty {
  type: 'ReviseParty';
  data: { name?: string; kind?: PartyKind; addAliases?: string[]; removeAliases?: string[] };
  registry: RegisteredNames;
}

/** `counterpart`: the party affiliated with, as its own stream has it (the handler looks it up). */
export interface AffiliateParty {
  type: 'AffiliateParty';
  data: AffiliationTerms;
  counterpart: PartyState;
}

export interface EndPartyAffiliation {
  type: 'EndPartyAffiliation';
  data: AffiliationEnd;
}

/** `counterpart`: the party merged into, as its own stream has it (the handler looks it up). */
export interface MergeParty {
  type: 'MergeParty';
  data: { intoPartyId: string };
  counterpart: PartyState;
}

export interface DiscreditParty {
  type: 'DiscreditParty';
  data: { reason: string; source?: Source };
}

export interface ReinstateParty {
  type: 'ReinstateParty';
  data: { reason: string };
}

export type PartyCommand =
  RegisterParty | ReviseParty | AffiliateParty | EndPartyAffiliation | MergeParty | DiscreditParty | ReinstateParty;
