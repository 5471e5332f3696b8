import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  DeliveryProgress,
  ProgressConflictError,
  WebhookStore,
  WebhookSubscription,
} from '../../src/application/ports/webhook-store.port';
import { initialProgress } from '../../src/application/webhooks/delivery-progress';
import { KurrentDbWebhookStore } from '../../src/infrastructure/webhooks/kurrentdb/kurrentdb-webhook-store';
import { SqliteWebhookStore } from '../../src/infrastructure/webhooks/sqlite/sqlite-webhook-store';
import { FakeKurrentDb } from '../support/fake-kurrentdb/fake-kurrentdb';

interface WebhookStoreAdapter {
  name: string;
  /** Whether two owners contend for a lease (KurrentDB) or the one process holds them all (SQLite). */
  leases: 'contended' | 'single-process';
  /** Two stores on the same storage, as two replicas (or a restarted process) would see it. */
  open(): Promise<[WebhookStore, WebhookStore]>;
  dispose(): Promise<void>;
}

const subscription = (overrides: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  id: randomUUID(),
  url: 'https://hooks.example.org/factline',
  eventTypes: null,
  secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
  createdAt: '2026-01-27T10:00:00.000Z',
  createdBy: 'desk',
  ...overrides,
});

const delivered = (progress: DeliveryProgress, position: number): DeliveryProgress => ({
  ...progress,
  checkpoint: position,
  delivered: progress.delivered + 1,
});

