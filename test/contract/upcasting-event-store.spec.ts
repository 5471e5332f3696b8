import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../src/application/events/factline-event';
import { EventStore, EventToAppend, StoredEvent } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { UpcastingEventStore } from '../../src/infrastructure/event-store/upcasting-event-store';
import { eventually, freshStream, probe } from './probe-events';

/** A support as schema 1 stored it: the source a bare URL. */
function schemaOneSupport(claimId: string): EventToAppend {
  const event = probe('ClaimSupported', {
    claimId,
    by: { id: 'reuters', name: 'Reuters', kind: 'media' },
    kind: 'corroboration',
    occurredAt: '2026-01-27T10:00:00+01:00',
    source: 'https://example.org/reuters/follow-up',
  });
  return { ...event, metadata: { ...event.metadata, schemaVersion: 1 } };
}

const upcastSource = { url: 'https://example.org/reuters/follow-up' };

describe('UpcastingEventStore over the embedded store', () => {
  let directory: string;
  let stored: SqliteEventStore;
  let store: EventStore;
  const streamId = freshStream();
  const legacy = schemaOneSupport(streamId.slice('claim-'.length));

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-upcasting-'));
    stored = new SqliteEventStore(path.join(directory, 'events.db'));
    store = new UpcastingEventStore(stored);
    await store.append(streamId, [legacy], 'no_stream');
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const expectCurrent = (event: StoredEvent | undefined) => {
    expect(event?.data).toMatchObject({ source: upcastSource });
    expect(event?.metadata.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(event?.eventId).toBe(legacy.eventId);
  };

  it('stores what it is given, unchanged', async () => {
    const [raw] = await stored.readStream(streamId);
    expect(raw.data).toMatchObject({ source: 'https://example.org/reuters/follow-up' });
    expect(raw.metadata.schemaVersion).toBe(1);
  });

  it('upcasts readStream, readEvent and readAll', async () => {
    expectCurrent((await store.readStream(streamId))[0]);
    expectCurrent((await store.readStream(streamId, { fromRevision: 0, maxCount: 1 }))[0]);
    expectCurrent(await store.readEvent(streamId, legacy.eventId));
    expectCurrent((await store.readAll({ limit: 10 })).find((event) => event.streamId === streamId));
  });

  it('upcasts what a subscription delivers', async () => {
    const received: StoredEvent[] = [];
    const subscription = store.subscribe({ onEvents: async (page) => void received.push(...page) });
    try {
      await eventually(() => expect(received.map((event) => event.eventId)).toContain(legacy.eventId));
    } finally {
      await subscription.close();
    }
    expectCurrent(received.find((event) => event.eventId === legacy.eventId));
  });

  it("forwards the embedded store's append notifications", async () => {
    let notified = 0;
    store.onAppended?.(() => (notified += 1));
    await store.append(freshStream(), [probe()], 'no_stream');
    expect(notified).toBe(1);
  });
});
