import { segment } from './client';
import { DevelopmentToRecord, PartyInput } from './command-bodies';
import { CommandResult } from './desk-api';
import { command, CommandOptions } from './desk-commands';

export type { DevelopmentToRecord } from './command-bodies';

export type DevelopmentRoute = 'supports' | 'contradictions' | 'retraction';

export function recordDevelopment(
  claimId: string,
  route: DevelopmentRoute,
  development: DevelopmentToRecord,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/claims/${segment(claimId)}/${route}`, 'POST', development, options);
}

/** `changes` holds only the fields that change; null removes an optional one. */
export interface CorrectionToRecord {
  changes: Record<string, unknown>;
  reason: string;
}

/** Sent with If-Match on the revision the editor saw (`options.ifMatch`): a claim changed since answers 412. */
export function correctClaim(
  claimId: string,
  correction: CorrectionToRecord,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/claims/${segment(claimId)}/corrections`, 'POST', correction, options);
}

/** Another fact-checker's published review, as the API takes it: a rating in its words, on its scale when it has one. */
export interface FactCheckToRecord {
  by: PartyInput;
  rating: { text: string; value?: number; best?: number; worst?: number };
  url: string;
  publishedAt: string;
}

export function recordFactCheck(claimId: string, check: FactCheckToRecord, options: CommandOptions) {
  return command(`/v1/claims/${segment(claimId)}/fact-checks`, 'POST', check, options);
}

export type ClaimRelationKind = 'same_as' | 'rival_of';

/** Both claims record their side; the same relation again records nothing. */
export function relateClaims(
  claimId: string,
  relation: { claimId: string; relation: ClaimRelationKind },
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/claims/${segment(claimId)}/relations`, 'POST', relation, options);
}
