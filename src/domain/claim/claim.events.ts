import { Party } from '../party';
import { Source } from '../source';
import { TimePrecision } from '../time-precision';

export const ATTRIBUTIONS = ['on_record', 'anonymous', 'official_statement', 'unattributed'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const SUPPORT_KINDS = ['corroboration', 'confirmation', 'evidence'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const CONTRADICTION_KINDS = ['denial', 'dispute', 'counter_evidence'] as const;
export type ContradictionKind = (typeof CONTRADICTION_KINDS)[number];

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

export interface ClaimSupported {
  type: 'ClaimSupported';
  data: Development & { kind: SupportKind };
}

export interface ClaimContradicted {
  type: 'ClaimContradicted';
  data: Development & { kind: ContradictionKind };
}

export interface ClaimRetracted {
  type: 'ClaimRetracted';
  data: Development;
}

export interface ClaimCorrected {
  type: 'ClaimCorrected';
  data: { claimId: string; changes: ClaimContentChanges; reason: string; occurredAt: string };
}

export interface ClaimVerdictIssued {
  type: 'ClaimVerdictIssued';
  data: { claimId: string; verdict: Verdict; rationale: string; occurredAt: string };
}

export type ClaimEvent =
  ClaimRecorded | ClaimSupported | ClaimContradicted | ClaimRetracted | ClaimCorrected | ClaimVerdictIssued;

export const CLAIM_EVENT_TYPES: ReadonlyArray<ClaimEvent['type']> = [
  'ClaimRecorded',
  'ClaimSupported',
  'ClaimContradicted',
  'ClaimRetracted',
  'ClaimCorrected',
  'ClaimVerdictIssued',
];

export const claimStreamId = (claimId: string): string => `claim-${claimId}`;
