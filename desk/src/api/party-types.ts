import { ClaimKind, ClaimStatus, Source, StoredEvent } from './types';

/** The party registry's read side (GET /v1/parties…). Servers before it answer 404 or 405. */

export interface Discredited {
  reason: string;
  /** Where the desk found the party out, when it said. */
  source?: Source;
}

export interface PartyListItem {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  discredited?: Discredited;
  mergedInto?: string;
  mentions: number;
}

export const MENTION_ROLES = ['claimant', 'reporter', 'supporter', 'contradictor', 'factChecker'] as const;
export type MentionRole = (typeof MENTION_ROLES)[number];

export interface UnregisteredName {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  roles?: Partial<Record<MentionRole, number>>;
}

export interface Affiliation {
  partyId: string;
  name?: string;
  relation: string;
  from?: string;
  to?: string;
  inEffect?: boolean;
}

export interface PartyView {
  id: string;
  name: string;
  kind: string;
  aliases?: string[];
  mergedInto?: string;
  mergedFrom?: string[];
  /** This party's affiliations with others. */
  affiliations?: Affiliation[];
  /** Other parties affiliated with this one. */
  affiliated?: Affiliation[];
  discredited?: Discredited;
  mentions?: Partial<Record<MentionRole, number>>;
  /** The registry's events about it in log order (servers before it leave it out). */
  history?: StoredEvent[];
  revision?: number;
  position?: number;
}

export interface PartyClaim {
  claimId: string;
  storylineId: string;
  statement: string;
  role: string;
  status: ClaimStatus;
  kind?: ClaimKind;
  /** The names the claim's mentions used for it, as written. */
  mentionedAs?: string[];
}
