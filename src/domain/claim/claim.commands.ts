import { Party } from '../party';
import { PartyRegistry, partyKey } from '../party/party-registry';
import { RelateClaim, UnrelateClaim } from './claim-relations';
import { Source } from '../source';
import { TimePrecision } from '../time-precision';
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

/** The party a mention stands for, as a key every mention of that party shares. */
export type IdentifyParty = (mention: Party) => string;

/** Mentions identified as the registry resolves them: by id (merges followed), by name or alias, else by the id's key. */
export const identifyIn =
  (registry: PartyRegistry): IdentifyParty =>
  (mention) =>
    partyKey(registry.resolve(mention));

export interface RetractClaim {
  type: 'RetractClaim';
  /** `kind` is `withdrawn` when not given. */
  data: DevelopmentInput & { kind?: RetractionKind };
  /** The registry as the retraction is recorded: the claimant or reporter may retract under any name that is theirs. */
  identify: IdentifyParty;
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
  | RecordClaim
  | SupportClaim
  | ContradictClaim
  | RetractClaim
  | CorrectClaim
  | IssueVerdict
  | RecordFactCheck
  | RelateClaim
  | UnrelateClaim;
