import { KurrentDBClient, SubscribeToAllOptions, UnavailableError } from '@kurrent/kurrentdb-client';
import net from 'node:net';
import { PassThrough } from 'node:stream';
import { STREAM_PREFIXES } from '../../src/application/events/factline-event';
import { ConfigError, loadConfig } from '../../src/config/config';
import { createEventStore } from '../../src/infrastructure/event-store/create-event-store';
import { EventStoreUnavailableError, StoredEvent } from '../../src/application/ports/event-store.port';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { KurrentDbSubscription } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-subscription';
import { eventually, freshStream, probe } from './probe-events';

/** A port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The KurrentDB adapter with the real client, but no server: here nothing can run one, and what
 * the service does when its store is away is part of the contract (HTTP 503, a one-line start-up error).
 */
describe('KurrentDB adapter without a reachable server', () => {
  let connectionString: string;
  let store: KurrentDbEventStore;

  beforeAll(async () => {
    connectionString = `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`;
    store = KurrentDbEventStore.connect(connectionString, STREAM_PREFIXES);
  });

  afterAll(async () => {
    await store.close();
  });

  it('answers every call with EventStoreUnavailableError', async () => {
    const streamId = freshStream();
    await expect(store.append(streamId, [probe()], 'no_stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readStream(streamId)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll({ limit: 10 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll({ limit: 10, types: ['ClaimRecorded'] })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('keeps a subscription trying, reporting each failure, until closed', async () => {
    const errors: Error[] = [];
    const subscription = store.subscribe({ onEvents: async () => undefined, onError: (error) => errors.push(error) });
    try {
      await eventually(() => expect(errors.length).toBeGreaterThanOrEqual(2));
      expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
      expect(errors[0].message).toMatch(/resuming after -1/);
    } finally {
      await subscription.close();
    }
  });

  it('stops start-up with a ConfigError naming KURRENTDB_CONNECTION_STRING, on one line', async () => {
    const config = loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: connectionString });
    const failure = createEventStore(config);
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toMatchObject({ variable: 'KURRENTDB_CONNECTION_STRING' });
    await expect(failure).rejects.toThrow(
      /^KURRENTDB_CONNECTION_STRING names a KurrentDB that cannot be reached[^\n]*$/,
    );
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const config = loadConfig({
        EVENT_STORE: 'kurrentdb',
        KURRENTDB_CONNECTION_STRING: `kurrentdb://127.0.0.1:${port}?tls=false`,
      });
      await expect(createEventStore(config)).rejects.toMatchObject({ variable: 'KURRENTDB_CONNECTION_STRING' });
    } finally {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }
  });

  it('refuses a connection string the client cannot parse, naming the variable', async () => {
    const config = loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'kurrentdb://x:notaport' });
    await expect(createEventStore(config)).rejects.toMatchObject({
      variable: 'KURRENTDB_CONNECTION_STRING',
      message: expect.stringMatching(/not a usable connection string/),
    });
  });
});

/** A stand-in for the client's subscribeToAll: each call gets a stream the test feeds by hand. */
class ScriptedSubscriptions {
  readonly calls: Array<{ options: SubscribeToAllOptions; stream: PassThrough }> = [];

  asClient(): KurrentDBClient {
    return {
      subscribeToAll: (options: SubscribeToAllOptions) => {
        const stream = Object.assign(new PassThrough({ objectMode: true }), {
          unsubscribe: async () => undefined,
        });
        this.calls.push({ options, stream });
        return stream;
      },
    } as unknown as KurrentDBClient;
  }
}

const resolved = (streamId: string, type: string, position: number, revision = 0) => ({
  event: {
    streamId,
    id: probe().eventId,
    type,
    revision: BigInt(revision),
    isJson: true,
    created: new Date(),
    data: {},
    metadata: probe().metadata,
    position: { commit: BigInt(position), prepare: BigInt(position) },
  },
});

describe('KurrentDB subscription resuming after a dropped connection', () => {
  it('resubscribes after the last delivered position, filtered on our prefixes, and never delivers twice', async () => {
    const scripted = new ScriptedSubscriptions();
    const delivered: StoredEvent[][] = [];
    const errors: Error[] = [];
    const subscription = new KurrentDbSubscription(
      scripted.asClient(),
      { prefixes: STREAM_PREFIXES },
      { onEvents: async (page) => void delivered.push(page), onError: (error) => errors.push(error) },
      async (position) => position,
      () => undefined,
    );
    subscription.start();
    try {
      await eventually(() => expect(scripted.calls).toHaveLength(1));
      const first = scripted.calls[0];
      expect(first.options.fromPosition).toBe('start');
      expect(first.options.filter).toMatchObject({ filterOn: 'streamName', prefixes: [...STREAM_PREFIXES] });
      first.stream.write(resolved('claim-a', 'ClaimRecorded', 10));
      first.stream.write(resolved('claim-a', '$metadata', 15));
      first.stream.write(resolved('orders-1', 'OrderPlaced', 17));
      first.stream.write(resolved('storyline-b', 'StorylineOpened', 20));
      await eventually(() => expect(delivered.flat()).toHaveLength(2));

      first.stream.emit('error', new UnavailableError());
      await eventually(() => expect(scripted.calls).toHaveLength(2));
      const second = scripted.calls[1];
      expect(second.options.fromPosition).toEqual({ commit: 20n, prepare: 20n });
      second.stream.write(resolved('storyline-b', 'StorylineOpened', 20));
      second.stream.write(resolved('claim-a', 'ClaimSupported', 30, 1));
      await eventually(() => expect(delivered.flat()).toHaveLength(3));

      expect(delivered.flat().map((event) => event.position)).toEqual([10, 20, 30]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await subscription.close();
    }
  });

  it('stops, reporting once, when the consumer throws', async () => {
    const scripted = new ScriptedSubscriptions();
    const errors: Error[] = [];
    const subscription = new KurrentDbSubscription(
      scripted.asClient(),
      { prefixes: STREAM_PREFIXES },
      {
        after: 5,
        onEvents: async () => {
          throw new Error('projection failed');
        },
        onError: (error) => errors.push(error),
      },
      async (position) => position,
      () => undefined,
    );
    subscription.start();
    try {
      await eventually(() => expect(scripted.calls).toHaveLength(1));
      expect(scripted.calls[0].options.fromPosition).toEqual({ commit: 5n, prepare: 5n });
      scripted.calls[0].stream.write(resolved('claim-a', 'ClaimRecorded', 10));
      await eventually(() => expect(errors.map((error) => error.message)).toEqual(['projection failed']));
      expect(scripted.calls).toHaveLength(1);
    } finally {
      await subscription.close();
    }
  });
});
