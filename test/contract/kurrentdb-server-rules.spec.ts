import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  Position,
  START,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import { STREAM_PREFIXES } from '../../src/application/events/factline-event';
import { importLog } from '../../src/application/log-transfer/import-log';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  EventToAppend,
  InvalidPositionError,
  StoredEvent,
} from '../../src/application/ports/event-store.port';
import { lastPositionRecordedBy } from '../../src/application/queries/changes/change-window';
import {
  KurrentDbEventStore,
  RESOLVE_WINDOW,
} from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { toProblem } from '../../src/infrastructure/http/problem/to-problem';
import { eventually, freshStream, probe } from './probe-events';

/**
 * The KurrentDB adapter against a small double of the client that keeps the server's rules the
 * adapter depends on (what the in-memory doubles elsewhere do not): positions are byte offsets of
 * varying size, a read from anything but an event's own position fails as the bridge reports it
 * (UnknownError), an append over the size limit fails, an exact-revision repeat succeeds without a
 * position, a follower view lags the leader, and subscriptions send checkpoints. Beside the tests
 * on FakeKurrentDb it covers what a test cannot steer there: the order of a checkpoint and the
 * events still buffered before it, a log past the window a guessed position is resolved in, and
 * the server refusing an append our own size estimate let through.
 */
interface Recorded {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  position: Position;
}

const RECORD_HEADER = 137;
type Checkpointed = (subscription: unknown, position: Position) => void;
const bridgeError = (message: string) =>
  new UnknownError(Object.assign(new Error(message), { name: 'UnknownError' }) as never);

class ServerDouble {
  readonly log: Recorded[] = [];
  /** Events the follower has not replicated yet: reads without requiresLeader do not see them. */
  followerLag = 0;
  maxAppendSize = 1_048_576;
  readonly appends: Array<{ streamId: string; count: number }> = [];
  readonly streamReads: Array<{ streamId: string; requiresLeader?: boolean; maxCount?: number }> = [];
  readonly subscriptionsFrom: unknown[] = [];
  private end = 4096n;
  /** Checkpoints a subscription sends after its events; `readAllFails` makes the next $all read fail. */
  readAllFails: Error | undefined;

  private visible(requiresLeader?: boolean): Recorded[] {
    return requiresLeader ? this.log : this.log.slice(0, this.log.length - this.followerLag);
  }

  private stream(streamId: string, requiresLeader?: boolean) {
    return this.visible(requiresLeader).filter((event) => event.streamId === streamId);
  }

  private checkPosition(position: unknown): void {
    if (position === START || position === END) return;
    const commit = (position as Position).commit;
    if (commit === this.end) return;
    if (!this.log.some((event) => event.position.commit === commit)) throw bridgeError('ServerError: InvalidPosition');
  }

  private resolved(event: Recorded) {
    return {
      event: { ...event, isJson: true as const, created: new Date(), position: event.position },
    };
  }

