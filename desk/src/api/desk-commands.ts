import { api, segment } from './client';
import { CommandResult } from './desk-api';
import { Attribution, ClaimKind, PartyKind, TimePrecision } from './types';

/** What makes a write safe to repeat and safe to race: one key per form opening, the revision it was read at. */
export interface CommandOptions {
  idempotencyKey: string;
  /** The revision the form was filled in from: the write lands only if nobody wrote since (else 412). */
  ifMatch?: number;
}

export function command(path: string, method: 'POST' | 'PATCH', body: unknown, options: CommandOptions) {
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
  attribution: Attribution;
  anonymousSourceCount?: number;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  summary?: string;
  source?: SourceInput;
}

export function recordClaim(
  storylineId: string,
  claim: ClaimToRecord,
  options: CommandOptions,
): Promise<CommandResult> {
  return command(`/v1/storylines/${segment(storylineId)}/claims`, 'POST', claim, options);
}
