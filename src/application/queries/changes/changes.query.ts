import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LRUCache } from 'lru-cache';
import { claimStreamId } from '../../../domain/claim/claim.events';
import { storylineStreamId } from '../../../domain/storyline/storyline.events';
import { EVENT_STORE, EventStore, StoredEvent } from '../../ports/event-store.port';
import { NotFoundError } from '../not-found.error';
import { PageRequest } from '../page';
import { CLAIM_READ_MODEL, ClaimReadModel, StoredClaimFold } from '../read-models.port';
import { RegistryHistory, RegistryVersion } from '../registry-history';
import { TimeTravel } from '../time-travel';
import { Changes, ChangesFrom, StorylineHeadlineChange } from './changes';
import { answerOf, resumedFrom } from './changes-answer';
import { ChangeWindow, lastPositionRecordedBy, readWindow } from './change-window';
import { ClaimComparison, ClaimHistory, ComparedRegistries, compareClaim } from './claim-comparison';
import { ClaimsTouchedElsewhere } from './claims-touched-elsewhere';
import { standingsLeftAlone } from './claims-left-alone';
import { rivalsAtNext, rivalsOfRuledClaims } from './compared-rivals';
import { KeptEvaluations } from './kept-evaluations';
import { SteadyClaim, sortReachedClaims } from './steady-claims';
import { StorylineRecords, headlineChange } from './storyline-headline';
import { StorylinesOfAnswer, isStakeholderEvent } from './storyline-stakes';

/** The most events one answer reads; past it the answer stops short (`truncated`) and `next` says where. */
export const MAX_WINDOW_EVENTS = 20_000;
const PARALLEL_READS = 32;
/** Answers kept (a page of 500 entries a list is a few hundred kB). */
const KEPT_ANSWERS = 32;

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

