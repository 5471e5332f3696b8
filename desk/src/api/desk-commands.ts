import { api, segment } from './client';
import { CommandResult } from './desk-api';
import { ClaimToRecord } from './command-bodies';

export type { ClaimToRecord, PartyInput, SourceInput } from './command-bodies';

/** What makes a write safe to repeat and safe to race: one key per form opening, the revision it was read at. */
export interface CommandOptions {
  idempotencyKey: string;
  /** The revision the form was filled in from: the write lands only if nobody wrote since (else 412). */
  ifMatch?: number;
}

export function command(path: string, method: 'POST' | 'PATCH' | 'DELETE', body: unknown, options: CommandOptions) {
  const headers: Record<string, string> = { 'Idempotency-Key': options.idempotencyKey };
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  return api<CommandResult>(path, { method, body, headers });
}

export interface StorylineFields {
  title: string;
  summary: string;
  tags: string[];
}

export function openStoryline(storyline: StorylineFields, options: CommandOptions): Promise<CommandResult> {
  return command('/v1/storylines', 'POST', storyline, options);
}

export function reviseStoryline(
  id: string,
  changes: Partial<StorylineFields>,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/storylines/${segment(id)}`, 'PATCH', changes, options);
}

export function recordClaim(
  storylineId: string,
  claim: ClaimToRecord,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/storylines/${segment(storylineId)}/claims`, 'POST', claim, options);
}

export interface StakeholderFields {
  partyId: string;
  reason: string;
  from?: string;
}

export function nameStakeholder(
  storylineId: string,
  stakeholder: StakeholderFields,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/storylines/${segment(storylineId)}/stakeholders`, 'POST', stakeholder, options);
}

export function removeStakeholder(
  storylineId: string,
  partyId: string,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(
    `/v1/storylines/${segment(storylineId)}/stakeholders/${segment(partyId)}`,
    'DELETE',
    undefined,
    options,
  );
}