  readonly client = {
    appendToStream: async (
      streamId: string,
      input: Array<{ id: string; type: string; data: unknown; metadata: unknown }>,
      { streamState }: { streamState: unknown },
    ) => {
      const size = input.reduce((sum, e) => sum + JSON.stringify(e.data).length + JSON.stringify(e.metadata).length, 0);
      if (size > this.maxAppendSize) throw new MaxAppendSizeExceededError(undefined, this.maxAppendSize);
      const stream = this.stream(streamId, true);
      const current = stream.length - 1;
      const expected = streamState === NO_STREAM ? -1 : streamState === ANY ? current : Number(streamState);
      if (expected < current) {
        // The server's idempotency: the same ids at the revisions after the expected one.
        const repeat = input.every((event, index) => stream[expected + 1 + index]?.id === event.id);
        if (repeat) return { success: true, nextExpectedRevision: BigInt(expected + input.length) };
      }
      if (expected !== current) {
        throw new WrongExpectedVersionError(undefined, {
          streamName: streamId,
          expected: streamState as bigint,
          current: current < 0 ? NO_STREAM : BigInt(current),
        });
      }
      this.appends.push({ streamId, count: input.length });
      const written = input.map((event, index) => {
        const commit = this.end;
        this.end += BigInt(RECORD_HEADER + JSON.stringify(event.data).length + index * 7);
        return {
          streamId,
          id: event.id,
          type: event.type,
          revision: BigInt(current + 1 + index),
          data: event.data,
          metadata: event.metadata,
          position: { commit, prepare: commit },
        };
      });
      this.log.push(...written);
      // The answer carries the first record's position: the adapter must not take it for the last one's.
      return {
        success: true,
        nextExpectedRevision: BigInt(current + input.length),
        position: written[0].position,
      };
    },
    readStream: (
      streamId: string,
      options: { fromRevision?: bigint | typeof END; maxCount?: number; direction?: string; requiresLeader?: boolean },
    ) => {
      this.streamReads.push({ streamId, requiresLeader: options.requiresLeader, maxCount: options.maxCount });
      const stream = this.stream(streamId, options.requiresLeader);
      const backwards = options.direction === BACKWARDS;
      const from = typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0;
      const ordered = backwards ? [...stream].reverse() : stream.slice(from);
      const found = ordered.slice(0, options.maxCount ?? ordered.length).map((event) => this.resolved(event));
      return (async function* () {
        if (stream.length === 0) throw new StreamNotFoundError(undefined as never, streamId);
        yield* found;
      })();
    },
    readAll: (options: { fromPosition?: unknown; maxCount?: number; direction?: string }) => {
      const failure = this.readAllFails;
      this.readAllFails = undefined;
      const backwards = options.direction === BACKWARDS;
      const fromPosition = options.fromPosition ?? (backwards ? END : START);
      const log = this.log;
      const checkPosition = () => this.checkPosition(fromPosition);
      const resolved = (event: Recorded) => this.resolved(event);
      return (async function* () {
        if (failure) throw failure;
        checkPosition();
        let events: Recorded[];
        if (backwards) {
          const before = fromPosition === END ? Infinity : Number((fromPosition as Position).commit);
          events = log.filter((event) => Number(event.position.commit) < before).reverse();
        } else {
          const from = fromPosition === START ? -Infinity : Number((fromPosition as Position).commit);
          events = log.filter((event) => Number(event.position.commit) >= from);
        }
        yield* events.slice(0, options.maxCount ?? events.length).map(resolved);
      })();
    },
    subscribeToAll: (options: { fromPosition: unknown; filter: { checkpointReached?: Checkpointed } }) => {
      this.subscriptionsFrom.push(options.fromPosition);
      const stream = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: async () => undefined });
      const from = options.fromPosition === START ? -1n : (options.fromPosition as Position).commit;
      queueMicrotask(() => {
        this.live = stream;
        this.checkpointReached = options.filter.checkpointReached;
        for (const event of this.log) if (event.position.commit > from) this.sendLive(event);
        this.sendCheckpoint();
      });
      return stream;
    },
    dispose: async () => undefined,
  };

  live: PassThrough | undefined;
  private checkpointReached: Checkpointed | undefined;

  /** What the server's prefix filter lets through to the live subscription. */
  sendLive(event: Recorded): void {
    if (STREAM_PREFIXES.some((prefix) => event.streamId.startsWith(prefix))) this.live?.write(this.resolved(event));
  }

  /** A checkpoint at the last record the filter examined, ours or not: resuming there (exclusive) skips nothing. */
  sendCheckpoint(): void {
    const last = this.log.at(-1);
    if (last && this.live) this.checkpointReached?.(this.live, last.position);
  }

  /** `count` more events of ours at the end of the stream, written straight into the log. */
  ours(streamId: string, count: number): void {
    const last = this.stream(streamId, true).length - 1;
    for (let index = 1; index <= count; index++) {
      const commit = this.end;
      this.end += 300n;
      const { eventId, type, data, metadata } = probe();
      this.log.push({
        streamId,
        id: eventId,
        type,
        revision: BigInt(last + index),
        data,
        metadata,
        position: { commit, prepare: commit },
      });
    }
  }

  /** Another service's event: in the log, outside our prefixes. */
  foreign(): void {
    const commit = this.end;
    this.end += 500n;
    this.log.push({
      streamId: 'orders-1',
      id: crypto.randomUUID(),
      type: 'OrderPlaced',
      revision: 0n,
      data: {},
      metadata: {},
      position: { commit, prepare: commit },
    });
  }
}

