import { Attribution, ClaimKind, PartyKind, TimePrecision } from './types';

/** The bodies of the commands the desk sends, apart from the sending, so pure helpers can build them. */

export interface PartyInput {
  id?: string;
  name: string;
  kind: PartyKind;
}

export interface SourceInput {
  url: string;
  title?: string;
  publishedAt?: string;
  quote?: string;
  quoteLanguage?: string;
  translation?: { text: string; language: string };
}

export interface ClaimToRecord {
  statement: string;
  language?: string;
  kind: ClaimKind;
  claimant: PartyInput;
  reportedBy?: PartyInput;
  /** The parties the claim is about: a contradiction by one of them is a denial by the subject. */
  about?: PartyInput[];
  /** The reporter's co-authors of the piece that published the claim. */
  with?: PartyInput[];
  attribution: Attribution;
  anonymousSourceCount?: number;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  summary?: string;
  source?: SourceInput;
}

/** A support, contradiction (both with their kind) or retraction, as the API takes it. */
export interface DevelopmentToRecord {
  by: PartyInput;
  /** Co-authors of the piece; not for a retraction. */
  with?: PartyInput[];
  kind?: string;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: SourceInput;
  note?: string;
}
