import { STREAM_PREFIXES } from '../../src/application/events/factline-event';
import { EventStoreUnavailableError, StoredEvent } from '../../src/application/ports/event-store.port';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { toProblem } from '../../src/infrastructure/http/problem/to-problem';
import { FakeKurrentDb } from '../support/fake-kurrentdb/fake-kurrentdb';
import { NodePreference } from '../support/fake-kurrentdb/fake-kurrentdb-client';
import { TRANSPORT_FAULTS } from '../support/fake-kurrentdb/transport-errors';
import { eventually, freshStream, probe } from './probe-events';

/** The KurrentDB adapter on FakeKurrentDb: the findings of issue 21 that are about a cluster and its faults. */
describe('KurrentDB adapter on the fake server', () => {
  let server: FakeKurrentDb;
  const open = (nodePreference: NodePreference = 'leader') =>
    new KurrentDbEventStore(server.connect({ nodePreference }), STREAM_PREFIXES);
  beforeEach(() => (server = new FakeKurrentDb()));

  describe('outages are 503s, whatever path and shape', () => {
    const unavailable = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      const { problem, headers } = toProblem(error);
      expect(problem).toMatchObject({ status: 503, type: '/problems/store-unavailable' });
      expect(headers).toHaveProperty('Retry-After');
      // What clients read names the kind of failure, never a node's address.
      expect(problem.detail).not.toMatch(/\d+\.\d+\.\d+\.\d+|kurrentdb-2|:2113/);
    };

    it.each(TRANSPORT_FAULTS)('an append failing with %s', async (fault) => {
      const store = open();
      server.failNext('append', fault);
      await unavailable(store.append(freshStream(), [probe()], 'no_stream'));
    });

    it.each(TRANSPORT_FAULTS)('a read failing with %s, and the ping /health makes', async (fault) => {
      const store = open();
      server.failNext('read', fault);
      await unavailable(store.readAll({ limit: 10 }));
      server.failNext('read', fault);
      await unavailable(store.ping());
    });

    it.each(TRANSPORT_FAULTS)(
      'a subscription dropped with %s reports the store unavailable and resumes',
      async (fault) => {
        const store = open();
        const streamId = freshStream();
        await store.append(streamId, [probe()], 'no_stream');
        const delivered: StoredEvent[] = [];
        const errors: Error[] = [];
        const subscription = store.subscribe({
          onEvents: async (events) => void delivered.push(...events),
          onError: (error) => errors.push(error),
        });
        try {
          await eventually(() => expect(delivered).toHaveLength(1));
          server.dropSubscriptions(fault);
          await eventually(() => expect(errors).toHaveLength(1));
          expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
          await store.append(streamId, [probe()], 0);
          await eventually(() => expect(delivered.map((event) => event.revision)).toEqual([0, 1]));
        } finally {
          await subscription.close();
        }
      },
    );

    it('an append while a leader is elected is 503, and goes through once there is one', async () => {
      const store = open();
      const streamId = freshStream();
      server.loseLeader();
      await unavailable(store.append(streamId, [probe()], 'no_stream'));
      server.electLeader();
      await expect(store.append(streamId, [probe()], 'no_stream')).resolves.toMatchObject({ revision: 0 });
    });
  });

  describe('read your own append on a cluster', () => {
    it('answers a stored multi-event append with its position while reads prefer a lagging follower', async () => {
      const store = open('follower');
      const streamId = freshStream();
      server.pauseReplication();

      const result = await store.append(streamId, [probe(), probe(), probe()], 'no_stream');

      const positions = server.positions();
      expect(result).toEqual({ revision: 2, position: Number(positions[positions.length - 1]) });
    });
  });

  describe('reads per append', () => {
    it('reads nothing for a one-event append and one event on the leader for several', async () => {
      const store = open();
      const streamId = freshStream();
      await store.append(streamId, [probe()], 'no_stream');
      server.resetCalls();

      await store.append(streamId, [probe()], 0);
      expect(server.calls).toMatchObject({ appends: 1, readStream: 0, readAll: 0 });

      await store.append(streamId, [probe(), probe()], 1);
      expect(server.calls).toMatchObject({ appends: 2, readStream: 1, readAll: 0 });
    });
  });
});
