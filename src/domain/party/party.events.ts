import { Source } from '../source';
import { PartyKind } from './party-mention';

/** How one party is bound to another; every relation makes the two related (SPEC §3). */
export const AFFILIATION_RELATIONS = [
  'member_of',
  'employed_by',
  'part_of',
  'spokesperson_for',
  'owned_by',
  'affiliated_with',
] as const;
export type AffiliationRelation = (typeof AFFILIATION_RELATIONS)[number];

export interface PartyRegistered {
  type: 'PartyRegistered';
  data: { partyId: string; name: string; kind: PartyKind; aliases: string[] };
}

/** Names only what changes; aliases compare by their normalized form (party-names.ts). */
export interface PartyRevised {
  type: 'PartyRevised';
  data: { partyId: string; name?: string; kind?: PartyKind; addAliases?: string[]; removeAliases?: string[] };
}

/** `from` / `to` (ISO 8601 with offset) bound when it is in effect: from ≤ t < to, open where absent. */
export interface PartyAffiliated {
  type: 'PartyAffiliated';
  data: { partyId: string; withPartyId: string; relation: AffiliationRelation; from?: string; to?: string };
}

/** Every affiliation with that party (of that relation, when named) in effect at `to` ends at `to`. */
export interface PartyAffiliationEnded {
  type: 'PartyAffiliationEnded';
  data: { partyId: string; withPartyId: string; relation?: AffiliationRelation; to: string };
}

/** The party is a duplicate: it stays as a pointer, and every mention of it means `intoPartyId`. */
export interface PartyMerged {
  type: 'PartyMerged';
  data: { partyId: string; intoPartyId: string };
}

export interface PartyDiscredited {
  type: 'PartyDiscredited';
  data: { partyId: string; reason: string; source?: Source };
}

export interface PartyReinstated {
  type: 'PartyReinstated';
  data: { partyId: string; reason: string };
}

export type PartyEvent =
  | PartyRegistered
  | PartyRevised
  | PartyAffiliated
  | PartyAffiliationEnded
  | PartyMerged
  | PartyDiscredited
  | PartyReinstated;

export const PARTY_EVENT_TYPES: ReadonlyArray<PartyEvent['type']> = [
  'PartyRegistered',
  'PartyRevised',
  'PartyAffiliated',
  'PartyAffiliationEnded',
  'PartyMerged',
  'PartyDiscredited',
  'PartyReinstated',
];

export const partyStreamId = (partyId: string): string => `party-${partyId}`;
