import { ClaimStatus } from '../../../domain/claim/claim-status';
import { ClaimKind } from '../../../domain/claim/claim.events';
import { PartyKind } from '../../../domain/party/party-mention';
import { AffiliationRelation } from '../../../domain/party/party.events';
import { Source } from '../../../domain/source';
import { StoredEvent } from '../../ports/event-store.port';
import { MENTION_ROLES, MentionCounts, MentionRole } from '../claims/party-mentions';

export interface Discredit {
  reason: string;
  source?: Source;
}

/** A registered party (a merged duplicate included) as the registry lists it. */
export interface PartyListItem {
  id: string;
  name: string;
  kind: PartyKind;
  aliases: string[];
  discredited?: Discredit;
  mergedInto?: string;
  /** Distinct claims mentioning the party this record stands for, in any role. */
  mentions: number;
}

/** A name mentioned in claims that resolves to no registered party: an item of the desk's to-do list. */
export interface UnregisteredName {
  /** The slug the mentions carry: registering a party under it takes them over. */
  id: string;
  /** The spelling most of its claims use. */
  name: string;
  kind: PartyKind;
  mentions: number;
  roles: MentionCounts;
}

export interface AffiliationView {
  partyId: string;
  name: string;
  relation: AffiliationRelation;
  from?: string;
  to?: string;
  inEffect: boolean;
}

export interface PartyView {
  id: string;
  name: string;
  kind: PartyKind;
  aliases: string[];
  mergedInto?: string;
  mergedFrom: string[];
  /** This party's affiliations with others. */
  affiliations: AffiliationView[];
  /** Other parties' affiliations with this one. */
  affiliated: AffiliationView[];
  discredited?: Discredit;
  mentions: MentionCounts;
  /**
   * The registry's events about this record, in log order: its own stream (registered, revised,
   * affiliated, affiliation ended, merged, discredited, reinstated) and the merges of its duplicates.
   */
  history: StoredEvent[];
  /** The party stream's revision (its ETag). */
  revision: number;
  /** Global position of the party stream's last event. */
  position: number;
}

/** One role a party has in one claim. */
export interface PartyClaim {
  claimId: string;
  storylineId: string;
  statement: string;
  role: MentionRole;
  status: ClaimStatus;
  kind: ClaimKind;
  /** The names the claim's mentions in that role used for the party, as written. */
  mentionedAs: string[];
}

/** How many distinct claims mention a party, in all and per role. */
export interface MentionTally {
  claims: number;
  roles: MentionCounts;
}

export const NO_MENTIONS: MentionTally = Object.freeze({
  claims: 0,
  roles: Object.freeze(Object.fromEntries(MENTION_ROLES.map((role) => [role, 0])) as MentionCounts),
});
