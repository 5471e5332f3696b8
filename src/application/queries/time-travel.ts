import { Inject, Injectable } from '@nestjs/common';
import { claimStreamId } from '../../domain/claim/claim.events';
import { Stakeholder } from '../../domain/storyline/stakeholder';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { EVENT_STORE, EventStore, StoredEvent } from '../ports/event-store.port';
import { evaluateClaim } from '../projections/claim-evaluation';
import { foldClaimRecord } from '../projections/claim-record';
import { ClaimSummary, ClaimView, toClaimSummary, toClaimView } from '../projections/claim-view';
import { countClaims } from '../projections/storyline-tally';
import {
  StorylineRecord,
  StorylineView,
  evolveStorylineRecord,
  toStorylineListItem,
} from '../projections/storyline-view';
import { TimelineEntry, foldTimeline } from '../projections/timeline-entry';
import { ClaimFoldCache, FoldedClaim } from './claim-fold-cache';
import { RegistryHistory, RegistryVersion } from './registry-history';
import { Page, PageRequest, decodeCursor, toPage } from './page';
import { PointInTime, knownAt } from './point-in-time';
import { CLAIM_READ_MODEL, ClaimReadModel } from './read-models.port';

const PARALLEL_READS = 32;
const TAIL_PAGE_SIZE = 1000;

/**
 * Views as they stood at a past point, folded from the log on demand with the same functions
 * the live projections use, and weighed against the party registry as it stood at that point. A
 * claim never changes storyline, so today's membership list bounds the claims a storyline had at
 * any earlier point.
 */
