import { InvalidCursorError, PageRequest, decodeCursor, encodeCursor } from '../page';
import {
  ClaimAdded,
  ClaimStatusChange,
  Changes,
  ChangesFrom,
  DEVELOPMENT_OF_TYPE,
  StorylineDevelopments,
  StorylineHeadlineChange,
  noDevelopments,
} from './changes';
import { ChangeWindow } from './change-window';
import { EvaluatedClaim } from '../../read-models/claims/claim-evaluation';
import { ClaimComparison } from './claim-comparison';
import { StorylineRecords } from './storyline-headline';

/** Where a later page of the same answer starts: its window is pinned, so every page tells of the same one. */
export interface Resumed {
  next: number;
  truncated: boolean;
  page: number;
}

export interface ComparedWindow {
  from: ChangesFrom;
  since: number;
  window: ChangeWindow;
  compared: ClaimComparison[];
  storylines: Map<string, StorylineRecords>;
  headlines: StorylineHeadlineChange[];
  page: PageRequest;
  resumed: Resumed | undefined;
  storylineId: string | undefined;
}

/**
 * The answer's page: every list in a fixed order (storylines as they were opened, claims as they
 * were recorded), each cut to the page, with totals over all pages. The order depends only on the
 * log, so a page asked again names the same entries.
 */
export function answerOf(compared: ComparedWindow): Changes {
  const { from, since, window, storylines, page, resumed, storylineId } = compared;
  const opened = (id: string) => storylines.get(id)?.after?.openedPosition ?? Number.MAX_SAFE_INTEGER;
  const byOpening = (a: string, b: string) => opened(a) - opened(b) || a.localeCompare(b);
  const claims = [...compared.compared].sort((a, b) => a.recordedPosition - b.recordedPosition);
  const lists = {
    storylines: [...compared.headlines].sort((a, b) => byOpening(a.id, b.id)),
    claimsAdded: claims.flatMap(toClaimAdded),
    claimsChanged: claims.flatMap(toStatusChange),
    byStoryline: developmentsByStoryline(claims).sort((a, b) => byOpening(a.storylineId, b.storylineId)),
  };
  const truncated = resumed?.truncated ?? window.truncated;
  const index = resumed?.page ?? 0;
  const pageOf = <T>(items: T[]) => items.slice(index * page.limit, (index + 1) * page.limit);
  const more = Object.values(lists).some((items) => items.length > (index + 1) * page.limit);
  return {
    since,
    ...('sinceTime' in from ? { sinceTime: from.sinceTime } : {}),
    next: window.next,
    truncated,
    storylines: pageOf(lists.storylines),
    claimsAdded: pageOf(lists.claimsAdded),
    claimsChanged: pageOf(lists.claimsChanged),
    developments: { total: totalOf(lists.byStoryline), byStoryline: pageOf(lists.byStoryline) },
    totals: {
      storylines: lists.storylines.length,
      claimsAdded: lists.claimsAdded.length,
      claimsChanged: lists.claimsChanged.length,
      storylinesWithDevelopments: lists.byStoryline.length,
    },
    ...(more
      ? { nextCursor: encodeCursor([storylineId ?? '', since, window.next, truncated ? 1 : 0, index + 1]) }
      : {}),
  };
}

/** The pinned window of a cursor; a cursor of another query (scope, since) or of a later log is refused. */
export function resumedFrom(
  cursor: string | undefined,
  storylineId: string | undefined,
  since: number,
  checkpoint: number,
): Resumed | undefined {
  const key = decodeCursor(cursor, ['string', 'number', 'number', 'number', 'number']);
  if (!key) return undefined;
  const [scope, cursorSince, next, truncated, page] = key as [string, number, number, number, number];
  if (scope !== (storylineId ?? '') || cursorSince !== since || next > checkpoint || page < 1) {
    throw new InvalidCursorError();
  }
  return { next, truncated: truncated === 1, page };
}

function claimantOf({ record }: EvaluatedClaim) {
  const { id, name } = record.claim.content.claimant;
  return { id, name };
}

function toClaimAdded(claim: ClaimComparison): ClaimAdded[] {
  if (claim.before || !claim.listed) return [];
  const { record, evaluation } = claim.listed;
  return [
    {
      id: claim.claimId,
      storylineId: claim.storylineId,
      statement: record.claim.content.statement,
      claimant: claimantOf(claim.listed),
      status: evaluation.status,
      needsReview: evaluation.needsReview,
      position: record.recordedPosition,
      recordedAt: record.recordedAt,
    },
  ];
}

function toStatusChange(claim: ClaimComparison): ClaimStatusChange[] {
  const { before, listed } = claim;
  if (!before || !listed || before.status === listed.evaluation.status) return [];
  return [
    {
      id: claim.claimId,
      storylineId: claim.storylineId,
      statement: listed.record.claim.content.statement,
      claimant: claimantOf(listed),
      before: before.status,
      after: listed.evaluation.status,
      needsReview: listed.evaluation.needsReview,
      explanation: listed.evaluation.explanation,
      ...(claim.decidedBy ? { decidedBy: claim.decidedBy } : {}),
    },
  ];
}

function developmentsByStoryline(compared: ClaimComparison[]): StorylineDevelopments[] {
  const byStoryline = new Map<string, StorylineDevelopments>();
  for (const claim of compared) {
    for (const event of claim.developments) {
      const kind = DEVELOPMENT_OF_TYPE.get(event.type);
      if (!kind) continue;
      let counts = byStoryline.get(claim.storylineId);
      if (!counts)
        byStoryline.set(claim.storylineId, (counts = { storylineId: claim.storylineId, ...noDevelopments() }));
      counts[kind] += 1;
    }
  }
  return [...byStoryline.values()];
}

function totalOf(byStoryline: StorylineDevelopments[]) {
  const total = noDevelopments();
  for (const { storylineId: _storylineId, ...counts } of byStoryline) {
    for (const [kind, count] of Object.entries(counts) as Array<[keyof typeof total, number]>) total[kind] += count;
  }
  return total;
}
