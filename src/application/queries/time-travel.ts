import { Inject, Injectable } from '@nestjs/common';
import { claimStreamId } from '../../domain/claim/claim.events';
import { Stakeholder } from '../../domain/storyline/stakeholder';
import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { EVENT_STORE, EventStore, StoredEvent } from '../ports/event-store.port';
import { evaluateClaim } from '../read-models/claims/claim-evaluation';
import { ClaimRecord, foldClaimRecord } from '../read-models/claims/claim-record';
import { confirmedRivalsOf, relatedIdsOf } from '../read-models/claims/claim-rivals';
import { ClaimSummary, ClaimView, toClaimSummary, toClaimView } from '../read-models/claims/claim-view';
import { ClaimStanding, countClaims } from '../read-models/storylines/storyline-tally';
import {
  StorylineRecord,
  StorylineView,
  evolveStorylineRecord,
  toStorylineListItem,
} from '../read-models/storylines/storyline-view';
import { PlacedEntry, foldTimeline } from '../read-models/timeline/timeline-entry';
import { ClaimFoldCache, FoldedClaim } from './claim-fold-cache';
import { RegistryHistory, RegistryVersion } from './registry-history';
import { Page, PageRequest, decodeCursor, toPage } from './page';
import { PointInTime, claimStreamAt, knownAt } from './point-in-time';
import { CLAIM_READ_MODEL, ClaimReadModel } from './read-models.port';
import { DeskCalendar } from '../../domain/desk-calendar';

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
    private readonly calendar: DeskCalendar,
  ) {
    this.folds = new ClaimFoldCache(store);
  }

  async claim(claimId: string, point: PointInTime): Promise<ClaimView | undefined> {
    const record = foldClaimRecord(await this.readClaimAt(claimId, point));
    if (!record) return undefined;
    const registry = await this.registries.at(point);
    // Two steps out: the related claims, and their rivals, which their need of review reads.
    const related = await this.withRelatedAt([record], point);
    const known = await this.withRelatedAt([...related.values()], point);
    const recordOf = (id: string) => known.get(id);
    const storylineIds = [...new Set([...known.values()].map((other) => other.claim.storylineId))];
    const storylines = await Promise.all(storylineIds.map((id) => this.storylineRecord(id, point)));
    const stakeholdersOf = new Map(storylineIds.map((id, index) => [id, storylines[index]?.stakeholders]));
    const evaluationOf = (other: ClaimRecord) =>
      evaluateClaim(other.claim, registry, {
        confirmedRivals: confirmedRivalsOf(other, recordOf),
        stakeholders: stakeholdersOf.get(other.claim.storylineId),
      });
    return toClaimView(record, evaluationOf(record), (id) => {
      const other = related.get(id);
      return other && { ...toClaimSummary(other, evaluationOf(other)), storylineId: other.claim.storylineId };
    });
  }

  /** The records with the claims they relate to, folded at the point. */
  private async withRelatedAt(records: ClaimRecord[], point: PointInTime): Promise<Map<string, ClaimRecord>> {
    const known = new Map(records.map((record) => [record.claim.claimId, record]));
    const ids = [...new Set(records.flatMap((record) => relatedIdsOf(record)))].filter((id) => !known.has(id));
    const folded = await Promise.all(
      ids.map(async (id) => foldClaimRecord(await this.readClaimAt(id, point))),
    );
    for (const record of folded) if (record) known.set(record.claim.claimId, record);
    return known;
  }

  /** The storyline at the point, with the first page of its claims as they stood then. */
  async storyline(storylineId: string, point: PointInTime, claimsLimit: number): Promise<StorylineView | undefined> {
    const record = await this.storylineRecord(storylineId, point);
    if (!record) return undefined;
    const claims = await this.claimsAt(storylineId, point);
    const position = claims.reduce((latest, claim) => Math.max(latest, claim.position), record.position);
    const first = pageOf(claims, { limit: claimsLimit });
    return {
      ...toStorylineListItem(record, countClaims(claims.map(standingOfFolded)), position),
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

  /** The storyline's timeline entries at the point, each with its place, in timeline order. */
  async timeline(storylineId: string, point: PointInTime): Promise<PlacedEntry[]> {
    const events = (await this.claimStreamsOf(storylineId, point)).flat().sort((a, b) => a.position - b.position);
    const entries = foldTimeline(events, await this.registries.at(point), this.calendar);
    if (point.asOccurred === undefined) return entries;
    // A correction holds at every world time, but its own entry only from when it was made.
    const limit = Date.parse(point.asOccurred);
    return entries.filter(({ entry }) => Date.parse(entry.occurredAt) <= limit);
  }

  async storylineExists(storylineId: string, point: PointInTime): Promise<boolean> {
    return (await this.storylineRecord(storylineId, point)) !== undefined;
  }

  /** The standings of the storyline's claims at the point, leaving out those the caller folds itself. */
  async claimStandingsAt(
    storylineId: string,
    point: PointInTime,
    leaveOut: ReadonlySet<string>,
  ): Promise<ClaimStanding[]> {
    return (await this.claimsAt(storylineId, point, leaveOut)).map(standingOfFolded);
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
      streams.push(...(await Promise.all(chunk.map((id) => this.readClaimAt(id, point)))));
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
    const kept = streamIds.map((id) =>
      point.asOccurred === undefined ? this.folds.keptAt(id, point, registry.key) : undefined,
    );
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
    const atPoint = foldClaimRecord(claimStreamAt(wholeStream, point));
    // A claim with rivals needs their folds too, which the cache of this stream does not follow.
    const hasRivals = relatedIdsOf(atPoint, 'rival_of').length > 0;
    const rivals = atPoint && hasRivals ? await this.withRelatedAt([atPoint], point) : new Map<string, ClaimRecord>();
    const claim = atPoint && {
      summary: toClaimSummary(
        atPoint,
        evaluateClaim(atPoint.claim, registry, {
          confirmedRivals: confirmedRivalsOf(atPoint, (id) => rivals.get(id)),
          stakeholders,
        }),
      ),
      retracted: atPoint.claim.retraction !== undefined,
      seq: atPoint.recordedPosition,
      position: atPoint.position,
    };
    // The kept folds are of a stream's leading events, which a world time does not pick.
    if (!hasRivals && point.asOccurred === undefined) this.folds.remember(streamId, watermark, wholeStream, point, key, claim);
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

  private async readClaimAt(claimId: string, point: PointInTime): Promise<StoredEvent[]> {
    return claimStreamAt(await this.store.readStream(claimStreamId(claimId)), point);
  }
}

const standingOfFolded = ({ summary, retracted }: FoldedClaim): ClaimStanding => ({
  status: summary.status,
  needsReview: summary.needsReview,
  kind: summary.kind,
  retracted,
});

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