@Injectable()
export class TimeTravel {
  private readonly folds: ClaimFoldCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel,
    private readonly registries: RegistryHistory,
  ) {
    this.folds = new ClaimFoldCache(store);
  }

  async claim(claimId: string, point: PointInTime): Promise<ClaimView | undefined> {
    const record = foldClaimRecord(await this.streamAt(claimStreamId(claimId), point));
    if (!record) return undefined;
    const stakeholders = (await this.storylineRecord(record.claim.storylineId, point))?.stakeholders;
    return toClaimView(record, evaluateClaim(record.claim, await this.registries.at(point), stakeholders));
  }

  /** The storyline at the point, with the first page of its claims as they stood then. */
  async storyline(storylineId: string, point: PointInTime, claimsLimit: number): Promise<StorylineView | undefined> {
    const record = await this.storylineRecord(storylineId, point);
    if (!record) return undefined;
    const claims = await this.claimsAt(storylineId, point);
    const position = claims.reduce((latest, claim) => Math.max(latest, claim.position), record.position);
    const first = pageOf(claims, { limit: claimsLimit });
    return {
      ...toStorylineListItem(record, countClaims(claims.map((claim) => claim.summary)), position),
      claims: first.items,
      ...(first.nextCursor ? { claimsNextCursor: first.nextCursor } : {}),
    };
  }

  async storylineClaims(
    storylineId: string,
    point: PointInTime,
    page: PageRequest,
  ): Promise<Page<ClaimSummary> | undefined> {
    if (!(await this.storylineRecord(storylineId, point))) return undefined;
    return pageOf(await this.claimsAt(storylineId, point), page);
  }

  async timeline(storylineId: string, point: PointInTime): Promise<TimelineEntry[]> {
    const events = (await this.claimStreamsOf(storylineId, point)).flat().sort((a, b) => a.position - b.position);
    return foldTimeline(events, await this.registries.at(point));
  }

  async storylineExists(storylineId: string, point: PointInTime): Promise<boolean> {
    return (await this.storylineRecord(storylineId, point)) !== undefined;
  }

  /** The storyline's claims as they stood at the point, leaving out those the caller folds itself. */
  async claimSummariesAt(
    storylineId: string,
    point: PointInTime,
    leaveOut: ReadonlySet<string>,
  ): Promise<ClaimSummary[]> {
    return (await this.claimsAt(storylineId, point, leaveOut)).map((claim) => claim.summary);
  }

  private async storylineRecord(storylineId: string, point: PointInTime): Promise<StorylineRecord | undefined> {
    let record: StorylineRecord | undefined;
    for (const event of await this.streamAt(storylineStreamId(storylineId), point)) {
      record = evolveStorylineRecord(record, event);
    }
    return record;
  }

  private async claimStreamsOf(storylineId: string, point: PointInTime): Promise<StoredEvent[][]> {
    const ids = await this.claimIdsOf(storylineId, point);
    const streams: StoredEvent[][] = [];
    for (let start = 0; start < ids.length; start += PARALLEL_READS) {
      const chunk = ids.slice(start, start + PARALLEL_READS);
      streams.push(...(await Promise.all(chunk.map((id) => this.streamAt(claimStreamId(id), point)))));
    }
    return streams.filter((events) => events.length > 0);
  }

  /** Each claim folded from the events known at the point, reusing a kept fold of the same events. */
  private async claimsAt(
    storylineId: string,
    point: PointInTime,
    leaveOut: ReadonlySet<string> = new Set(),
  ): Promise<FoldedClaim[]> {
    const watermark = await this.folds.followLog();
    const stakeholders = (await this.storylineRecord(storylineId, point))?.stakeholders ?? [];
    const version = await this.registries.versionAt(point);
    // A kept fold was weighed with the registry and the stakeholders as they then stood.
    const registry =
      stakeholders.length > 0 ? { ...version, key: `${version.key}\u0000${JSON.stringify(stakeholders)}` } : version;
    const streamIds = (await this.claimIdsOf(storylineId, point))
      .filter((id) => !leaveOut.has(id))
      .map((id) => claimStreamId(id));
    const kept = streamIds.map((id) => this.folds.keptAt(id, point, registry.key));
    const claims = kept.map((claim) => claim?.claim);
    const toFold = streamIds.flatMap((id, index) => (kept[index] ? [] : [index]));
    for (let start = 0; start < toFold.length; start += PARALLEL_READS) {
      const chunk = toFold.slice(start, start + PARALLEL_READS);
      const folded = await Promise.all(
        chunk.map((index) => this.foldAt(streamIds[index], point, registry, stakeholders, watermark)),
      );
      chunk.forEach((index, offset) => (claims[index] = folded[offset]));
    }
    return claims.filter((claim): claim is FoldedClaim => claim !== undefined).sort((a, b) => a.seq - b.seq);
  }

  private async foldAt(
    streamId: string,
    point: PointInTime,
    { registry, key }: RegistryVersion,
    stakeholders: readonly Stakeholder[],
    watermark: number,
  ): Promise<FoldedClaim | undefined> {
    const wholeStream = await this.store.readStream(streamId);
    const atPoint = foldClaimRecord(wholeStream.filter(knownAt(point)));
    const claim = atPoint && {
      summary: toClaimSummary(atPoint, evaluateClaim(atPoint.claim, registry, stakeholders)),
      seq: atPoint.recordedPosition,
      position: atPoint.position,
    };
    this.folds.remember(streamId, watermark, wholeStream, point, key, claim);
    return claim;
  }

  /**
   * The read model knows the storyline's claims up to its checkpoint; it may lag or be stopped, so
   * claims recorded after that are looked up in the log (usually an empty tail). The ids and the
   * checkpoint come from one snapshot: a page committed between two reads would move the checkpoint
   * past a claim the ids do not have, and the claim would be in neither.
   */
  async claimIdsOf(storylineId: string, point: PointInTime): Promise<string[]> {
    const { ids, checkpoint } = this.claims.claimIdsOf(storylineId);
    const known = knownAt(point);
    let after = checkpoint;
    for (;;) {
      const page = await this.store.readAll({ after, limit: TAIL_PAGE_SIZE, types: ['ClaimRecorded'] });
      if (page.length === 0) return ids;
      for (const event of page) {
        const data = event.data as { claimId?: unknown; storylineId?: unknown };
        if (data.storylineId !== storylineId || typeof data.claimId !== 'string' || !known(event)) continue;
        if (!ids.includes(data.claimId)) ids.push(data.claimId);
      }
      after = page[page.length - 1].position;
    }
  }

  private async streamAt(streamId: string, point: PointInTime): Promise<StoredEvent[]> {
    return (await this.store.readStream(streamId)).filter(knownAt(point));
  }
}

/** A page of claims in their recorded order; the cursor is the last one's place, as on the live view. */
function pageOf(claims: FoldedClaim[], { limit, cursor }: PageRequest): Page<ClaimSummary> {
  const [afterSeq] = (decodeCursor(cursor, ['number']) ?? [-1]) as [number];
  const rest = claims.filter((claim) => claim.seq > afterSeq);
  return toPage(
    rest.slice(0, limit + 1),
    limit,
    (claim) => claim.summary,
    (claim) => [claim.seq],
  );
}
