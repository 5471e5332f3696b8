import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { claimStreamId } from '../../../domain/claim/claim.events';
import { storylineStreamId } from '../../../domain/storyline/storyline.events';
import { EVENT_STORE, EventStore, StoredEvent } from '../../ports/event-store.port';
import { NotFoundError } from '../not-found.error';
import { InvalidCursorError, PageRequest, decodeCursor, encodeCursor } from '../page';
import { CLAIM_READ_MODEL, ClaimReadModel } from '../read-models.port';
import { TimeTravel } from '../time-travel';
import {
  ClaimAdded,
  ClaimStatusChange,
  Changes,
  DEVELOPMENT_OF_TYPE,
  StorylineDevelopments,
  StorylineHeadlineChange,
  noDevelopments,
} from './changes';
import { ChangeWindow, lastPositionRecordedBy, readWindow } from './change-window';
import { ClaimComparison, ClaimHistory, compareClaim } from './claim-comparison';
import { ClaimsTouchedElsewhere } from './claims-touched-elsewhere';
import { StorylineRecords, headlineChange, storylineRecords } from './storyline-headline';

/** The most events one answer reads; past it the answer stops short (`truncated`) and `next` says where. */
export const MAX_WINDOW_EVENTS = 20_000;
const PARALLEL_READS = 32;

export type ChangesFrom = { since: number } | { sinceTime: string };

export class GetChangesQuery {
  constructor(
    readonly from: ChangesFrom,
    readonly page: PageRequest,
    /** Only this storyline and its claims; all of them when absent. */
    readonly storylineId?: string,
  ) {}
}

/** `since` names a position the read models have not reached. */
export class SinceBeyondCheckpointError extends Error {
  constructor(since: number, checkpoint: number) {
    super(
      `since ${since} is beyond the read models' checkpoint ${checkpoint}; ` +
        `pass minPosition=${since} to wait for it, or a smaller since`,
    );
    this.name = 'SinceBeyondCheckpointError';
  }
}

/** Where a later page of the same answer starts: its window is pinned, so every page tells of the same one. */
interface Resumed {
  next: number;
  truncated: boolean;
  page: number;
}