const idIn = (event: StoredEvent, field: 'claimId' | 'storylineId'): string | undefined => {
  const id = (event.data as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' ? id : undefined;
};

/** The claim an event belongs to, as the projections read it. */
const claimOf = (event: StoredEvent) => (event.type.startsWith('Claim') ? idIn(event, 'claimId') : undefined);
const storylineOf = (event: StoredEvent) =>
  event.type.startsWith('Storyline') ? idIn(event, 'storylineId') : undefined;
/** The storyline a claim's fold belongs to, from its recording (a claim never changes storyline). */
const storylineOfHistory = ({ known, inWindow }: ClaimHistory) => {
  const recorded = known[0] ?? inWindow[0];
  return recorded?.type === 'ClaimRecorded'
    ? ((recorded.data as { storylineId?: unknown }).storylineId as string | undefined)
    : undefined;
};

/**
 * What moved between `since` and now: each claim with events in the window (and each claim the
 * registry's events reach, see ClaimsTouchedElsewhere, unless it stood still: see
 * sortReachedClaims), and each claim of a storyline whose stakeholders were named or removed in the
 * window, folded at `since` and at `next` with the functions the live projections use, weighed
 * against the registry and the storyline's stakeholders as they stood at each; each storyline they
 * belong to counted at both points, its other claims taken from the as-of views (and their kept folds). "Now" is the read
 * models' checkpoint, and positions are log positions, so the answer does not change with a rebuild.
 */
@QueryHandler(GetChangesQuery)
export class GetChangesHandler implements IQueryHandler<GetChangesQuery, Changes> {
  private readonly evaluations = new KeptEvaluations();
  /**
   * Whole answers, for the morning call asked again: the log only grows, so the question, the end
   * of its window and the page name everything an answer depends on.
   */
  private readonly answers = new LRUCache<string, Changes>({ max: KEPT_ANSWERS });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel,
    private readonly timeTravel: TimeTravel,
    private readonly touchedElsewhere: ClaimsTouchedElsewhere,
    private readonly registries: RegistryHistory,
  ) {}

  async execute({ from, page, storylineId }: GetChangesQuery): Promise<Changes> {
    const checkpoint = this.claims.checkpoint();
    const since = 'since' in from ? from.since : await lastPositionRecordedBy(this.store, from.sinceTime, checkpoint);
    if (since > checkpoint) throw new SinceBeyondCheckpointError(since, checkpoint);
    const resumed = resumedFrom(page.cursor, storylineId, since, checkpoint);
    if (storylineId !== undefined && !(await this.storylineKnown(storylineId, checkpoint))) {
      throw new NotFoundError(`storyline ${storylineId}`);
    }
    const upTo = resumed?.next ?? checkpoint;
    const key = JSON.stringify([from, since, upTo, storylineId ?? null, page.cursor ?? null, page.limit]);
    const kept = this.answers.get(key);
    if (kept) return kept;
    const window = await readWindow(this.store, since, upTo, MAX_WINDOW_EVENTS);
    const storylinesOfAnswer = new StorylinesOfAnswer(this.store, since, window.next);
    const { compared, steady } = await this.compareClaims(window, since, storylineId, storylinesOfAnswer);
    const storylines = await this.storylineRecordsOf(compared, window, storylineId, storylinesOfAnswer);
    const headlines = await this.headlineChanges(storylines, compared, steady, window.next);

    const answer = answerOf({ from, since, window, compared, storylines, headlines, page, resumed, storylineId });
    this.answers.set(key, answer);
    return answer;
  }

  private async storylineKnown(storylineId: string, checkpoint: number): Promise<boolean> {
    const [opened] = await this.store.readStream(storylineStreamId(storylineId), { maxCount: 1 });
    return opened !== undefined && opened.position <= checkpoint;
  }

  /**
   * Every claim the window moved, each folded once from its events known at `since` on through the
   * window; of the claims only the registry's events or a change of their storyline's stakeholders
   * reached, those that stood still (see sortReachedClaims) are kept apart with their standing.
   */
  private async compareClaims(
    window: ChangeWindow,
    since: number,
    storylineId: string | undefined,
    storylines: StorylinesOfAnswer,
  ): Promise<{ compared: ClaimComparison[]; steady: SteadyClaim[] }> {
    const atSince = await this.registries.versionAt({ atPosition: since });
    const cascade = await this.touchedElsewhere.reached(window.events, atSince.registry);
    // The cascade's registry holds the party events of the version at `next`: deciding against it
    // reuses the reach tables the cascade worked out for it, instead of working them out again.
    const atNext = {
      key: (await this.registries.versionAt({ atPosition: window.next })).key,
      registry: cascade.registry,
    };
    const registries: ComparedRegistries = { since: atSince, next: atNext };
    const ownEvents = new Map<string, StoredEvent[]>();
    const otherEvents = new Map<string, StoredEvent>();
    const staked = new Set<string>();
    for (const event of window.events) {
      const claimId = claimOf(event);
      if (claimId === undefined) otherEvents.set(event.eventId, event);
      else if (ownEvents.has(claimId)) ownEvents.get(claimId)?.push(event);
      else ownEvents.set(claimId, [event]);
      const stakedStoryline = isStakeholderEvent(event) ? storylineOf(event) : undefined;
      if (stakedStoryline !== undefined) staked.add(stakedStoryline);
    }
    let own = [...ownEvents.keys()];
    let members: Set<string> | undefined;
    // As in the live projection, a stakeholder named or removed reaches every claim of its storyline.
    const reachedByRegistry = new Set(cascade.claimIds);
    const reachedByStakesAlone = new Set(
      [...staked].flatMap((id) => this.claims.claimIdsOf(id).ids).filter((id) => !reachedByRegistry.has(id)),
    );
    let reached = [...reachedByRegistry, ...reachedByStakesAlone].filter((id) => !ownEvents.has(id));
    if (storylineId !== undefined) {
      const ids = new Set(await this.timeTravel.claimIdsOf(storylineId, { atPosition: window.next }));
      members = ids;
      own = own.filter((id) => ids.has(id));
      reached = reached.filter((id) => ids.has(id));
    }
    const { steady, toCompare } = sortReachedClaims(
      reached,
      reachedByStakesAlone,
      await this.storedFoldsAt(reached, atNext, storylines),
      since,
      atSince,
      (id) => storylines.stakesOf(id).since,
      this.evaluations,
    );
    const histories = await this.historiesOf([...own, ...toCompare], ownEvents, since, window.next);
    const listed = new Set(histories.map((history) => history.claimId));
    const ruledRivals = rivalsOfRuledClaims(histories).filter(
      (id) => !listed.has(id) && (members === undefined || members.has(id)),
    );
    histories.push(...(await this.historiesOf(ruledRivals, ownEvents, since, window.next)));
    const rivals = await rivalsAtNext(this.store, histories, window.next);
    await storylines.read(histories.flatMap((history) => storylineOfHistory(history) ?? []));
    const stakesOf = (id: string) => storylines.stakesOf(id);
    const compared = histories.flatMap(
      (history) => compareClaim(history, registries, stakesOf, otherEvents, this.evaluations, rivals) ?? [],
    );
    return { compared, steady };
  }

  /**
   * The claims' stored folds, when the registry they were weighed against is the one at `next`
   * (else none), and their storyline's stakeholders were those at `next` (else not that claim's).
   * Reads the storylines of the folds it gives.
   */
  private async storedFoldsAt(
    claimIds: string[],
    atNext: RegistryVersion,
    storylines: StorylinesOfAnswer,
  ): Promise<Map<string, StoredClaimFold>> {
    if (claimIds.length === 0) return new Map();
    const stored = this.claims.storedFolds(claimIds, { withFacts: true });
    if (!stored) return new Map();
    const weighedAgainst = await this.registries.versionAt({ atPosition: stored.checkpoint });
    if (weighedAgainst.key !== atNext.key) return new Map();
    await storylines.read([...stored.folds.values()].map((fold) => fold.storylineId));
    const folds = new Map<string, StoredClaimFold>();
    for (const [claimId, fold] of stored.folds) {
      if (!storylines.stakesMovedAfterNext(fold.storylineId, stored.checkpoint)) folds.set(claimId, fold);
    }
    return folds;
  }

  /**
   * The claims' events known at `since` and their own in the window. The events known then are
   * read at once from those the claims rows keep (the window is never past the checkpoint), none
   * for a claim whose stream starts in the window; while the rows keep none (an older shape), from
   * each claim's stream.
   */
  private async historiesOf(
    ids: string[],
    ownEvents: ReadonlyMap<string, StoredEvent[]>,
    since: number,
    next: number,
  ): Promise<ClaimHistory[]> {
    const kept = this.claims.keptEvents(
      ids.filter((id) => ownEvents.get(id)?.[0].revision !== 0),
      since,
    );
    if (kept)
      return ids.map((claimId) => ({
        claimId,
        known: kept.get(claimId) ?? [],
        inWindow: ownEvents.get(claimId) ?? [],
      }));
    const histories: ClaimHistory[] = [];
    for (let start = 0; start < ids.length; start += PARALLEL_READS) {
      const chunk = ids.slice(start, start + PARALLEL_READS);
      histories.push(...(await Promise.all(chunk.map((id) => this.historyOf(id, ownEvents.get(id), since, next)))));
    }
    return histories;
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
    storylineId: string | undefined,
    storylines: StorylinesOfAnswer,
  ): Promise<Map<string, StorylineRecords>> {
    const ids = new Set(compared.map((claim) => claim.storylineId));
    for (const event of window.events) {
      const id = storylineOf(event);
      if (id !== undefined) ids.add(id);
    }
    const inScope = [...ids].filter((id) => storylineId === undefined || id === storylineId);
    await storylines.read(inScope);
    return new Map(inScope.map((id) => [id, storylines.recordsOf(id)]));
  }

  /**
   * The storylines whose headline moved; their claims that stood still stand as found, those the
   * window left alone as the as-of view at `next` has them. A storyline with no claim compared and
   * no event of its own is not among them: its headline stood still too.
   */
  private async headlineChanges(
    storylines: Map<string, StorylineRecords>,
    compared: ClaimComparison[],
    steady: SteadyClaim[],
    next: number,
  ): Promise<StorylineHeadlineChange[]> {
    const ownOf = groupedByStoryline(compared);
    const stillOf = groupedByStoryline(steady);
    const accountedFor = new Set([...compared, ...steady].map((claim) => claim.claimId));
    const leftAlone = standingsLeftAlone(this.claims, [...storylines.keys()], accountedFor, next);
    const changes: StorylineHeadlineChange[] = [];
    for (const [storylineId, records] of storylines) {
      if (!records.after) continue;
      const own = ownOf.get(storylineId) ?? [];
      const still = stillOf.get(storylineId) ?? [];
      const unchanged = [
        ...(leftAlone.get(storylineId) ??
          (await this.timeTravel.claimStandingsAt(storylineId, { atPosition: next }, accountedFor))),
        ...still.map((claim) => claim.standing),
      ];
      const change = headlineChange(records, unchanged, own);
      if (change) changes.push(change);
    }
    return changes;
  }
}

function groupedByStoryline<T extends { storylineId: string }>(claims: readonly T[]): Map<string, T[]> {
  const byStoryline = new Map<string, T[]>();
  for (const claim of claims) {
    const group = byStoryline.get(claim.storylineId);
    if (group) group.push(claim);
    else byStoryline.set(claim.storylineId, [claim]);
  }
  return byStoryline;
}
