import { Logger } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { EventStore } from '../../../src/application/ports/event-store.port';
import { WebhookStore } from '../../../src/application/ports/webhook-store.port';
import { initialProgress } from '../../../src/application/webhooks/delivery-progress';
import { WebhookDispatcher } from '../../../src/application/webhooks/webhook-dispatcher';
import { parseAllowedHosts } from '../../../src/config/webhook-hosts';
import { SqliteEventStore } from '../../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { HttpWebhookSender } from '../../../src/infrastructure/webhooks/delivery/http-webhook-sender';
import { TargetGuard } from '../../../src/infrastructure/webhooks/delivery/target-guard';
import { KurrentDbWebhookStore } from '../../../src/infrastructure/webhooks/kurrentdb/kurrentdb-webhook-store';
import { eventToAppend } from '../../support/event-to-append';
import { InMemoryKurrentDb } from '../../support/in-memory-kurrentdb';
import { makeTempDir } from '../../support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../../support/webhook-receiver';
import { firstAcceptedPositions } from '../../support/webhooks';
import { CONDITION_DEADLINE_MS, waitUntil } from '../../support/deadlines';

/**
 * A replica renews its lease every third of this; a lease lapses only when a replica's event loop
 * stalls for two thirds of it, which on a busy machine must not happen by chance.
 */
const LEASE_TTL_MS = 5000;
const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;

/** A decorator of the event store, as upcasting is: without the SQLite store's append notification. */
const decorated = (store: EventStore): EventStore => ({
  append: (...args) => store.append(...args),
  readStream: (streamId, options) => store.readStream(streamId, options),
  readEvent: (streamId, eventId) => store.readEvent(streamId, eventId),
  readAll: (options) => store.readAll(options),
  subscribe: (options) => store.subscribe(options),
  headPosition: () => store.headPosition(),
  ping: () => store.ping(),
  close: () => store.close(),
});

/** A crashed replica never gives its leases back: they must lapse before another takes over. */
const crashing = (store: WebhookStore): WebhookStore =>
  new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'releaseLease' ? async () => undefined : Reflect.get(target, property, receiver),
  });

describe('two replicas sharing a KurrentDB webhook store (the adapter on the in-memory stand-in)', () => {
  const dir = makeTempDir();
  const kurrentdb = new InMemoryKurrentDb();
  let events: SqliteEventStore;
  let receiver: WebhookReceiver;
  const dispatchers: WebhookDispatcher[] = [];

  const replica = async (
    owner: string,
    { webhooks = (store: WebhookStore) => store, log = (store: EventStore) => store } = {},
  ) => {
    const dispatcher = new WebhookDispatcher(
      webhooks(new KurrentDbWebhookStore(kurrentdb)),
      log(events),
      new HttpWebhookSender(new TargetGuard(parseAllowedHosts('127.0.0.1')), CONDITION_DEADLINE_MS),
      {
        policy: { retryBaseMs: 10, retryMaxMs: 50, disableAfterFailures: 100 },
        owner,
        leaseTtlMs: LEASE_TTL_MS,
        pageSize: 10,
        pollMs: 50,
        random: Math.random,
      },
      new Logger('Webhooks', { timestamp: false }),
    );
    dispatchers.push(dispatcher);
    await dispatcher.start();
    return dispatcher;
  };

  const append = async (count: number, stream: string) => {
    for (let index = 0; index < count; index++) {
      await events.append(stream, [eventToAppend('StorylineRevised', { summary: `${index}` }, 'test')], 'any');
    }
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    events = new SqliteEventStore(path.join(dir, 'factline.db'));
    receiver = await startWebhookReceiver();
    receiver.secret = SECRET;
  });

  afterAll(async () => {
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    await events.close();
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers each event once, from one replica at a time, and the other takes over when that one crashes', async () => {
    const webhooks = new KurrentDbWebhookStore(kurrentdb);
    const id = 'f5d8a7c2-0b7e-4c1e-9d2a-6f1b3c4d5e6f';
    await webhooks.create(
      {
        id,
        url: receiver.url,
        eventTypes: null,
        secret: SECRET,
        createdAt: new Date().toISOString(),
        createdBy: 'test',
      },
      initialProgress(await events.headPosition()),
    );
    const first = await replica('replica-1', { webhooks: crashing });
    // The second one is woken through a subscription to the log, as on KurrentDB.
    await replica('replica-2', { log: decorated });

    await append(20, 'storyline-replicas');
    await receiver.waitFor('20 deliveries', (r) => r.accepted().length >= 20);
    const leaseEvents = () => kurrentdb.eventsOf(`factline-webhook-lease-${id}`);
    const holders = new Set(leaseEvents().map(({ data }) => (data as { owner: string }).owner));
    expect(holders).toEqual(new Set(['replica-1']));
    expect(receiver.received).toHaveLength(20);

    await first.stop();
    await append(5, 'storyline-replicas');
    await receiver.waitFor('25 events after the takeover', (r) => firstAcceptedPositions(r).length >= 25);

    const log = await events.readAll({ limit: 100 });
    expect(firstAcceptedPositions(receiver)).toEqual(log.map((event) => event.position));
    expect(receiver.received.every((delivery) => delivery.verified)).toBe(true);
    expect((leaseEvents().at(-1)!.data as { owner: string }).owner).toBe('replica-2');
    // The receiver has the last event before the replica stores its checkpoint past it.
    const progress = await waitUntil(
      'the checkpoint at the last position',
      async () => (await webhooks.get(id))?.progress,
      (stored) => stored?.checkpoint === log.at(-1)!.position,
    );
    expect(progress).toMatchObject({ state: 'active' });
  });
});
