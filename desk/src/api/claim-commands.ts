import { api, segment } from './client';
import { CommandResult } from './desk-api';
import { CommandOptions, PartyInput, SourceInput } from './desk-commands';
import { TimePrecision } from './types';

/** A support, contradiction (both with their kind) or retraction, as the API takes it. */
export interface DevelopmentToRecord {
  by: PartyInput;
  kind?: string;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: SourceInput;
  note?: string;
}

export type DevelopmentRoute = 'supports' | 'contradictions' | 'retraction';

const headersOf = (options: CommandOptions): Record<string, string> => ({
  'Idempotency-Key': options.idempotencyKey,
  ...(options.ifMatch !== undefined ? { 'If-Match': `"${options.ifMatch}"` } : {}),
});

export function recordDevelopment(
  claimId: string,
  route: DevelopmentRoute,
  development: DevelopmentToRecord,
  options: CommandOptions,
): Promise<CommandResult> {
  return api<CommandResult>(`/v1/claims/${segment(claimId)}/${route}`, {
    method: 'POST',
    body: development,
    headers: headersOf(options),
  });
}

/** `changes` holds only the fields that change; null removes an optional one. */
export interface CorrectionToRecord {
  changes: Record<string, unknown>;
  reason: string;
}

export function correctClaim(
  claimId: string,
  correction: CorrectionToRecord,
  options: CommandOptions,
): Promise<CommandResult> {
  return api<CommandResult>(`/v1/claims/${segment(claimId)}/corrections`, {
    method: 'POST',
    body: correction,
    headers: headersOf(options),
  });
}
