import { CLAIM_EVENT_TYPES } from '../../domain/claim/claim.events';
import { EventStore, StoredEvent } from '../../infrastructure/event-store/event-store.port';
import { ClaimRecord, ClaimSummary, toClaimSummary, toClaimView } from '../projections/claim-view';
import { PointInTime } from './point-in-time';

/** A claim as the storyline view lists it: its summary and the position of the record it was folded into. */
export interface FoldedClaim {
  summary: ClaimSummary;
  /** The folded record's position. */
  position: number;
}

/** A `recordedAt` that does not parse counts as Infinity: such an event is known as of no time. */
interface StreamBounds {
  firstEventPosition: number;
  lastEventPosition: number;
  earliestRecordedAtMs: number;
  latestRecordedAtMs: number;
}

/** Whether a past point knew all of a kept stream (its fold is the whole fold) or none of it (no claim yet). */
export type KeptAtPoint = { known: 'all'; claim: FoldedClaim } | { known: 'none' };

/** Enough for the claims of many large storylines; the oldest folds go first. */
const MAX_FOLDS = 50_000;
/** Past this many new claim events since the last look, forgetting everything is cheaper than reading them. */
const MAX_EVENTS_TO_FOLLOW = 2_000;
const PAGE_SIZE = 1000;

/**
 * Whole-stream folds of claims, kept while their streams do not move, so a view of a past point
 * can reuse a fold instead of reading the stream again whenever every event of it was known then:
 * folding all of a stream's events gives the same record as folding all of them that were known.
 *
 * Streams move only by appends at higher log positions, so the cache follows the log of claim
 * events from its watermark and forgets each claim stream that got a new event.
 */
export class ClaimFoldCache {
  private readonly folds = new Map<string, FoldedClaim & StreamBounds>();
  private watermark: number | undefined;
  private following: Promise<number> = Promise.resolve(-1);

  constructor(private readonly store: EventStore) {}

  /**
   * Forgets the streams that moved since the last call. Resolves to the watermark under which
   * folds read from now on may be kept (see `remember`). Calls run one after the other.
   */
  followLog(): Promise<number> {
    this.following = this.following.catch(() => -1).then(() => this.forgetMovedStreams());
    return this.following;
  }

  /** Keeps a fold of the whole stream read after `followLog` resolved to `watermark`. */
  remember(streamId: string, watermark: number, wholeStream: StoredEvent[], whole: ClaimRecord | undefined): void {
    // A later followLog may already have forgotten this stream for an event the read did not see.
    if (!whole || watermark !== this.watermark) return;
    let earliestRecordedAtMs = Infinity;
    let latestRecordedAtMs = -Infinity;
    for (const event of wholeStream) {
      const parsed = Date.parse(event.metadata.recordedAt);
      const recordedAtMs = Number.isNaN(parsed) ? Infinity : parsed;
      earliestRecordedAtMs = Math.min(earliestRecordedAtMs, recordedAtMs);
      latestRecordedAtMs = Math.max(latestRecordedAtMs, recordedAtMs);
    }
    // Frozen because every later view shares these objects.
    const summary = toClaimSummary(toClaimView(whole));
    Object.freeze(summary.claimant);
    this.folds.delete(streamId);
    this.folds.set(streamId, {
      summary: Object.freeze(summary),
      position: whole.position,
      firstEventPosition: wholeStream[0].position,
      lastEventPosition: wholeStream[wholeStream.length - 1].position,
      earliestRecordedAtMs,
      latestRecordedAtMs,
    });
    if (this.folds.size > MAX_FOLDS) this.folds.delete(this.folds.keys().next().value as string);
  }

  /** Undefined when the point knew only part of the stream, or nothing is kept: then the stream must be read. */
  keptAt(streamId: string, point: PointInTime): KeptAtPoint | undefined {
    const kept = this.folds.get(streamId);
    if (!kept) return undefined;
    const [knowsFirst, knowsLast] =
      'atPosition' in point
        ? [kept.firstEventPosition <= point.atPosition, kept.lastEventPosition <= point.atPosition]
        : [kept.earliestRecordedAtMs <= Date.parse(point.asOf), kept.latestRecordedAtMs <= Date.parse(point.asOf)];
    if (knowsLast && knowsFirst) return { known: 'all', claim: { summary: kept.summary, position: kept.position } };
    if (!knowsFirst) return { known: 'none' };
    return undefined;
  }

  private async forgetMovedStreams(): Promise<number> {
    if (this.watermark === undefined) return (this.watermark = await this.store.headPosition());
    let followed = 0;
    for (;;) {
      const page = await this.store.readAll({ after: this.watermark, limit: PAGE_SIZE, types: [...CLAIM_EVENT_TYPES] });
      if (page.length === 0) return this.watermark;
      for (const event of page) this.folds.delete(event.streamId);
      this.watermark = page[page.length - 1].position;
      followed += page.length;
      if (followed > MAX_EVENTS_TO_FOLLOW) {
        const head = await this.store.headPosition();
        this.folds.clear();
        return (this.watermark = head);
      }
    }
  }
}