const idIn = (event: StoredEvent, field: 'claimId' | 'storylineId'): string | undefined => {
  const id = (event.data as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' ? id : undefined;
};

/** The claim an event belongs to, as the projections read it. */
const claimOf = (event: StoredEvent) => (event.type.startsWith('Claim') ? idIn(event, 'claimId') : undefined);
const storylineOf = (event: StoredEvent) =>
  event.type.startsWith('Storyline') ? idIn(event, 'storylineId') : undefined;

/**
 * What moved between `since` and now: each claim with events in the window (and each claim the
 * registry's events reach, see ClaimsTouchedElsewhere) folded at `since` and at `next` with the
 * functions the live projections use; each storyline they belong to counted at both points, its
 * other claims taken from the as-of views (and their kept folds). "Now" is the read models'
 * checkpoint, and positions are log positions, so the answer does not change with a rebuild.
 */
@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery, Changes> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel,
    private readonly timeTravel: TimeTravel,
    private readonly touchedElsewhere: ClaimsTouchedElsewhere,
  ) {}

  async execute({ from, page, storylineId }: GetChangesQuery): Promise<Changes> {
    const checkpoint = this.claims.checkpoint();
    const since = 'since' in from ? from.since : await lastPositionRecordedBy(this.store, from.sinceTime, checkpoint);
    if (since > checkpoint) throw new SinceBeyondCheckpointError(since, checkpoint);
    const resumed = resumedFrom(page.cursor, storylineId, since, checkpoint);
    if (storylineId !== undefined && !(await this.storylineKnown(storylineId, checkpoint))) {
      throw new NotFoundError(`storyline ${storylineId}`);
    }
    const window = await readWindow(this.store, since, resumed?.next ?? checkpoint, MAX_WINDOW_EVENTS);
    const compared = await this.compareClaims(window, since, storylineId);
    const storylines = await this.storylineRecordsOf(compared, window, since, storylineId);
    const headlines = await this.headlineChanges(storylines, compared, window.next);

    const opened = (id: string) => storylines.get(id)?.after?.openedPosition ?? Number.MAX_SAFE_INTEGER;
    const byOpening = (a: string, b: string) => opened(a) - opened(b) || a.localeCompare(b);
    const byRecording = (a: ClaimComparison, b: ClaimComparison) =>
      a.after.record.recordedPosition - b.after.record.recordedPosition;
    const sorted = [...compared].sort(byRecording);
    const lists = {
      storylines: headlines.sort((a, b) => byOpening(a.id, b.id)),
      claimsAdded: sorted.filter((claim) => !claim.before).map(toClaimAdded),
      claimsChanged: sorted.flatMap(toStatusChange),
      byStoryline: developmentsByStoryline(compared).sort((a, b) => byOpening(a.storylineId, b.storylineId)),
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

  private async storylineKnown(storylineId: string, checkpoint: number): Promise<boolean> {
    const [opened] = await this.store.readStream(storylineStreamId(storylineId), { maxCount: 1 });
    return opened !== undefined && opened.position <= checkpoint;
  }

  /** Every claim the window moved, each folded once from its events known at `since` on through the window. */
  private async compareClaims(
    window: ChangeWindow,
    since: number,
    storylineId: string | undefined,
  ): Promise<ClaimComparison[]> {
    const ownEvents = new Map<string, StoredEvent[]>();
    const otherEvents = new Map<string, StoredEvent>();
    for (const event of window.events) {
      const claimId = claimOf(event);
      if (claimId === undefined) otherEvents.set(event.eventId, event);
      else if (ownEvents.has(claimId)) ownEvents.get(claimId)?.push(event);
      else ownEvents.set(claimId, [event]);
    }
    const elsewhere = (await this.touchedElsewhere.claimIds(window.events)).filter((id) => !ownEvents.has(id));
    let ids = [...ownEvents.keys(), ...new Set(elsewhere)];
    if (storylineId !== undefined) {
      const members = new Set(await this.timeTravel.claimIdsOf(storylineId, { atPosition: window.next }));
      ids = ids.filter((id) => members.has(id));
    }
    const histories: ClaimHistory[] = [];
    for (let start = 0; start < ids.length; start += PARALLEL_READS) {
      const chunk = ids.slice(start, start + PARALLEL_READS);
      histories.push(
        ...(await Promise.all(chunk.map((id) => this.historyOf(id, ownEvents.get(id), since, window.next)))),
      );
    }
    return histories.flatMap((history) => compareClaim(history, otherEvents) ?? []);
  }

  /**
   * A claim's events known at `since`: those before its first event in the window (none when the
   * window holds its recording), or, for a claim without events of its own there, its stream.
   */
  private async historyOf(
    claimId: string,
    inWindow: StoredEvent[] | undefined,
    since: number,
    next: number,
  ): Promise<ClaimHistory> {
    const streamId = claimStreamId(claimId);
    if (inWindow) {
      const firstRevision = inWindow[0].revision;
      const known = firstRevision === 0 ? [] : await this.store.readStream(streamId, { maxCount: firstRevision });
      return { claimId, known, inWindow };
    }
    const stream = (await this.store.readStream(streamId)).filter((event) => event.position <= next);
    return {
      claimId,
      known: stream.filter((event) => event.position <= since),
      inWindow: stream.filter((event) => event.position > since),
    };
  }

  private async storylineRecordsOf(
    compared: ClaimComparison[],
    window: ChangeWindow,
    since: number,
    storylineId: string | undefined,
  ): Promise<Map<string, StorylineRecords>> {
    const ids = new Set(compared.map((claim) => claim.storylineId));
    for (const event of window.events) {
      const id = storylineOf(event);
      if (id !== undefined) ids.add(id);
    }
    const inScope = [...ids].filter((id) => storylineId === undefined || id === storylineId);
    const records = new Map<string, StorylineRecords>();
    for (let start = 0; start < inScope.length; start += PARALLEL_READS) {
      const chunk = inScope.slice(start, start + PARALLEL_READS);
      const streams = await Promise.all(chunk.map((id) => this.store.readStream(storylineStreamId(id))));
      chunk.forEach((id, offset) => records.set(id, storylineRecords(streams[offset], since, window.next)));
    }
    return records;
  }

  /** The storylines whose headline moved; their claims that the window left alone stand as the as-of view at `next` has them. */
  private async headlineChanges(
    storylines: Map<string, StorylineRecords>,
    compared: ClaimComparison[],
    next: number,
  ): Promise<StorylineHeadlineChange[]> {
    const changes: StorylineHeadlineChange[] = [];
    for (const [storylineId, records] of storylines) {
      if (!records.after) continue;
      const own = compared.filter((claim) => claim.storylineId === storylineId);
      const unchanged = await this.timeTravel.claimSummariesAt(
        storylineId,
        { atPosition: next },
        new Set(own.map((claim) => claim.claimId)),
      );
      const change = headlineChange(records, unchanged, own);
      if (change) changes.push(change);
    }
    return changes;
  }
}

function resumedFrom(
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

function claimantOf({ after }: ClaimComparison) {
  const { id, name } = after.record.claim.content.claimant;
  return { id, name };
}

function toClaimAdded(claim: ClaimComparison): ClaimAdded {
  const { record, evaluation } = claim.after;
  return {
    id: claim.claimId,
    storylineId: claim.storylineId,
    statement: record.claim.content.statement,
    claimant: claimantOf(claim),
    status: evaluation.status,
    needsReview: evaluation.needsReview,
    position: record.recordedPosition,
    recordedAt: record.recordedAt,
  };
}

function toStatusChange(claim: ClaimComparison): ClaimStatusChange[] {
  const { before, after } = claim;
  if (!before || before.evaluation.status === after.evaluation.status) return [];
  return [
    {
      id: claim.claimId,
      storylineId: claim.storylineId,
      statement: after.record.claim.content.statement,
      claimant: claimantOf(claim),
      before: before.evaluation.status,
      after: after.evaluation.status,
      needsReview: after.evaluation.needsReview,
      explanation: after.evaluation.explanation,
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
