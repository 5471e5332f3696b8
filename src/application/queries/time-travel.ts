import { Inject, Injectable } from '@nestjs/common';
import { claimStreamId } from '../../domain/claim/claim.events';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { EVENT_STORE, EventStore, StoredEvent } from '../ports/event-store.port';
import { upcast } from '../events/upcasters';
import { ClaimRecord, foldClaimRecord, toClaimSummary, toClaimView } from '../projections/claim-view';
import { StorylineRecord, StorylineView, evolveStorylineRecord, toStorylineView } from '../projections/storyline-view';
import { TimelineEntry, foldTimeline } from '../projections/timeline-entry';
import { ClaimFoldCache, FoldedClaim } from './claim-fold-cache';
import { PointInTime, knownAt } from './point-in-time';
import { CLAIM_READ_MODEL, ClaimReadModel } from './read-models.port';

const PARALLEL_READS = 32;
const TAIL_PAGE_SIZE = 1000;

/**
 * Views as they stood at a past point, folded from the log on demand with the same functions
 * the live projections use. A claim never changes storyline, so today's membership list
 * bounds the claims a storyline had at any earlier point.
 */
@Injectable()
export class TimeTravel {
  private readonly folds: ClaimFoldCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel,
  ) {
    this.folds = new ClaimFoldCache(store);
  }

  async claim(claimId: string, point: PointInTime): Promise<ClaimRecord | undefined> {
    return foldClaimRecord(await this.streamAt(claimStreamId(claimId), point));
  }

  async storyline(storylineId: string, point: PointInTime): Promise<StorylineView | undefined> {
    let record: StorylineRecord | undefined;
    for (const event of await this.streamAt(storylineStreamId(storylineId), point)) {
      record = evolveStorylineRecord(record, event);
    }
    if (!record) return undefined;
    const claims = await this.claimsAt(storylineId, point);
    const view = toStorylineView(
      record,
      claims.map((claim) => claim.summary),
    );
    const position = claims.reduce((latest, claim) => Math.max(latest, claim.position), view.position);
    return { ...view, position };
  }

  async timeline(storylineId: string, point: PointInTime): Promise<TimelineEntry[]> {
    const events = (await this.claimStreamsOf(storylineId, point)).flat().sort((a, b) => a.position - b.position);
    return foldTimeline(events);
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
  private async claimsAt(storylineId: string, point: PointInTime): Promise<FoldedClaim[]> {
    const watermark = await this.folds.followLog();
    const streamIds = (await this.claimIdsOf(storylineId, point)).map((id) => claimStreamId(id));
    const kept = streamIds.map((id) => this.folds.keptAt(id, point));
    const claims = kept.map((claim) => claim?.claim);
    const toFold = streamIds.flatMap((id, index) => (kept[index] ? [] : [index]));
    for (let start = 0; start < toFold.length; start += PARALLEL_READS) {
      const chunk = toFold.slice(start, start + PARALLEL_READS);
      const folded = await Promise.all(chunk.map((index) => this.foldAt(streamIds[index], point, watermark)));
      chunk.forEach((index, offset) => (claims[index] = folded[offset]));
    }
    return claims.filter((claim): claim is FoldedClaim => claim !== undefined);
  }

  private async foldAt(streamId: string, point: PointInTime, watermark: number): Promise<FoldedClaim | undefined> {
    const wholeStream = (await this.store.readStream(streamId)).map((event) => upcast(event));
    const atPoint = foldClaimRecord(wholeStream.filter(knownAt(point)));
    const claim = atPoint && { summary: toClaimSummary(toClaimView(atPoint)), position: atPoint.position };
    this.folds.remember(streamId, watermark, wholeStream, point, claim);
    return claim;
  }

  /**
   * The read model knows the storyline's claims up to its checkpoint; it may lag or be stopped, so
   * claims recorded after that are looked up in the log (usually an empty tail).
   */
  private async claimIdsOf(storylineId: string, point: PointInTime): Promise<string[]> {
    const ids = this.claims.claimIdsOf(storylineId);
    const known = knownAt(point);
    let after = this.claims.checkpoint();
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
    const known = knownAt(point);
    return (await this.store.readStream(streamId)).filter(known).map((event) => upcast(event));
  }
}
