import { CLAIM_EVENT_TYPES } from '../../domain/claim/claim.events';
import { EventStore, StoredEvent } from '../ports/event-store.port';
import { ClaimSummary } from '../read-models/claims/claim-view';
import { PointInTime } from './point-in-time';

/**
 * A claim as the storyline view lists it: its summary, whether it was retracted (the storyline counts
 * it), its place in the list and the position of its fold.
 */
export interface FoldedClaim {
  summary: ClaimSummary;
  retracted: boolean;
  seq: number;
  position: number;
}

/** What a kept stream's events say of a point, and the folds of its leading events seen so far. */
interface KeptStream {
  positions: number[];
  /** Infinity for a `recordedAt` that does not parse: such an event is known as of no time. */
  recordedAtMs: number[];
  /**
   * By how many leading events were folded and the version of the registry they were weighed
   * against (see foldKey); null when they held no claim.
   */
  folds: Map<string, FoldedClaim | null>;
}

/** Roughly what the kept streams may take; the oldest go first. Enough for many storylines of 10,000 events. */
const MAX_BYTES = 32 * 2 ** 20;
/** Folds kept per stream, for as many different points. */
const MAX_FOLDS_PER_STREAM = 4;
/** Past this many new claim events since the last look, forgetting everything is cheaper than reading them. */
const MAX_EVENTS_TO_FOLLOW = 2_000;
const PAGE_SIZE = 1000;

/**
 * Folds of the leading events of claim streams, so a view of a past point can skip reading a stream
 * whose known events at that point are its first n, folded before. Such a fold never goes stale;
 * what does is the list of a stream's events, which decides n, so the cache follows the log of claim
 * events from its watermark and forgets each stream that got a new event.
 */
export class ClaimFoldCache {
  private readonly streams = new Map<string, KeptStream>();
  private bytes = 0;
  private watermark: number | undefined;
  private following: Promise<number> = Promise.resolve(-1);

  constructor(private readonly store: EventStore) {}

  /**
   * Forgets the streams that moved since the last call. Resolves to the watermark under which
   * streams read from now on may be kept (see `remember`). Calls run one after the other.
   */
  followLog(): Promise<number> {
    this.following = this.following.catch(() => -1).then(() => this.forgetMovedStreams());
    return this.following;
  }

  /**
   * The claim at the point when the stream is kept, its known events are its first n and their fold
   * is kept (or n is 0); undefined when the stream must be read and folded.
   */
  keptAt(streamId: string, point: PointInTime, registryKey: string): { claim: FoldedClaim | undefined } | undefined {
    const kept = this.streams.get(streamId);
    const count = kept && knownLeadingEvents(kept, point);
    if (count === undefined) return undefined;
    if (count === 0) return { claim: undefined };
    const claim = kept?.folds.get(foldKey(count, registryKey));
    return claim === undefined ? undefined : { claim: claim ?? undefined };
  }

  /** Keeps a stream read after `followLog` resolved to `watermark`, and its fold at the point. */
  remember(
    streamId: string,
    watermark: number,
    wholeStream: StoredEvent[],
    point: PointInTime,
    registryKey: string,
    claim: FoldedClaim | undefined,
  ): void {
    // A later followLog may already have forgotten this stream for an event the read did not see.
    if (watermark !== this.watermark || wholeStream.length === 0) return;
    const kept = this.streams.get(streamId);
    this.forget(streamId);
    const current = kept?.positions.length === wholeStream.length ? kept : keptStreamOf(wholeStream, kept);
    const count = knownLeadingEvents(current, point);
    if (count !== undefined && count > 0) {
      if (claim) Object.freeze(Object.freeze(claim.summary).claimant);
      const key = foldKey(count, registryKey);
      current.folds.delete(key);
      current.folds.set(key, claim ? Object.freeze(claim) : null);
      if (current.folds.size > MAX_FOLDS_PER_STREAM) current.folds.delete(current.folds.keys().next().value as string);
    }
    this.streams.set(streamId, current);
    this.bytes += bytesOf(current);
    while (this.bytes > MAX_BYTES) this.forget(this.streams.keys().next().value as string);
  }

  private forget(streamId: string): void {
    const kept = this.streams.get(streamId);
    if (!kept) return;
    this.bytes -= bytesOf(kept);
    this.streams.delete(streamId);
  }

  private async forgetMovedStreams(): Promise<number> {
    if (this.watermark === undefined) return (this.watermark = await this.store.headPosition());
    let followed = 0;
    for (;;) {
      const page = await this.store.readAll({ after: this.watermark, limit: PAGE_SIZE, types: [...CLAIM_EVENT_TYPES] });
      if (page.length === 0) return this.watermark;
      for (const event of page) this.forget(event.streamId);
      this.watermark = page[page.length - 1].position;
      followed += page.length;
      if (followed > MAX_EVENTS_TO_FOLLOW) {
        const head = await this.store.headPosition();
        this.streams.clear();
        this.bytes = 0;
        return (this.watermark = head);
      }
    }
  }
}

/**
 * A fold is true of its leading events weighed against one version of the registry, named by the
 * party events it holds (RegistryVersion.key): an `asOf` registry may hold a straggler without the
 * events before it, so the position of its last event does not name it.
 */
const foldKey = (count: number, registryKey: string) => `${count}@${registryKey}`;

/** Folds of leading events stay true of a stream whatever was appended after them. */
function keptStreamOf(wholeStream: StoredEvent[], before: KeptStream | undefined): KeptStream {
  return {
    positions: wholeStream.map((event) => event.position),
    recordedAtMs: wholeStream.map((event) => {
      const parsed = Date.parse(event.metadata.recordedAt);
      return Number.isNaN(parsed) ? Infinity : parsed;
    }),
    folds: before?.folds ?? new Map(),
  };
}

/** How many leading events the point knew, when those are all it knew of the stream; else undefined. */
function knownLeadingEvents(kept: KeptStream, point: PointInTime): number | undefined {
  if ('atPosition' in point) return kept.positions.filter((position) => position <= point.atPosition).length;
  if (!('asOf' in point)) return kept.positions.length;
  const limit = Date.parse(point.asOf);
  const known = kept.recordedAtMs.map((recordedAtMs) => recordedAtMs <= limit);
  const count = known.indexOf(false) === -1 ? known.length : known.indexOf(false);
  return known.slice(count).some(Boolean) ? undefined : count;
}

/** An estimate: strings count two bytes a character, the rest a fixed amount. */
function bytesOf(kept: KeptStream): number {
  let bytes = 64 + 16 * kept.positions.length;
  for (const claim of kept.folds.values()) {
    const { statement, claimant } = claim?.summary ?? { statement: '', claimant: { name: '' } };
    bytes += 200 + 2 * (statement.length + claimant.name.length);
  }
  return bytes;
}