function webhookStoreContract(adapter: WebhookStoreAdapter) {
  let store: WebhookStore;
  let other: WebhookStore;

  beforeAll(async () => {
    [store, other] = await adapter.open();
  });

  afterAll(() => adapter.dispose());

  it('keeps a subscription with its event types, secret and starting progress', async () => {
    const hook = subscription({ eventTypes: ['ClaimRecorded'] });
    await store.create(hook, initialProgress(41));
    expect(await other.get(hook.id)).toEqual({ subscription: hook, progress: initialProgress(41) });
    expect((await other.subscriptions()).map((each) => each.id)).toContain(hook.id);
    expect((await store.list()).find((record) => record.subscription.id === hook.id)?.progress.checkpoint).toBe(41);
  });

  it('lists subscriptions oldest first', async () => {
    const first = subscription();
    const second = subscription();
    await store.create(first, initialProgress(0));
    await store.create(second, initialProgress(0));
    const ids = (await other.subscriptions()).map((each) => each.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
  });

  it('moves progress only from the version it was read at', async () => {
    const hook = subscription();
    await store.create(hook, initialProgress(10));
    const read = (await store.loadProgress(hook.id))!;
    const version = await store.saveProgress(hook.id, delivered(read.progress, 11), read.version);
    expect(await other.loadProgress(hook.id)).toEqual({ progress: delivered(read.progress, 11), version });

    // A second writer that read the same version loses: it must not move the checkpoint back.
    await expect(other.saveProgress(hook.id, delivered(read.progress, 99), read.version)).rejects.toBeInstanceOf(
      ProgressConflictError,
    );
    const next = await store.saveProgress(hook.id, delivered(read.progress, 12), version);
    expect(next).not.toBe(version);
    expect((await other.get(hook.id))?.progress.checkpoint).toBe(12);
  });

  it('removes a subscription: gone from the list, its progress fenced off', async () => {
    const hook = subscription();
    await store.create(hook, initialProgress(5));
    const read = (await store.loadProgress(hook.id))!;
    expect(await other.remove(hook.id)).toBe(true);
    expect(await store.get(hook.id)).toBeUndefined();
    expect(await store.loadProgress(hook.id)).toBeUndefined();
    expect((await store.subscriptions()).map((each) => each.id)).not.toContain(hook.id);
    await expect(store.saveProgress(hook.id, delivered(read.progress, 6), read.version)).rejects.toBeInstanceOf(
      ProgressConflictError,
    );
    expect(await store.remove(hook.id)).toBe(false);
  });

  it('answers nothing for an id it does not know', async () => {
    expect(await store.get('no-such-webhook')).toBeUndefined();
    expect(await store.loadProgress('no-such-webhook')).toBeUndefined();
    expect(await store.remove('no-such-webhook')).toBe(false);
  });

  if (adapter.leases === 'contended') {
    it('gives a lease to one owner at a time, renews it for its holder, and lets it go when released', async () => {
      const hook = subscription();
      await store.create(hook, initialProgress(0));
      expect(await store.acquireLease(hook.id, 'replica-1', 60_000)).toBe(true);
      expect(await other.acquireLease(hook.id, 'replica-2', 60_000)).toBe(false);
      expect(await store.acquireLease(hook.id, 'replica-1', 60_000)).toBe(true);
      await store.releaseLease(hook.id, 'replica-1');
      expect(await other.acquireLease(hook.id, 'replica-2', 60_000)).toBe(true);
      expect(await store.acquireLease(hook.id, 'replica-1', 60_000)).toBe(false);
    });

    it('lets another owner take a lease that has lapsed', async () => {
      const hook = subscription();
      await store.create(hook, initialProgress(0));
      expect(await store.acquireLease(hook.id, 'replica-1', 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await other.acquireLease(hook.id, 'replica-2', 60_000)).toBe(true);
      expect(await store.acquireLease(hook.id, 'replica-1', 60_000)).toBe(false);
    });

    it('has one winner when two owners take a free lease at the same moment', async () => {
      const hook = subscription();
      await store.create(hook, initialProgress(0));
      const results = await Promise.all([
        store.acquireLease(hook.id, 'replica-1', 60_000),
        other.acquireLease(hook.id, 'replica-2', 60_000),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('grants no lease on a removed subscription', async () => {
      const hook = subscription();
      await store.create(hook, initialProgress(0));
      await store.remove(hook.id);
      expect(await other.acquireLease(hook.id, 'replica-2', 60_000)).toBe(false);
    });
  } else {
    it('grants every lease to its one process, at once after a restart', async () => {
      const hook = subscription();
      await store.create(hook, initialProgress(0));
      expect(await store.acquireLease(hook.id, 'before-the-crash', 60_000)).toBe(true);
      expect(await other.acquireLease(hook.id, 'after-the-restart', 60_000)).toBe(true);
    });
  }
}

function sqliteAdapter(): WebhookStoreAdapter {
  let directory = '';
  const stores: WebhookStore[] = [];
  return {
    name: 'sqlite',
    leases: 'single-process',
    async open() {
      directory = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-webhooks-'));
      const file = path.join(directory, 'factline.webhooks.db');
      stores.push(new SqliteWebhookStore(file), new SqliteWebhookStore(file));
      return [stores[0], stores[1]];
    },
    async dispose() {
      await Promise.all(stores.map((each) => each.close()));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

function kurrentDbAdapter(
  name: string,
  connect: () => [KurrentDbWebhookStore, KurrentDbWebhookStore],
): WebhookStoreAdapter {
  let stores: WebhookStore[] = [];
  return {
    name,
    leases: 'contended',
    async open() {
      const pair = connect();
      stores = pair;
      return pair;
    },
    async dispose() {
      await Promise.all(stores.map((each) => each.close()));
    },
  };
}

describe('webhook store contract: sqlite', () => {
  webhookStoreContract(sqliteAdapter());
});

describe('webhook store contract: kurrentdb adapter on the fake server', () => {
  // Two replicas, each with its own client of one server.
  const server = new FakeKurrentDb();
  webhookStoreContract(
    kurrentDbAdapter('kurrentdb (fake server)', () => [
      new KurrentDbWebhookStore(server.connect()),
      new KurrentDbWebhookStore(server.connect()),
    ]),
  );

  it('writes only streams outside the service prefixes, and caps the progress and lease streams', async () => {
    const store = new KurrentDbWebhookStore(server.connect());
    const hook = subscription();
    await store.create(hook, initialProgress(3));
    const { version } = (await store.loadProgress(hook.id))!;
    await store.saveProgress(hook.id, delivered(initialProgress(3), 4), version);
    await store.acquireLease(hook.id, 'replica-1', 60_000);
    const registry = server.eventsOf('factline-webhooks');
    expect(registry.at(-1)).toEqual({
      type: 'WebhookRegistered',
      data: { subscription: hook, progress: initialProgress(3) },
    });
    expect(server.eventsOf(`factline-webhook-progress-${hook.id}`)).toEqual([
      { type: 'WebhookProgressed', data: { progress: delivered(initialProgress(3), 4) } },
    ]);
    expect(server.eventsOf(`factline-webhook-lease-${hook.id}`)).toEqual([
      { type: 'WebhookLeased', data: { owner: 'replica-1', expiresAt: expect.any(Number) } },
    ]);
    expect(server.metadataOf(`factline-webhook-progress-${hook.id}`)).toEqual({ maxCount: 10 });
    expect(server.metadataOf(`factline-webhook-lease-${hook.id}`)).toEqual({ maxCount: 10 });
  });
});

const kurrentDbConnection = process.env.KURRENTDB_CONNECTION_STRING;
if (kurrentDbConnection) {
  describe('webhook store contract: kurrentdb', () => {
    webhookStoreContract(
      kurrentDbAdapter('kurrentdb', () => [
        KurrentDbWebhookStore.connect(kurrentDbConnection),
        KurrentDbWebhookStore.connect(kurrentDbConnection),
      ]),
    );
  });
} else {
  process.stdout.write(
    'webhook store contract: a real KurrentDB is not run, set KURRENTDB_CONNECTION_STRING to run the suite against one\n',
  );
}
