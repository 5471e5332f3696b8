import { Party } from '../party';
import { Source } from '../source';
import { TimePrecision } from '../time-precision';
import { ClaimContent, ClaimContentChanges, ContradictionKind, SupportKind, Verdict } from './claim.events';

interface DevelopmentEntry {
  eventId: string;
  by: Party;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: Source;
  note?: string;
}

export type SupportEntry = DevelopmentEntry & { kind: SupportKind };
export type ContradictionEntry = DevelopmentEntry & { kind: ContradictionKind };
export type RetractionEntry = DevelopmentEntry;

export interface VerdictEntry {
  eventId: string;
  verdict: Verdict;
  rationale: string;
  occurredAt: string;
}

export interface CorrectionEntry {
  eventId: string;
  changes: ClaimContentChanges;
  reason: string;
  occurredAt: string;
}

/** A claim folded from its stream. `content` has every correction applied. */
export interface RecordedClaim {
  claimId: string;
  storylineId: string;
  recordedEventId: string;
  content: ClaimContent;
  supports: SupportEntry[];
  contradictions: ContradictionEntry[];
  retraction?: RetractionEntry;
  verdicts: VerdictEntry[];
  corrections: CorrectionEntry[];
  /** Supports, contradictions and retractions recorded after the latest verdict. */
  developmentsSinceVerdict: string[];
}

/** `null` until the claim is recorded. */
export type ClaimState = RecordedClaim | null;

export const initialClaimState: ClaimState = null;
