import { PartyKind } from '../party/party-mention';

export const PROPOSAL_TYPES = ['direct', 'indirect', 'reported'] as const;
/** direct: the speaker's own words in quotation marks; indirect: their words retold; reported: what they said, summed up. */
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

export const PROPOSED_ATTRIBUTIONS = ['on_record', 'anonymous', 'official_statement', 'unattributed'] as const;
export type ProposedAttribution = (typeof PROPOSED_ATTRIBUTIONS)[number];

export const PROPOSED_DEVELOPMENT_KINDS = ['contradiction', 'support', 'retraction'] as const;
export type ProposedDevelopmentKind = (typeof PROPOSED_DEVELOPMENT_KINDS)[number];

/** A stretch of the text sent: `text` is exactly `source.slice(start, end)` (UTF-16 code units). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Who the text says spoke: the name it gives (a pronoun resolved to the name it stands for), where it says it. */
export interface ProposedClaimant {
  name: string;
  kind: PartyKind;
  start?: number;
  end?: number;
  partyId?: string;
  registered: boolean;
}

/** A party the text names without a place in it: the outlet that reports a claim. */
export interface ProposedParty {
  name: string;
  kind: PartyKind;
  partyId?: string;
  registered: boolean;
}

export interface ProposedDevelopment {
  kind: ProposedDevelopmentKind;
  /** Another proposal of the same answer (its index in `items`), or a claim the storyline already holds. */
  of: { item: number } | { claimId: string };
}

/** One claim the text seems to hold; nothing is recorded until an editor confirms it. */
export interface Proposal {
  type: ProposalType;
  quote: TextSpan;
  claimant?: ProposedClaimant;
  cue?: TextSpan;
  attribution: ProposedAttribution;
  anonymousSourceCount?: number;
  reportedBy?: ProposedParty;
  development?: ProposedDevelopment;
  existingClaimId?: string;
  /** Which pattern fired, in words. */
  rule: string;
  /** How far the pattern is to be trusted, from 0 to 1. */
  confidence: number;
}

export interface Extraction {
  language: string;
  items: Proposal[];
}
