import { Party } from '../party';
import { ClaimRelated, ClaimUnrelated } from './claim-relations';
import { Source } from '../source';
import { TimePrecision } from '../time-precision';

export const ATTRIBUTIONS = ['on_record', 'anonymous', 'official_statement', 'unattributed'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const SUPPORT_KINDS = ['corroboration', 'confirmation', 'evidence'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const CONTRADICTION_KINDS = ['denial', 'dispute', 'counter_evidence'] as const;
export type ContradictionKind = (typeof CONTRADICTION_KINDS)[number];

/** `withdrawn`: retracted in so many words; `deleted`: removed without comment (a post taken down). Both retract. */
export const RETRACTION_KINDS = ['withdrawn', 'deleted'] as const;
export type RetractionKind = (typeof RETRACTION_KINDS)[number];

/** Every kind keeps its own status; a storyline's headline counts factual claims only. */
export const CLAIM_KINDS = ['factual', 'opinion', 'prediction'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const VERDICTS = ['confirmed', 'refuted', 'misleading', 'unproven'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The facts about a claim that a correction may fix. */
export interface ClaimContent {
  statement: string;
  language: string;
  kind: ClaimKind;
  claimant: Party;
  reportedBy?: Party;
  attribution: Attribution;
  anonymousSourceCount?: number;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: Source;
  tags: string[];
  /** The short form published as ClaimReview's `claimReviewed` (≤ 75 characters). */
  summary?: string;
  /** The reporter's co-authors of the piece that published the claim (joint reporting). */
  with?: Party[];
  /** The parties the claim is about: a contradiction by one of them is a denial by the subject. */
  about?: Party[];
}

/** As stored: claims recorded before claims had kinds carry none, and are factual. */
export type RecordedContent = Omit<ClaimContent, 'kind'> & { kind?: ClaimKind };

/** A correction names only the fields it fixes; `null` removes an optional field. */
export type ClaimContentChanges = {
  [K in keyof ClaimContent]?: undefined extends ClaimContent[K] ? ClaimContent[K] | null : ClaimContent[K];
};

export interface ClaimRecorded {
  type: 'ClaimRecorded';
  data: RecordedContent & { claimId: string; storylineId: string };
}

export interface Development {
  claimId: string;
  by: Party;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: Source;
  note?: string;
}

/**
 * The other authors of one piece of joint reporting: the development's party and they are one source
 * for that piece only (no affiliation between them follows).
 */
export interface CoAuthored {
  with?: Party[];
}

export interface ClaimSupported {
  type: 'ClaimSupported';
  data: Development & CoAuthored & { kind: SupportKind };
}

export interface ClaimContradicted {
  type: 'ClaimContradicted';
  data: Development & CoAuthored & { kind: ContradictionKind };
}

export interface ClaimRetracted {
  type: 'ClaimRetracted';
  /** Retractions recorded before they had kinds carry none: they were withdrawn. */
  data: Development & { kind?: RetractionKind };
}

export interface ClaimCorrected {
  type: 'ClaimCorrected';
  data: { claimId: string; changes: ClaimContentChanges; reason: string; occurredAt: string };
}

/** The desk's ruling. A verdict with `reviewUrl` is published: the fact-check at that address carries its ClaimReview. */
export interface VerdictData {
  verdict: Verdict;
  rationale: string;
  occurredAt: string;
  /** The published fact-check (http or https). */
  reviewUrl?: string;
  /** The desk's own wording of the rating, e.g. "Pants on fire". */
  ratingText?: string;
  /** The person who reviewed the claim. */
  reviewer?: string;
}

export interface ClaimVerdictIssued {
  type: 'ClaimVerdictIssued';
  data: VerdictData & { claimId: string };
}

/** A rating on the fact-checker's own scale; the numbers are absent when it rates in words only. */
export interface FactCheckRating {
  value?: number;
  best?: number;
  worst?: number;
  /** The rating as published, e.g. "Mostly false". */
  text: string;
}

/** Another fact-checker's published review of the claim: evidence, never the desk's verdict. */
export interface FactCheckData {
  /** The reviewing organization. */
  by: Party;
  rating: FactCheckRating;
  /** The published fact-check; one review per address, a later one at the same address replaces it. */
  url: string;
  publishedAt: string;
  /** Only this much of publishedAt is known (a review dated without a time): publishedAt is its start. */
  publishedAtPrecision?: TimePrecision;
}

export interface ClaimFactChecked {
  type: 'ClaimFactChecked';
  data: FactCheckData & { claimId: string };
}

export type ClaimEvent =
  | ClaimRecorded
  | ClaimSupported
  | ClaimContradicted
  | ClaimRetracted
  | ClaimCorrected
  | ClaimVerdictIssued
  | ClaimFactChecked
  | ClaimRelated
  | ClaimUnrelated;

export const CLAIM_EVENT_TYPES: ReadonlyArray<ClaimEvent['type']> = [
  'ClaimRecorded',
  'ClaimSupported',
  'ClaimContradicted',
  'ClaimRetracted',
  'ClaimCorrected',
  'ClaimVerdictIssued',
  'ClaimFactChecked',
  'ClaimRelated',
  'ClaimUnrelated',
];

export const claimStreamId = (claimId: string): string => `claim-${claimId}`;
