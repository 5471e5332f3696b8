import { jsonEvent } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { STREAM_PREFIXES } from '../../src/application/events/factline-event';
import { EventStoreUnavailableError, StoredEvent } from '../../src/application/ports/event-store.port';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { DEFAULT_MAX_APPEND_SIZE, FakeKurrentDb, FakeOperation } from '../support/fake-kurrentdb/fake-kurrentdb';
import { NodePreference } from '../support/fake-kurrentdb/fake-kurrentdb-client';
import { TRANSPORT_FAULTS } from '../support/fake-kurrentdb/transport-errors';
import { contractCases } from './contract-cases';
import { KNOWN_FAILURES_OF_KURRENTDB_ADAPTER } from './known-failures';
import { freshStream, probe, until } from './probe-events';

/**
 * The KurrentDB adapter where KurrentDB behaves unlike SQLite (issue 21): a lagging follower, a
 * lost leader, the append limit, transport errors mid-session, server checkpoints. The shared
 * contract runs on the same fake (event-store.contract.spec.ts); these are the cases only a
 * cluster has. Cases the adapter fails today run as it.failing, named in known-failures.ts.
 */
const it = contractCases({ knownFailures: KNOWN_FAILURES_OF_KURRENTDB_ADAPTER });

function storeOn(server: FakeKurrentDb, nodePreference: NodePreference = 'leader'): KurrentDbEventStore {
  return new KurrentDbEventStore(server.connect({ nodePreference }), STREAM_PREFIXES);
}

describe('KurrentDB adapter on the fake server', () => {
  let server: FakeKurrentDb;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = new FakeKurrentDb();
    store = storeOn(server);
  });

  afterEach(async () => {
    await store.close();
  });

  describe('appends within the server limit (finding 2)', () => {
    it('stores a batch of 500 events whose total passes the server limit', async () => {
      const streamId = freshStream();
      const text = 't'.repeat(4096);
      const events = Array.from({ length: 500 }, (_, n) => probe('ClaimProbeImported', { n, text }));

      const result = await store.append(streamId, events, 'no_stream');

      expect(result.revision).toBe(499);
      expect(await store.readStream(streamId)).toHaveLength(500);
    });

    it('refuses one event larger than the server accepts in one line naming the event and its size', async () => {
      const event = probe('ClaimProbeHuge', { text: 'h'.repeat(DEFAULT_MAX_APPEND_SIZE) });

      const refused = store.append(freshStream(), [event], 'no_stream');

      await expect(refused).rejects.toThrow(new RegExp(`^[^\\n]*${event.eventId}[^\\n]*\\d+ bytes[^\\n]*$`));
    });
  });

  describe('read your own append (finding 3)', () => {
    it('answers an append with its position while the follower it reads from lags', async () => {
      const follower = storeOn(server, 'follower');
      try {
        const streamId = freshStream();
        await follower.append(streamId, [probe()], 'no_stream');
        server.pauseReplication();

        const result = await follower.append(streamId, [probe(), probe()], 0);

        expect(result).toEqual({ revision: 2, position: Number(server.log.records.at(-1)!.position) });
      } finally {
        await follower.close();
      }
    });

    it('answers a stored append with its position when a read after it fails', async () => {
      const streamId = freshStream();
      server.failNext('read', 'server-error', 2);

      const result = await store.append(streamId, [probe(), probe()], 'no_stream');

      expect(result).toEqual({ revision: 1, position: Number(server.log.records.at(-1)!.position) });
    });
  });

  describe('outages mid-session are EventStoreUnavailableError, whatever their shape (finding 4)', () => {
    const operations: Record<FakeOperation, Array<[string, (store: KurrentDbEventStore) => Promise<unknown>]>> = {
      append: [['append', (store) => store.append(freshStream(), [probe()], 'any')]],
      read: [
        ['readStream', (store) => store.readStream(freshStream())],
        ['readAll', (store) => store.readAll({ limit: 10 })],
      ],
      subscribe: [],
    };
    const cases = Object.entries(operations).flatMap(([operation, calls]) =>
      calls.flatMap(([name, call]) =>
        TRANSPORT_FAULTS.map((fault) => ({ operation: operation as FakeOperation, name, call, fault })),
      ),
    );

    for (const { operation, name, call, fault } of cases) {
      it(`${name}: ${fault}`, async () => {
        server.failNext(operation, fault, 5);
        await expect(call(store)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      });
    }

    for (const fault of TRANSPORT_FAULTS) {
      it(`subscribe: ${fault}`, async () => {
        const errors: Error[] = [];
        const subscription = store.subscribe({
          onEvents: async () => undefined,
          onError: (error) => errors.push(error),
        });
        try {
          await until(() => server.calls.subscribeToAll > 0);
          server.dropSubscriptions(fault);
          await until(() => errors.length > 0);
          expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
        } finally {
          await subscription.close();
        }
      });
    }
  });

  describe('appends without reading the stream first (finding 5)', () => {
    it('appends to a stream with one call to the server and no read', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe()], 'no_stream');
      server.resetCalls();

      await store.append(streamId, [probe()], 0);

      expect(server.calls).toMatchObject({ appends: 1, readStream: 0, readAll: 0 });
    });
  });

  describe('subscriptions resume from the server checkpoint (finding 6)', () => {
    it('after a drop, searches only what came after the latest checkpoint, not everything since the last delivered event', async () => {
      const streamId = freshStream();
      const received: StoredEvent[] = [];
      const subscription = store.subscribe({ onEvents: async (page) => void received.push(...page) });
      try {
        await store.append(streamId, [probe()], 'no_stream');
        await until(() => received.length === 1);
        // Another service's events: the filter searches them, delivers none.
        const other = server.connect();
        for (let n = 0; n < 200; n += 1) {
          await other.appendToStream(`other-service-${randomUUID()}`, jsonEvent({ type: 'Other', data: { n } }));
        }
        const searchedAll = server.log.records.length;
        await until(() => server.calls.recordsScanned >= searchedAll);

        server.resetCalls();
        server.dropSubscriptions('dropped-channel');
        await store.append(streamId, [probe()], 0);
        await until(() => received.length === 2);

        expect(server.calls.recordsScanned).toBeLessThan(64);
      } finally {
        await subscription.close();
      }
    });
  });

  describe('a failover during appends and a live subscription', () => {
    it('answers 503s while a leader is elected, nothing 5xx after a stored append, no gap or duplicate delivered', async () => {
      const streamId = freshStream();
      const received: StoredEvent[] = [];
      const errors: Error[] = [];
      const subscription = store.subscribe({
        onEvents: async (page) => void received.push(...page.filter((event) => event.streamId === streamId)),
        onError: (error) => errors.push(error),
      });
      try {
        const stored: number[] = [];
        let revision: number | 'no_stream' = 'no_stream';
        const appendOne = async () => {
          const result = await store.append(streamId, [probe()], revision);
          revision = result.revision;
          stored.push(result.position);
        };
        for (let n = 0; n < 5; n += 1) await appendOne();

        server.loseLeader();
        await expect(appendOne()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await until(() => errors.length > 0);
        server.electLeader();

        for (let n = 0; n < 5; n += 1) await appendOne();
        await until(() => received.length >= stored.length);

        expect(received.map((event) => event.position)).toEqual(stored);
        expect(errors.every((error) => error instanceof EventStoreUnavailableError)).toBe(true);
      } finally {
        await subscription.close();
      }
    });
  });
});
