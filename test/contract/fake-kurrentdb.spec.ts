import {
  AllStreamResolvedEvent,
  BACKWARDS,
  DeadlineExceededError,
  END,
  jsonEvent,
  KurrentDBClient,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  Position,
  STREAM_NAME,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { DEFAULT_MAX_APPEND_SIZE, FakeKurrentDb } from '../support/fake-kurrentdb/fake-kurrentdb';
import { recordSize } from '../support/fake-kurrentdb/transaction-log';
import { TRANSPORT_FAULTS, TransportFault } from '../support/fake-kurrentdb/transport-errors';
import { until } from './probe-events';

/** FakeKurrentDb through the client's own API: it behaves as docs/kurrentdb.md says it does. */

const event = (data: Record<string, unknown> = { n: 1 }, type = 'Probed') =>
  jsonEvent({ id: randomUUID(), type, data });

async function collect<T>(read: AsyncIterableIterator<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of read) found.push(item);
  return found;
}

const positionsOf = (events: AllStreamResolvedEvent[]) => events.map(({ event }) => event!.position.commit);
const at = (commit: bigint): Position => ({ commit, prepare: commit });

describe('FakeKurrentDb', () => {
  let server: FakeKurrentDb;
  let client: KurrentDBClient;

  beforeEach(() => {
    server = new FakeKurrentDb();
    client = server.connect();
  });

  describe('positions', () => {
    it('are byte offsets: each event starts where the one before it ends, so they grow by each record size', async () => {
      await client.appendToStream('claim-a', [event({ text: 'short' }), event({ text: 'x'.repeat(5000) }), event()]);

      const read = await collect(client.readStream('claim-a'));
      const positions = read.map(({ event }) => event!.position!.commit);
      const sizes = server.log.records.slice(-3).map((record) => record.size);

      expect(positions[1] - positions[0]).toBe(BigInt(sizes[0]));
      expect(positions[2] - positions[1]).toBe(BigInt(sizes[1]));
      expect(sizes[1]).toBeGreaterThan(5000);
      expect(sizes[0]).toBe(recordSize(server.log.records.at(-3)!));
      // The database's own records come first: the first event is not at 0.
      expect(positions[0]).toBeGreaterThan(0n);
    });

    it('leave gaps where records of other streams lie, and at the end of a chunk', async () => {
      const small = new FakeKurrentDb({ chunkSize: 4096 });
      const smallClient = small.connect();
      await smallClient.appendToStream('claim-a', event());
      await smallClient.appendToStream('other-service-1', event({ text: 'y'.repeat(3000) }));
      await smallClient.appendToStream('claim-a', event({ text: 'z'.repeat(2000) }));

      const ours = await collect(
        smallClient.readAll({ filter: { filterOn: STREAM_NAME, prefixes: ['claim-'], checkpointInterval: 1 } }),
      );
      const [first, second] = positionsOf(ours);

      expect(second - first).toBeGreaterThan(3000n);
      // The third record did not fit the first chunk: it starts the second one.
      expect(second).toBe(4096n);
    });

    it('read $all from an event position inclusive, backwards exclusive, and from the end as nothing', async () => {
      await client.appendToStream('claim-a', [event(), event(), event()]);
      const all = positionsOf(await collect(client.readAll()));
      const [, middle, last] = all.slice(-3);

      expect(positionsOf(await collect(client.readAll({ fromPosition: at(middle) })))).toEqual([middle, last]);
      expect(
        positionsOf(await collect(client.readAll({ fromPosition: at(middle), direction: BACKWARDS, maxCount: 1 }))),
      ).toEqual([all.at(-3)]);
      expect(await collect(client.readAll({ fromPosition: at(server.log.end) }))).toEqual([]);
      expect(
        positionsOf(await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }))),
      ).toEqual([last]);
    });

    it('fail a read from inside a record with InvalidPosition, as an UnknownError', async () => {
      await client.appendToStream('claim-a', [event(), event()]);
      const [, second] = positionsOf(await collect(client.readAll())).slice(-2);

      const read = collect(client.readAll({ fromPosition: at(second - 1n) }));

      await expect(read).rejects.toBeInstanceOf(UnknownError);
      await expect(read).rejects.toThrow(/InvalidPosition/);
      await expect(
        collect(client.readAll({ fromPosition: { commit: second, prepare: second - 1n } })),
      ).rejects.toBeInstanceOf(UnknownError);
    });
  });

  describe('appends', () => {
    it('refuse more than MaxAppendSize bytes in one append with MaxAppendSizeExceededError, storing nothing', async () => {
      const quarter = 'q'.repeat(DEFAULT_MAX_APPEND_SIZE / 4);
      await expect(
        client.appendToStream('claim-a', [event({ quarter }), event({ quarter }), event({ quarter })]),
      ).resolves.toMatchObject({
        success: true,
      });

      const refused = client.appendToStream(
        'claim-b',
        [1, 2, 3, 4].map(() => event({ quarter })),
      );

      await expect(refused).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
      await expect(refused).rejects.toMatchObject({ maxAppendSize: DEFAULT_MAX_APPEND_SIZE });
      await expect(collect(client.readStream('claim-b'))).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('take the limit they are configured with', async () => {
      const strict = new FakeKurrentDb({ maxAppendSize: 1000 }).connect();
      await expect(strict.appendToStream('claim-a', event({ text: 'x'.repeat(1001) }))).rejects.toMatchObject({
        maxAppendSize: 1000,
      });
    });

    it('answer a full re-append at the same exact revision with the original position, storing nothing', async () => {
      await client.appendToStream('claim-a', event(), { streamState: NO_STREAM });
      const batch = [event(), event()];
      const first = await client.appendToStream('claim-a', batch, { streamState: 0n });
      await client.appendToStream('claim-a', event(), { streamState: 2n });

      const retry = await client.appendToStream('claim-a', batch, { streamState: 0n });

      expect(retry).toEqual(first);
      expect(await collect(client.readStream('claim-a'))).toHaveLength(4);
    });

    it('refuse a partial re-append with WrongExpectedVersionError', async () => {
      const stored = event();
      await client.appendToStream('claim-a', [stored, event()], { streamState: NO_STREAM });

      await expect(
        client.appendToStream('claim-a', [stored, event()], { streamState: NO_STREAM }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(
        client.appendToStream('claim-a', [event(), stored], { streamState: NO_STREAM }),
      ).rejects.toMatchObject({
        expectedState: NO_STREAM,
        actualState: 1n,
      });
    });

    it('with `any`, recognise a retry only while the ids are remembered', async () => {
      const forgetful = new FakeKurrentDb({ idCacheSize: 2 });
      const forgetfulClient = forgetful.connect();
      const first = event();
      const stored = await forgetfulClient.appendToStream('claim-a', first);
      await expect(forgetfulClient.appendToStream('claim-a', first)).resolves.toEqual(stored);

      await forgetfulClient.appendToStream('claim-b', [event(), event()]);

      await forgetfulClient.appendToStream('claim-a', first);
      expect(forgetful.eventsOf('claim-a')).toHaveLength(2);
    });
  });

  describe('a leader and a lagging follower', () => {
    it('serve reads that prefer the follower from what it has, while appends reach the leader', async () => {
      const followerClient = server.connect({ nodePreference: 'follower' });
      await client.appendToStream('claim-a', event());
      server.pauseReplication();

      const { position } = await followerClient.appendToStream('claim-a', event());

      expect(await collect(followerClient.readStream('claim-a'))).toHaveLength(1);
      expect(await collect(followerClient.readStream('claim-a', { requiresLeader: true }))).toHaveLength(2);
      expect(await collect(client.readStream('claim-a'))).toHaveLength(2);
      await expect(collect(followerClient.readAll({ fromPosition: position! }))).resolves.toEqual([]);

      server.resumeReplication();
      expect(await collect(followerClient.readStream('claim-a'))).toHaveLength(2);
    });

    it('lose the leader: appends fail unavailable, reads on the leader fail, a new leader has every acknowledged write', async () => {
      const followerClient = server.connect({ nodePreference: 'follower' });
      await client.appendToStream('claim-a', event());

      server.loseLeader();

      await expect(client.appendToStream('claim-a', event())).rejects.toBeInstanceOf(UnavailableError);
      await expect(collect(client.readStream('claim-a'))).rejects.toBeInstanceOf(UnknownError);
      await expect(collect(followerClient.readStream('claim-a'))).resolves.toHaveLength(1);

      server.electLeader();

      await expect(client.appendToStream('claim-a', event(), { streamState: 0n })).resolves.toMatchObject({
        nextExpectedRevision: 1n,
      });
    });
  });

  describe('transport errors, in the shapes the client raises', () => {
    const onGrpc: Record<TransportFault, new (...args: never[]) => Error> = {
      unavailable: UnavailableError,
      'deadline-exceeded': DeadlineExceededError,
      'server-error': UnavailableError,
      'dropped-channel': UnavailableError,
      'not-leader': NotLeaderError,
    };
    const onBridge: Record<TransportFault, new (...args: never[]) => Error> = {
      unavailable: UnavailableError,
      'deadline-exceeded': UnknownError,
      'server-error': UnknownError,
      'dropped-channel': UnknownError,
      'not-leader': NotLeaderError,
    };

    it.each(TRANSPORT_FAULTS)(
      '%s: an append (grpc-js), a read (the bridge), a subscription (grpc-js)',
      async (fault) => {
        server.failNext('append', fault);
        server.failNext('read', fault);
        server.failNext('subscribe', fault);

        await expect(client.appendToStream('claim-a', event())).rejects.toBeInstanceOf(onGrpc[fault]);
        await expect(collect(client.readAll())).rejects.toBeInstanceOf(onBridge[fault]);
        const errors: Error[] = [];
        client.subscribeToAll().on('error', (error) => errors.push(error));
        await until(() => errors.length > 0);
        expect(errors[0]).toBeInstanceOf(onGrpc[fault]);

        // Each fault was for one call only.
        await expect(client.appendToStream('claim-a', event())).resolves.toMatchObject({ success: true });
      },
    );

    it('names the leader in a NotLeaderError', async () => {
      server.failNext('append', 'not-leader');
      await expect(client.appendToStream('claim-a', event())).rejects.toMatchObject({
        leader: { address: 'kurrentdb-2', port: 2113 },
      });
    });
  });

  describe('subscriptions', () => {
    it('start after their position, catch up, go live, and report checkpoints for filtered-out records', async () => {
      const first = await client.appendToStream('claim-a', event());
      await client.appendToStream('claim-a', event());
      const received: bigint[] = [];
      const checkpoints: bigint[] = [];
      let caughtUp = false;

      const subscription = client.subscribeToAll({
        fromPosition: first.position!,
        filter: {
          filterOn: STREAM_NAME,
          prefixes: ['claim-'],
          checkpointInterval: 1,
          checkpointReached: (_, position) => void checkpoints.push(position.commit),
        },
      });
      subscription.on('data', ({ event }: AllStreamResolvedEvent) => received.push(event!.revision));
      subscription.on('caughtUp', () => (caughtUp = true));
      try {
        await until(() => caughtUp);
        expect(received).toEqual([1n]);

        for (let i = 0; i < 40; i += 1) await client.appendToStream('other-service', event());
        await client.appendToStream('claim-a', event());

        await until(() => received.length === 2);
        expect(received).toEqual([1n, 2n]);
        // 32 records searched: one checkpoint, at a record that was filtered out.
        expect(checkpoints).toHaveLength(1);
        expect(server.log.lookup(checkpoints[0])).toMatchObject({ kind: 'record' });
      } finally {
        await subscription.unsubscribe();
      }
    });

    it('drop with an UnavailableError when the leader is lost', async () => {
      const errors: Error[] = [];
      const subscription = client.subscribeToAll();
      subscription.on('error', (error) => errors.push(error));
      subscription.on('data', () => undefined);

      server.loseLeader();

      await until(() => errors.length > 0);
      expect(errors[0]).toBeInstanceOf(UnavailableError);
    });

    it('fail from inside a record with InvalidPosition, as an UnknownError', async () => {
      const { position } = await client.appendToStream('claim-a', event());
      const errors: Error[] = [];
      client.subscribeToAll({ fromPosition: at(position!.commit + 1n) }).on('error', (error) => errors.push(error));
      await until(() => errors.length > 0);
      expect(errors[0]).toBeInstanceOf(UnknownError);
      expect(errors[0].message).toMatch(/InvalidPosition/);
    });
  });
});
