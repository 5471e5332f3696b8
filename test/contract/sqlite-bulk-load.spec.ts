import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DuplicateEventIdError,
  EventToLoad,
  WrongExpectedRevisionError,
} from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { freshStream, probe } from './probe-events';

/** An event of a bulk load at `revision` of `streamId`, its data and metadata as the JSON text to store. */
function toLoad(streamId: string, revision: number, data: unknown = { n: revision }): EventToLoad {
  const { eventId, type, metadata } = probe('ProbeLoaded', data);
  return { eventId, type, streamId, revision, data: JSON.stringify(data), metadata: JSON.stringify(metadata) };
}

// The embedded store's bulk load (what `factline import` writes through), on its own thread and on the caller's.
describe.each([false, true])('bulk load into the embedded store (writer thread: %s)', (writerThread) => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bulk-load-'));
    file = path.join(directory, 'events.db');
    store = new SqliteEventStore(file, { writerThread });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  /** The stored events as another connection (another process) sees them: only what was committed. */
  async function committed(streamId: string) {
    const other = new SqliteEventStore(file);
    try {
      return await other.readStream(streamId);
    } finally {
      await other.close();
    }
  }

  it('stores the events at their revisions, with their data and metadata, committed at the end', async () => {
    const streamId = freshStream();
    const events = [toLoad(streamId, 0, { text: 'Łódź, Кремль' }), toLoad(streamId, 1), toLoad(streamId, 2)];
    const load = store.bulkLoad();

    expect(await load.write(events.slice(0, 2))).toEqual({ stored: 2 });
    expect(await load.write(events.slice(2))).toEqual({ stored: 1 });
    await load.end();

    const stored = await committed(streamId);
    expect(
      stored.map(({ eventId, type, revision, data, metadata }) => ({ eventId, type, revision, data, metadata })),
    ).toEqual(
      events.map(({ eventId, type, revision, data, metadata }) => ({
        eventId,
        type,
        revision,
        data: JSON.parse(data),
        metadata: JSON.parse(metadata),
      })),
    );
    expect(stored[1].position).toBeGreaterThan(stored[0].position);
  });

  it('refuses a revision already taken, keeps the events before it and writes none after it', async () => {
    const streamId = freshStream();
    await store.append(streamId, [probe()], 'no_stream');
    const other = freshStream();
    const load = store.bulkLoad();

    const result = await load.write([toLoad(other, 0), toLoad(streamId, 0), toLoad(other, 1)]);
    expect(result.stored).toBe(1);
    expect(result.refusal).toBeInstanceOf(WrongExpectedRevisionError);
    expect(result.refusal).toMatchObject({ streamId, expected: 'no_stream', actual: 0 });
    expect((await load.write([toLoad(other, 1)])).stored).toBe(0);
    await load.end();

    expect((await committed(other)).map((event) => event.revision)).toEqual([0]);
    expect(await committed(streamId)).toHaveLength(1);
  });

  it('refuses an id already in the log, in any stream', async () => {
    const taken = probe();
    await store.append(freshStream(), [taken], 'no_stream');
    const streamId = freshStream();
    const load = store.bulkLoad();

    const result = await load.write([toLoad(streamId, 0), { ...toLoad(streamId, 1), eventId: taken.eventId }]);
    await load.end();

    expect(result.stored).toBe(1);
    expect(result.refusal).toBeInstanceOf(DuplicateEventIdError);
    expect(await committed(streamId)).toHaveLength(1);
  });

  it('commits what a load wrote before an append is answered, so the append is durable when acknowledged', async () => {
    const loaded = freshStream();
    const load = store.bulkLoad();
    await load.write([toLoad(loaded, 0)]);

    const appended = freshStream();
    await store.append(appended, [probe()], 'no_stream');

    expect(await committed(appended)).toHaveLength(1);
    expect(await committed(loaded)).toHaveLength(1);
    await load.write([toLoad(loaded, 1)]);
    await load.end();
    expect(await committed(loaded)).toHaveLength(2);
  });

  it('begins a new load after a refusal once the last one ended', async () => {
    const streamId = freshStream();
    const first = store.bulkLoad();
    await first.write([toLoad(streamId, 0), toLoad(streamId, 0)]);
    await first.end();

    const second = store.bulkLoad();
    expect(await second.write([toLoad(streamId, 1)])).toEqual({ stored: 1 });
    await second.end();
    expect((await committed(streamId)).map((event) => event.revision)).toEqual([0, 1]);
  });
});
