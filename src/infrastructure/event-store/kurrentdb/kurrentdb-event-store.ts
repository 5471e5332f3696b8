import {
  AllStreamResolvedEvent,
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
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  EventStoreUnavailableError,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { toPortError, toWrongExpectedRevision } from './kurrentdb-errors';
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
 * Before appending, the stream's newest events are searched for the ids being appended, so a
 * command retried after a crash is answered as the first attempt was (as on SQLite). The server
 * itself only recognises a retry that repeats the same expected revision.
 */
const RETRY_WINDOW = 100;
/**
 * KurrentDB has no index by event id that a client can ask, so `readEvent` reads the stream's
 * newest events backwards and looks for the id among them: a command retried with the same
 * `Idempotency-Key` is recognised while its events are among the stream's newest 100.
 */
export const READ_EVENT_WINDOW = RETRY_WINDOW;
const HEAD_SEARCH = 100;

export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly filter: EventFilter;

  /** `streamPrefixes`: the streams this service owns; every other stream in the database is ignored. */
  constructor(
    private readonly client: KurrentDBClient,
    streamPrefixes: readonly string[],
  ) {
    this.filter = { prefixes: streamPrefixes };
  }

  static connect(connectionString: string, streamPrefixes: readonly string[]): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), streamPrefixes);
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const data = events.map(toEventData);
    const tail = await this.readTail(streamId, RETRY_WINDOW + events.length);
    const earlier = findEarlierAppend(tail, events);
    if (earlier) return earlier;
    if (!isValidRevision(expected)) throw this.conflictFrom(tail, streamId, expected);
    try {
      const result = await this.client.appendToStream(streamId, data, { streamState: toStreamState(expected) });
      const revision = revisionOf(result.nextExpectedRevision);
      // With one event the reported position is that event's; otherwise read back the last one's.
      if (result.position && events.length === 1) return { revision, position: toPortPosition(result.position.commit) };
      return { revision, position: await this.positionOf(streamId, revision) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw await this.explainConflict(error, streamId, events, expected);
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

  async readAll({ after = -1, limit, types }: ReadAllOptions): Promise<StoredEvent[]> {
    if (limit <= 0) return [];
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
      const batch = await this.collect(
        this.client.readAll({ fromPosition: toReadPosition(from), maxCount: wanted, filter: serverFilter }),
        'read $all',
      );
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
    const subscription = new KurrentDbSubscription(this.client, this.filter, options, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async headPosition(): Promise<number> {
    const newest = await this.collect(
      this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: HEAD_SEARCH,
        filter: { filterOn: STREAM_NAME, prefixes: [...this.filter.prefixes], checkpointInterval: 1 },
      }),
      'read the head of $all',
    );
    const ours = newest.find(({ event }) => event && isOurs(event.streamId, event.type, this.filter));
    return ours?.event ? toPortPosition(ours.event.position.commit) : -1;
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
    options: { fromRevision?: bigint; maxCount?: number; backwards?: boolean },
  ): Promise<StoredEvent[]> {
    const read = this.client.readStream(streamId, {
      fromRevision: options.fromRevision ?? (options.backwards ? END : undefined),
      maxCount: options.maxCount,
      direction: options.backwards ? BACKWARDS : undefined,
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

  private async positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStreamEvents(streamId, { fromRevision: BigInt(revision), maxCount: 1 });
    if (!event) throw new Error(`${streamId} has no event at revision ${revision} right after appending it`);
    return event.position;
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

  private conflictFrom(tail: StoredEvent[], streamId: string, expected: ExpectedRevision): WrongExpectedRevisionError {
    const last = tail.at(-1);
    return new WrongExpectedRevisionError(streamId, expected, last ? last.revision : 'no_stream');
  }

  private async collect<E extends ResolvedEvent | AllStreamResolvedEvent>(
    read: AsyncIterableIterator<E>,
    operation: string,
  ): Promise<E[]> {
    const events: E[] = [];
    try {
      for await (const event of read) events.push(event);
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw error;
      throw toPortError(error, operation);
    }
    return events;
  }
}

/** A retry whose ids are already stored, in order, at the end of this stream answers as the first append did. */
export function findEarlierAppend(tail: StoredEvent[], events: EventToAppend[]): AppendResult | undefined {
  const byId = new Map(tail.map((stored) => [stored.eventId, stored]));
  const first = byId.get(events[0].eventId);
  if (!first) {
    const clash = events.slice(1).find((event) => byId.has(event.eventId));
    if (clash) throw new DuplicateEventIdError(clash.eventId);
    return undefined;
  }
  let last = first;
  for (const [index, event] of events.entries()) {
    const stored = byId.get(event.eventId);
    if (!stored || stored.revision !== first.revision + index) throw new DuplicateEventIdError(event.eventId);
    last = stored;
  }
  return { revision: last.revision, position: last.position };
}
