import {
  AllStreamResolvedEvent,
  AppendResult as ClientAppendResult,
  BACKWARDS,
  END,
  EVENT_TYPE,
  KurrentDBClient,
  ReadAllOptions as ClientReadAllOptions,
  ResolvedEvent,
  STREAM_NAME,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { appendSize } from '../../../application/ports/append-size';
import {
  AppendResult,
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStore,
  EventStoreUnavailableError,
  EventToAppend,
  ExpectedRevision,
  InvalidPositionError,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { isAppendTooLarge, toPortError, toWrongExpectedRevision } from './kurrentdb-errors';
import {
  EventFilter,
  exactTypesRegex,
  isOurs,
  isValidRevision,
  revisionOf,
  toEventData,
  toPortPosition,
  toReadPosition,
  toStoredEvent,
  toStreamState,
} from './kurrentdb-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';

/** How long a liveness check may take before the store counts as unreachable. */
export const PING_TIMEOUT_MS = 5000;
/**
 * The most bytes (see appendSize) one append carries by default: under the server's default
 * MaxAppendSize of 1 MiB, with room for what it counts besides our JSON. Set
 * KURRENTDB_MAX_APPEND_BYTES to match a server configured otherwise.
 */
export const DEFAULT_MAX_APPEND_BYTES = 1_000_000;
/**
 * KurrentDB has no index by event id that a client can ask, so `readEvent` reads the stream's
 * newest events backwards and looks for the id among them: a command retried with the same
 * `Idempotency-Key` is recognised while its events are among the stream's newest 100.
 */
export const READ_EVENT_WINDOW = 100;
const HEAD_SEARCH = 100;
/**
 * How many of the newest events a position that is not an event's own is looked for among: a
 * client's off-by-one or a stale guess near the head resolves to the event after it; one further
 * back is refused (400) rather than paid for with a scan of the log.
 */
export const RESOLVE_WINDOW = 10_000;
/** Reads of the position of an append's last event, on the leader, before the store counts as unavailable. */
const POSITION_READS = 3;

export class KurrentDbEventStore implements EventStore {
  /** Positions are byte offsets into the log: only an event's own position is a place to read from. */
  readonly positionsAreCounters = false;
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly filter: EventFilter;

  /** `streamPrefixes`: the streams this service owns; every other stream in the database is ignored. */
  constructor(
    private readonly client: KurrentDBClient,
    streamPrefixes: readonly string[],
    readonly maxAppendBytes = DEFAULT_MAX_APPEND_BYTES,
  ) {
    this.filter = { prefixes: streamPrefixes };
  }

  static connect(
    connectionString: string,
    streamPrefixes: readonly string[],
    maxAppendBytes = DEFAULT_MAX_APPEND_BYTES,
  ): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), streamPrefixes, maxAppendBytes);
  }

  /**
   * Idempotency rests on the server's exact-revision rule, without reading the stream first: an
   * append that repeats, at the same expected revision (or `no_stream`), events already stored
   * there with the same ids in the same order succeeds again and changes nothing; a partial repeat
   * fails with a wrong expected version, which `explainConflict` tells apart as a duplicate id.
   * The same ids appended at the stream's current revision are new events to the server, and
   * under `any` it recognises a repeat only while its recent-ids cache holds it. The service never
   * relies on either: commands append at the exact revision they decided on, commands retried with
   * an `Idempotency-Key` are found by `readEvent` first, and an import skips what is stored.
   */
  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    if (!isValidRevision(expected))
      throw new WrongExpectedRevisionError(streamId, expected, await this.lastRevision(streamId));
    let result: ClientAppendResult | undefined;
    let partExpected = expected;
    let last: EventToAppend[] = [];
    for (const part of this.partsOf(streamId, events)) {
      result = await this.appendPart(streamId, part, partExpected);
      partExpected = revisionOf(result.nextExpectedRevision);
      last = part;
    }
    const { nextExpectedRevision, position } = result as ClientAppendResult;
    const revision = revisionOf(nextExpectedRevision);
    // The append's own answer names its position only for one event; a repeat the server recognised has none.
    if (position && position.commit >= 0n && last.length === 1)
      return { revision, position: toPortPosition(position.commit) };
    return { revision, position: await this.positionOf(streamId, revision) };
  }

  private async appendPart(
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<ClientAppendResult> {
    try {
      return await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw await this.explainConflict(error, streamId, events, expected);
      if (isAppendTooLarge(error)) {
        throw new AppendTooLargeError(
          `${streamId}: KurrentDB refused an append of ${events.length} event(s), ${totalSize(events)} bytes, as larger than its MaxAppendSize; set KURRENTDB_MAX_APPEND_BYTES to the server's limit`,
        );
      }
      throw toPortError(error, `append to ${streamId}`);
    }
  }

  async readStream(streamId: string, { fromRevision, maxCount }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    if (maxCount !== undefined && maxCount <= 0) return [];
    return this.readStreamEvents(streamId, {
      fromRevision: fromRevision === undefined ? undefined : BigInt(fromRevision),
      maxCount,
    });
  }

  async readEvent(streamId: string, eventId: string): Promise<StoredEvent | undefined> {
    const newest = await this.readTail(streamId, READ_EVENT_WINDOW);
    return newest.find((event) => event.eventId === eventId);
  }

  async readAll({ after = -1, before, limit, types }: ReadAllOptions): Promise<StoredEvent[]> {
    if (limit <= 0) return [];
    if (before !== undefined) return this.readAllBackwards(before, limit);
    const filter: EventFilter = { ...this.filter, types };
    // The server filters on one thing: the rarer event types when asked for, else our stream prefixes.
    const serverFilter: ClientReadAllOptions['filter'] =
      types && types.length > 0
        ? { filterOn: EVENT_TYPE, regex: exactTypesRegex(types), checkpointInterval: 1 }
        : { filterOn: STREAM_NAME, prefixes: [...this.filter.prefixes], checkpointInterval: 1 };
    const found: StoredEvent[] = [];
    let from = after;
    for (;;) {
      // One more than needed: the read includes its starting event, which `after` excludes.
      const wanted = limit - found.length + 1;
      const read = () =>
        this.collect(
          this.client.readAll({ fromPosition: toReadPosition(from), maxCount: wanted, filter: serverFilter }),
          'read $all',
          from,
        );
      const batch = await read().catch(async (error: unknown) => {
        if (!(error instanceof InvalidPositionError) || from !== after) throw error;
        from = await this.resolveAfter(after);
        return read();
      });
      for (const { event } of batch) {
        if (!event) continue;
        const position = toPortPosition(event.position.commit);
        if (position <= from) continue;
        from = position;
        if (isOurs(event.streamId, event.type, filter)) found.push(toStoredEvent(event, event.position));
        if (found.length === limit) return found;
      }
      if (batch.length < wanted) return found;
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = new KurrentDbSubscription(
      this.client,
      this.filter,
      options,
      (position) => this.resolveAfter(position),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async headPosition(): Promise<number> {
    const [newest] = await this.readAllBackwards(Infinity, 1);
    return newest ? newest.position : -1;
  }

  /**
   * For a number that is no event's position: the position of our last event before it (-1 when
   * there is none), so reading after that means reading after the number. Looked for among the
   * newest RESOLVE_WINDOW events, walking real positions back from the log's end.
   */
  private async resolveAfter(position: number): Promise<number> {
    let before = Infinity;
    for (let scanned = 0; scanned < RESOLVE_WINDOW; scanned += HEAD_SEARCH * 10) {
      const page = await this.readAllBackwards(before, HEAD_SEARCH * 10);
      const earlier = page.find((event) => event.position <= position);
      if (earlier) return earlier.position;
      if (page.length < HEAD_SEARCH * 10) return -1;
      before = page[page.length - 1].position;
    }
    throw new InvalidPositionError(position);
  }

  /** Our events before `before` (the log's end when not finite), newest first. */
  private async readAllBackwards(before: number, limit: number): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    let from = before;
    for (;;) {
      const wanted = Math.max(limit - found.length, HEAD_SEARCH);
      const batch = await this.collect(
        this.client.readAll({
          direction: BACKWARDS,
          fromPosition: Number.isFinite(from) ? toReadPosition(from) : END,
          maxCount: wanted,
          filter: { filterOn: STREAM_NAME, prefixes: [...this.filter.prefixes], checkpointInterval: 1 },
        }),
        'read $all backwards',
        Number.isFinite(from) ? from : undefined,
      );
      for (const { event } of batch) {
        if (!event) continue;
        const position = toPortPosition(event.position.commit);
        if (position >= from) continue;
        from = position;
        if (isOurs(event.streamId, event.type, this.filter)) found.push(toStoredEvent(event, event.position));
        if (found.length === limit) return found;
      }
      if (batch.length < wanted) return found;
    }
  }

  /** One cheap read of the log's last record, given at most `timeoutMs`. */
  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<void> {
    const read = this.collect(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), 'ping');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new EventStoreUnavailableError(`KurrentDB did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([read, timeout]);
    } finally {
      clearTimeout(timer);
      read.catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async readStreamEvents(
    streamId: string,
    options: { fromRevision?: bigint; maxCount?: number; backwards?: boolean; requiresLeader?: boolean },
  ): Promise<StoredEvent[]> {
    const read = this.client.readStream(streamId, {
      fromRevision: options.fromRevision ?? (options.backwards ? END : undefined),
      maxCount: options.maxCount,
      direction: options.backwards ? BACKWARDS : undefined,
      ...(options.requiresLeader ? { requiresLeader: true } : {}),
    });
    try {
      const events = await this.collect(read, `read ${streamId}`);
      const stored = events.flatMap(({ event }) => (event ? [toStoredEvent(event, event.position)] : []));
      return options.backwards ? stored.reverse() : stored;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /** The stream's newest events, oldest first. */
  private readTail(streamId: string, count: number): Promise<StoredEvent[]> {
    return this.readStreamEvents(streamId, { backwards: true, maxCount: count });
  }

  private async lastRevision(streamId: string): Promise<number | 'no_stream'> {
    const [last] = await this.readTail(streamId, 1);
    return last ? last.revision : 'no_stream';
  }

  /**
   * Where a stored append's last event is, read on the leader: reads travel on the bridge's own
   * connection, whose node preference may reach a follower that has not replicated the event yet.
   * A leader elected meanwhile holds every acknowledged event, so a few tries ride out a failover.
   */
  private async positionOf(streamId: string, revision: number): Promise<number> {
    let failure: unknown;
    for (let attempt = 0; attempt < POSITION_READS; attempt++) {
      try {
        const [event] = await this.readStreamEvents(streamId, {
          fromRevision: BigInt(revision),
          maxCount: 1,
          requiresLeader: true,
        });
        if (event) return event.position;
        failure = new Error(`the leader has no event at revision ${revision} yet`);
      } catch (error) {
        if (!(error instanceof EventStoreUnavailableError)) throw error;
        failure = error.cause ?? error;
      }
    }
    throw new EventStoreUnavailableError(
      `KurrentDB stored the append to ${streamId} but its position could not be read back; a retry with the same Idempotency-Key answers it`,
      failure,
    );
  }

  /**
   * The events in consecutive parts of at most maxAppendBytes each: usually one. A batch over the
   * limit is not atomic as a whole, but a repeat of it at the same expected revision completes it,
   * since the server recognises every part already stored at its revision.
   */
  private partsOf(streamId: string, events: EventToAppend[]): EventToAppend[][] {
    const parts: EventToAppend[][] = [];
    let part: EventToAppend[] = [];
    let bytes = 0;
    for (const event of events) {
      const size = appendSize(event);
      if (size > this.maxAppendBytes) {
        throw new AppendTooLargeError(
          `event ${event.eventId} (${event.type} in ${streamId}) is ${size} bytes, more than KurrentDB accepts in one append (${this.maxAppendBytes} bytes, KURRENTDB_MAX_APPEND_BYTES)`,
        );
      }
      if (part.length > 0 && bytes + size > this.maxAppendBytes) {
        parts.push(part);
        part = [];
        bytes = 0;
      }
      part.push(event);
      bytes += size;
    }
    parts.push(part);
    return parts;
  }

  /** The server refused the expected revision: tell a clash of event ids apart from a plain conflict. */
  private async explainConflict(
    error: WrongExpectedVersionError,
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<Error> {
    // Where these events would have gone; `any` never conflicts.
    const firstSlot = typeof expected === 'number' ? BigInt(expected + 1) : 0n;
    const slot = await this.readStreamEvents(streamId, { fromRevision: firstSlot, maxCount: events.length }).catch(
      () => [],
    );
    const ids = new Set(events.map((event) => event.eventId));
    const clash = slot.find((stored) => ids.has(stored.eventId));
    return clash ? new DuplicateEventIdError(clash.eventId) : toWrongExpectedRevision(error, streamId, expected);
  }

  /** `from`: the position the read starts at, named by InvalidPositionError when the server refuses it. */
  private async collect<E extends ResolvedEvent | AllStreamResolvedEvent>(
    read: AsyncIterableIterator<E>,
    operation: string,
    from?: number,
  ): Promise<E[]> {
    const events: E[] = [];
    try {
      for await (const event of read) events.push(event);
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw error;
      throw toPortError(error, operation, from !== undefined && from >= 0 ? from : undefined);
    }
    return events;
  }
}

function totalSize(events: EventToAppend[]): number {
  return events.reduce((sum, event) => sum + appendSize(event), 0);
}
