/** The answer of POST /v1/extractions: proposals, nothing recorded. */
import { Attribution } from './types';

/** A stretch of the text sent: `text` is exactly `text.slice(start, end)`, offsets in UTF-16 code units. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export const QUOTE_TYPES = ['direct', 'indirect', 'reported'] as const;
export type QuoteType = (typeof QUOTE_TYPES)[number];

export type ProposedDevelopmentKind = 'contradiction' | 'support' | 'retraction';

export interface ProposedParty {
  name: string;
  kind: string;
  start?: number;
  end?: number;
  partyId?: string;
  registered?: boolean;
}

/** One proposed claim, or a reaction to another proposal or to a claim already recorded. */
export interface ExtractionItem {
  type: QuoteType;
  quote: TextSpan;
  /** Absent when the text names nobody the rules could find. */
  claimant?: ProposedParty;
  cue?: TextSpan;
  attribution: Attribution;
  anonymousSourceCount?: number;
  /** The outlet that reports it. */
  reportedBy?: ProposedParty;
  development?: { kind: ProposedDevelopmentKind; of: { item: number } | { claimId: string } };
  existingClaimId?: string;
  rule?: string;
  confidence?: number;
}

export interface Extraction {
  language: string;
  items: ExtractionItem[];
}
