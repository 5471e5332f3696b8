import { Party } from '../party';
import { Source } from '../source';
import { TimePrecision } from '../time-precision';
import { RelationEntry } from './claim-relations';
import {
  ClaimContent,
  ClaimContentChanges,
  CoAuthored,
  ContradictionKind,
  FactCheckData,
  RetractionKind,
  SupportKind,
  VerdictData,
} from './claim.events';

interface DevelopmentEntry {
  eventId: string;
  by: Party;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: Source;
  note?: string;
}

export type SupportEntry = DevelopmentEntry & CoAuthored & { kind: SupportKind };
export type ContradictionEntry = DevelopmentEntry & CoAuthored & { kind: ContradictionKind };
export type RetractionEntry = DevelopmentEntry & { kind: RetractionKind };

export type VerdictEntry = VerdictData & { eventId: string };

export type FactCheckEntry = FactCheckData & { eventId: string };

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
  /** Outside fact-checks in the order recorded, every one kept (a later review at the same url replaces an earlier one in the rule). */
  factChecks: FactCheckEntry[];
  corrections: CorrectionEntry[];
  /** This claim's side of its relations to other claims, one per other claim. */
  relations: RelationEntry[];
  /** Supports, contradictions, retractions and fact-checks recorded after the latest verdict. */
  developmentsSinceVerdict: string[];
}

/** `null` until the claim is recorded. */
export type ClaimState = RecordedClaim | null;

export const initialClaimState: ClaimState = null;