function storeOn(server: ServerDouble, maxAppendBytes?: number): KurrentDbEventStore {
  return new KurrentDbEventStore(server.client as never, STREAM_PREFIXES, maxAppendBytes);
}

const at = (recordedAt: string): EventToAppend => {
  const event = probe();
  return { ...event, metadata: { ...event.metadata, recordedAt } };
};

describe('KurrentDB adapter against the server rules', () => {
  let server: ServerDouble;
  let store: KurrentDbEventStore;
  beforeEach(() => {
    server = new ServerDouble();
    store = storeOn(server);
  });

  describe('positions a client can hold', () => {
    it('reads after a guess or an off-by-one from the next event on, walking real positions back from the end', async () => {
      const streamId = freshStream();
      const first = await store.append(streamId, [probe()], 'no_stream');
      server.foreign();
      const second = await store.append(streamId, [probe()], 0);

      for (const guess of [first.position + 1, second.position - 1]) {
        await expect(store.readAll({ after: guess, limit: 5 })).resolves.toMatchObject([{ position: second.position }]);
      }
      await expect(store.readAll({ after: 3, limit: 5 })).resolves.toHaveLength(2);
    });

    it(`answers a guess further back than the newest ${RESOLVE_WINDOW} events with InvalidPositionError (400)`, async () => {
      const streamId = freshStream();
      const first = await store.append(streamId, [probe()], 'no_stream');
      server.ours(streamId, RESOLVE_WINDOW);

      const read = store.readAll({ after: first.position + 1, limit: 5 });

      await expect(read).rejects.toBeInstanceOf(InvalidPositionError);
      expect(toProblem(await read.catch((error: unknown) => error)).problem).toMatchObject({ status: 400 });
    });

    it('finds the last position recorded by an instant by walking real events, never reading at a guessed offset', async () => {
      const streamId = freshStream();
      const times = ['2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00.000Z', '2026-01-01T12:00:00.000Z'];
      const positions: number[] = [];
      for (const [revision, time] of times.entries()) {
        positions.push(
          (await store.append(streamId, [at(time)], revision === 0 ? 'no_stream' : revision - 1)).position,
        );
      }
      const head = positions[2];

      await expect(lastPositionRecordedBy(store, '2026-01-01T11:30:00.000Z', head)).resolves.toBe(positions[1]);
      await expect(lastPositionRecordedBy(store, '2026-01-01T12:00:00.000Z', head)).resolves.toBe(positions[2]);
      await expect(lastPositionRecordedBy(store, '2026-01-01T12:00:00.000Z', positions[1])).resolves.toBe(positions[1]);
      await expect(lastPositionRecordedBy(store, '2025-12-31T00:00:00.000Z', head)).resolves.toBe(-1);
    });

    it('reads backwards from a position and from the end, newest first', async () => {
      const streamId = freshStream();
      const a = await store.append(streamId, [probe()], 'no_stream');
      server.foreign();
      const b = await store.append(streamId, [probe()], 0);

      expect((await store.readAll({ before: Infinity, limit: 5 })).map((e) => e.position)).toEqual([
        b.position,
        a.position,
      ]);
      expect((await store.readAll({ before: b.position, limit: 5 })).map((e) => e.position)).toEqual([a.position]);
      await expect(store.headPosition()).resolves.toBe(b.position);
    });
  });

  describe('appends within the server limit', () => {
    const big = (bytes: number) => probe('ProbeRecorded', { text: 'x'.repeat(bytes) });

    it('refuses a single event over the limit in one line naming the event and its size', async () => {
      store = storeOn(server, 100_000);
      const event = big(150_000);
      const append = store.append(freshStream(), [event], 'no_stream');
      await expect(append).rejects.toBeInstanceOf(AppendTooLargeError);
      await expect(append).rejects.toThrow(
        new RegExp(`^event ${event.eventId} \\(ProbeRecorded in claim-.*\\) is \\d{6} bytes, more than`),
      );
      expect(server.appends).toEqual([]);
    });

    it('turns the server refusing an append as too large into the same clear error', async () => {
      server.maxAppendSize = 50_000;
      await expect(store.append(freshStream(), [big(60_000)], 'no_stream')).rejects.toThrow(
        /refused an append of 1 event\(s\).*MaxAppendSize.*KURRENTDB_MAX_APPEND_BYTES/,
      );
    });

    it('imports a stream whose consecutive events exceed the limit together, in batches under it', async () => {
      const storylineId = `big-${crypto.randomUUID()}`;
      const streamId = `storyline-${storylineId}`;
      const summary = 'x'.repeat(60_000);
      const events = [
        probe('StorylineOpened', { storylineId, title: 'Long', summary, tags: [] }),
        ...Array.from({ length: 39 }, () => probe('StorylineRevised', { storylineId, summary })),
      ];
      const lines = events.map((event, revision) =>
        JSON.stringify({ ...event, streamId, revision, position: revision }),
      );

      await importLog(
        store,
        (async function* () {
          yield* lines;
        })(),
      );

      expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual(events.map((e) => e.eventId));
      expect(server.appends.length).toBeGreaterThan(1);
      expect(Math.max(...server.appends.map((append) => append.count))).toBeLessThanOrEqual(16);
    });
  });

  describe('read your own append', () => {
    it('takes one event’s position from the append’s answer, with no read', async () => {
      server.followerLag = 1_000;
      const result = await store.append(freshStream(), [probe()], 'no_stream');
      expect(result.position).toBe(Number(server.log[0].position.commit));
      expect(server.streamReads).toEqual([]);
    });

    it('reads the last position of several events on the leader, even when the follower lags', async () => {
      server.followerLag = 1_000;
      const streamId = freshStream();
      const result = await store.append(streamId, [probe(), probe(), probe()], 'no_stream');
      expect(result).toEqual({ revision: 2, position: Number(server.log[2].position.commit) });
      expect(server.streamReads).toEqual([{ streamId, requiresLeader: true, maxCount: 1 }]);
    });
  });

  describe('cheaper appends: the server’s exact-revision idempotency', () => {
    it('appends without reading the stream first', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe()], 'no_stream');
      await store.append(streamId, [probe()], 0);
      expect(server.streamReads).toEqual([]);
    });

    it('answers a full repeat at the same expected revision with the original revision and position', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe()], 'no_stream');
      const events = [probe(), probe()];
      const first = await store.append(streamId, events, 0);
      await store.append(streamId, [probe()], 2);

      await expect(store.append(streamId, events, 0)).resolves.toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(4);
    });
  });

  describe('outages are 503s', () => {
    const bridge = (name: string, message: string) =>
      new UnknownError(Object.assign(new Error(message), { name }) as never);
    const shapes: Array<[string, Error]> = [
      ['the bridge’s UnavailableError', new UnavailableError()],
      ['grpc-js deadline exceeded', new DeadlineExceededError()],
      [
        'a node that is not the leader (as the bridge raises it)',
        new NotLeaderError(
          Object.assign(new Error('Not leader: 10.0.0.8:2113'), {
            name: 'NotLeaderError',
            metadata: { 'leader-endpoint-host': '10.0.0.8', 'leader-endpoint-port': '2113' },
          }) as never,
        ),
      ],
      ['a call the server cancelled (node shutting down)', new CancelledError()],
      [
        'the bridge’s ServerError for a node not ready',
        bridge('ServerError', 'Server-side error: Server Is Not Ready'),
      ],
      ['the bridge’s deadline as UnknownError', bridge('UnknownError', 'Deadline exceeded')],
      [
        'the bridge’s dropped channel',
        bridge('UnknownError', 'GrpcConnectionError: connection closed by peer 10.0.0.7:2113'),
      ],
      [
        'a raw grpc-js INTERNAL (RST_STREAM)',
        Object.assign(new Error('13 INTERNAL: Received RST_STREAM with code 2'), { code: 13 }),
      ],
    ];

    it.each(shapes)(
      '%s → EventStoreUnavailableError → 503 store-unavailable, no server address',
      async (_shape, error) => {
        server.readAllFails = error;
        const read = store.readAll({ limit: 1 }).catch((caught: unknown) => caught);
        const mapped = await read;
        expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
        expect((mapped as EventStoreUnavailableError).cause).toBe(error);
        const { problem } = toProblem(mapped);
        expect(problem).toMatchObject({ status: 503, type: '/problems/store-unavailable' });
        expect(problem.detail).not.toMatch(/\d+\.\d+\.\d+\.\d+|:2113/);
      },
    );

    it('/health’s ping says the store is unavailable on the same shapes', async () => {
      server.readAllFails = bridge('ServerError', 'Server-side error: Server Is Not Ready');
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('tells InvalidPosition, which the bridge also sends as a ServerError, from an outage', async () => {
      const streamId = freshStream();
      const stored = await store.append(streamId, [probe()], 'no_stream');
      server.readAllFails = bridge('UnknownError', 'ServerError: status: Unknown, message: "InvalidPosition"');
      await expect(store.readAll({ after: 5, limit: 1 })).resolves.toMatchObject([{ position: stored.position }]);
    });
  });

  describe('subscriptions keep the server’s checkpoints', () => {
    it('resumes from the latest checkpoint, past other services’ events, not from the last delivered event', async () => {
      const streamId = freshStream();
      const ours = await store.append(streamId, [probe()], 'no_stream');
      for (let i = 0; i < 5; i++) server.foreign();
      const lastForeign = (server.log.at(-1) as Recorded).position;
      const delivered: StoredEvent[] = [];
      const subscription = store.subscribe({ onEvents: async (events) => void delivered.push(...events) });
      await eventually(() => expect(delivered.map((event) => event.position)).toEqual([ours.position]));

      server.live?.destroy(new UnavailableError());
      await eventually(() => expect(server.subscriptionsFrom).toHaveLength(2));
      await subscription.close();

      expect(server.subscriptionsFrom).toEqual([START, lastForeign]);
      expect(delivered).toHaveLength(1);
    });

    it('keeps a checkpoint only once every event sent before it is delivered', async () => {
      const streamId = freshStream();
      const a = await store.append(streamId, [probe()], 'no_stream');
      const delivered: StoredEvent[] = [];
      let release: () => void = () => undefined;
      const subscription = store.subscribe({
        onEvents: (events) => {
          delivered.push(...events);
          return delivered.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
        },
      });
      await eventually(() => expect(delivered).toHaveLength(1));
      // While a's delivery is pending, b arrives and then a checkpoint past it; then the stream drops.
      const b = await store.append(streamId, [probe()], 0);
      server.sendLive(server.log.at(-1) as Recorded);
      server.sendCheckpoint();
      server.live?.emit('error', new UnavailableError());
      server.live?.destroy();
      release();

      await eventually(() => expect(delivered.map((event) => event.position)).toEqual([a.position, b.position]));
      await subscription.close();
      expect(server.subscriptionsFrom).toHaveLength(2);
      expect(server.subscriptionsFrom[1]).toEqual({ commit: BigInt(a.position), prepare: BigInt(a.position) });
    });
  });
});
