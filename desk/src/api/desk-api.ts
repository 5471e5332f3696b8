import { api, ApiError, segment } from './client';
import { Changes } from './changes-types';
import { PartyClaim, PartyListItem, PartyView, UnregisteredName } from './party-types';
import {
  Claim,
  ClaimStatus,
  ClaimSummary,
  Page,
  StoredEvent,
  Storyline,
  StorylineStatus,
  TimelineEntry,
  Verdict,
} from './types';

/** The largest page the API hands out (SPEC §4); the desk walks every list to its end. */
const PAGE_LIMIT = 500;

export interface ReadOptions {
  /** Knowledge time: only events recorded at or before it. */
  asOf?: string;
  /** World time: only what had happened in the world by then. */
  asOccurred?: string;
  /** Wait until the read models have applied this position (after a live event). */
  minPosition?: number;
  signal?: AbortSignal;
}

async function allPages<T>(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<T>>(path, { query: { ...query, limit: PAGE_LIMIT, cursor }, signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export interface StorylineFilter {
  status?: StorylineStatus;
  tag?: string;
  q?: string;
}

export function listStorylines(filter: StorylineFilter, options: ReadOptions = {}): Promise<Storyline[]> {
  return allPages<Storyline>('/v1/storylines', { ...filter, minPosition: options.minPosition }, options.signal);
}

/**
 * A storyline with every claim summary. Newer servers embed only the first page of claims and
 * point to the rest with `claimsNextCursor`; older ones embed them all.
 */
export async function getStoryline(id: string, options: ReadOptions = {}): Promise<Storyline> {
  const { asOf, asOccurred, minPosition, signal } = options;
  const view = await api<Storyline>(`/v1/storylines/${segment(id)}`, {
    query: { asOf, asOccurred, minPosition },
    signal,
  });
  const claims = [...(view.claims ?? [])];
  let cursor = view.claimsNextCursor;
  while (cursor) {
    const page = await api<Page<ClaimSummary>>(`/v1/storylines/${segment(id)}/claims`, {
      query: { asOf, asOccurred, cursor, limit: PAGE_LIMIT },
      signal,
    });
    claims.push(...page.items);
    cursor = page.nextCursor;
  }
  return { ...view, claims, claimsNextCursor: undefined };
}

/** Every claim of a storyline with its developments, as it stands now. */
export function storylineClaimViews(id: string, options: ReadOptions = {}): Promise<Claim[]> {
  return allPages<Claim>('/v1/claims', { storyline: id, minPosition: options.minPosition }, options.signal);
}

export function getTimeline(id: string, options: ReadOptions = {}): Promise<TimelineEntry[]> {
  const { asOf, asOccurred, minPosition, signal } = options;
  return allPages<TimelineEntry>(`/v1/storylines/${segment(id)}/timeline`, { asOf, asOccurred, minPosition }, signal);
}

export function getClaim(id: string, options: ReadOptions = {}): Promise<Claim> {
  const { asOf, asOccurred, minPosition, signal } = options;
  return api<Claim>(`/v1/claims/${segment(id)}`, { query: { asOf, asOccurred, minPosition }, signal });
}

export function claimHistory(id: string, options: ReadOptions = {}): Promise<StoredEvent[]> {
  return allPages<StoredEvent>(`/v1/claims/${segment(id)}/history`, {}, options.signal);
}

export function claimReview(id: string, options: ReadOptions = {}): Promise<Record<string, unknown>> {
  return api(`/v1/claims/${segment(id)}/claimreview`, {
    query: { minPosition: options.minPosition },
    signal: options.signal,
  });
}

export function searchClaims(
  filter: { status?: ClaimStatus; needsReview?: boolean },
  options: ReadOptions = {},
): Promise<Claim[]> {
  return allPages<Claim>('/v1/claims', { ...filter, minPosition: options.minPosition }, options.signal);
}

/** The event stored at a log position (positions may have gaps, so: the first one after the one before). */
export async function eventAt(position: number, signal?: AbortSignal): Promise<StoredEvent | undefined> {
  const page = await api<Page<StoredEvent>>('/v1/events', { query: { after: position - 1, limit: 1 }, signal });
  return page.items.find((event) => event.position === position);
}

export interface CommandResult {
  id: string;
  revision: number;
  position: number;
}

export interface VerdictToIssue {
  verdict: Verdict;
  rationale: string;
  /** The published fact-check: with it the verdict is published as ClaimReview. */
  reviewUrl?: string;
  /** The desk's own wording of the rating. */
  ratingText?: string;
  reviewer?: string;
}

/** One Idempotency-Key per opened form: a double click or a retry issues the verdict once. */
export function issueVerdict(claimId: string, verdict: VerdictToIssue, idempotencyKey: string): Promise<CommandResult> {
  return api<CommandResult>(`/v1/claims/${segment(claimId)}/verdict`, {
    method: 'POST',
    body: verdict,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** From a log position (`since`, the `next` of an earlier answer) or from a moment (`sinceTime`). */
export interface ChangesWindow {
  since?: number;
  sinceTime?: string;
  /** A later page of the same answer: the `nextCursor` of the one before. */
  cursor?: string;
  limit?: number;
  minPosition?: number;
  signal?: AbortSignal;
}

export function changesSince(window: ChangesWindow): Promise<Changes> {
  const { signal, ...query } = window;
  return api<Changes>('/v1/changes', { query, signal });
}

/** A server without an endpoint answers 404 (no such route) or 405 (the path exists for writes only). */
export const isNotAvailable = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 405);

export interface PartyFilter {
  q?: string;
  kind?: string;
  discredited?: boolean;
}

export function listParties(
  filter: PartyFilter,
  options: { cursor?: string; limit?: number; minPosition?: number; signal?: AbortSignal } = {},
): Promise<Page<PartyListItem>> {
  return api<Page<PartyListItem>>('/v1/parties', {
    query: { ...filter, cursor: options.cursor, limit: options.limit ?? 50, minPosition: options.minPosition },
    signal: options.signal,
  });
}

export interface NamesToRegister extends Page<UnregisteredName> {
  /** Mentions of anonymous sources ("people familiar with the talks"), which are nobody to register. */
  anonymousMentions: number;
}

/** The unregistered names worth registering, the most mentioned first; anonymous sources only counted. */
export async function unregisteredNames(
  options: { signal?: AbortSignal; limit?: number; minPosition?: number } = {},
): Promise<NamesToRegister> {
  const { signal, minPosition } = options;
  const [page, anonymous] = await Promise.all([
    api<Page<UnregisteredName>>('/v1/parties', {
      query: { unregistered: true, limit: options.limit ?? 50, minPosition },
      signal,
    }),
    allPages<UnregisteredName>('/v1/parties', { unregistered: true, kind: 'anonymous', minPosition }, signal),
  ]);
  return {
    ...page,
    items: page.items.filter((name) => name.kind !== 'anonymous'),
    anonymousMentions: anonymous.reduce((sum, name) => sum + name.mentions, 0),
  };
}

export function getParty(id: string, options: ReadOptions = {}): Promise<PartyView> {
  const { asOf, minPosition, signal } = options;
  return api<PartyView>(`/v1/parties/${segment(id)}`, { query: { asOf, minPosition }, signal });
}

export function partyClaims(id: string, options: ReadOptions = {}): Promise<PartyClaim[]> {
  return allPages<PartyClaim>(`/v1/parties/${segment(id)}/claims`, { asOf: options.asOf }, options.signal);
}

/** Probes whether the API lets this tab read: no key needed (auth off), a stored key that works, or 401. */
export function probeAccess(): Promise<unknown> {
  return api('/v1/storylines', { query: { limit: 1 } });
}
