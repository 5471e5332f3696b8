import { Party } from '../party';
import { Source } from '../source';
import { TimePrecision } from '../time-precision';
import {
  ClaimContent,
  ClaimContentChanges,
  CoAuthored,
  ContradictionKind,
  FactCheckData,
  SupportKind,
  VerdictData,
} from './claim.events';

export interface RecordClaim {
  type: 'RecordClaim';
  data: ClaimContent & { claimId: string; storylineId: string };
}

export interface DevelopmentInput {
  by: Party;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: Source;
  note?: string;
}

export interface SupportClaim {
  type: 'SupportClaim';
  data: DevelopmentInput & CoAuthored & { kind: SupportKind };
}

export interface ContradictClaim {
  type: 'ContradictClaim';
  data: DevelopmentInput & CoAuthored & { kind: ContradictionKind };
}

export interface RetractClaim {
  type: 'RetractClaim';
  data: DevelopmentInput;
}

export interface CorrectClaim {
  type: 'CorrectClaim';
  data: { changes: ClaimContentChanges; reason: string; occurredAt: string };
}

export interface IssueVerdict {
  type: 'IssueVerdict';
  data: VerdictData;
}

export interface RecordFactCheck {
  type: 'RecordFactCheck';
  data: FactCheckData;
}

export type ClaimCommand =
  RecordClaim | SupportClaim | ContradictClaim | RetractClaim | CorrectClaim | IssueVerdict | RecordFactCheck;
