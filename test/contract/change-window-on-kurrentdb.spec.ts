import { STREAM_PREFIXES } from '../../src/application/events/factline-event';
import { EventToAppend } from '../../src/application/ports/event-store.port';
import { lastPositionRecordedBy, readWindow } from '../../src/application/queries/changes/change-window';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { FakeKurrentDb } from '../support/fake-kurrentdb/fake-kurrentdb';
import { freshStream, probe } from './probe-events';

const recordedAt = (time: string): EventToAppend => {
  const event = probe();
  return { ...event, metadata: { ...event.metadata, recordedAt: time } };
};

/**
 * What changed since, on a store whose positions are byte offsets (FakeKurrentDb): the window and
 * the search by the clock read only from events' own positions (before issue 21 the search read
 * after computed midpoints and failed with InvalidPosition).
 */
describe('the window of what changed, on KurrentDB (fake server)', () => {
  const times = ['2026-03-01T08:00:00.000Z', '2026-03-01T09:00:00.000Z', '2026-03-01T10:00:00.000Z'];
  let store: KurrentDbEventStore;
  const positions: number[] = [];

  beforeAll(async () => {
    // A small chunk size leaves gaps between positions, as a real log does at chunk ends.
    store = new KurrentDbEventStore(new FakeKurrentDb({ chunkSize: 4096 }).connect(), STREAM_PREFIXES);
    const streamId = freshStream();
    for (const [revision, time] of times.entries()) {
      const appended = await store.append(streamId, [recordedAt(time)], revision === 0 ? 'no_stream' : revision - 1);
      positions.push(appended.position);
    }
  });
  afterAll(() => store.close());

  it('finds the last position recorded by a moment', async () => {
    const head = positions[2];
    await expect(lastPositionRecordedBy(store, '2026-03-01T07:59:59.999Z', head)).resolves.toBe(-1);
    await expect(lastPositionRecordedBy(store, '2026-03-01T08:00:00.000Z', head)).resolves.toBe(positions[0]);
    await expect(lastPositionRecordedBy(store, '2026-03-01T09:30:00.000Z', head)).resolves.toBe(positions[1]);
    await expect(lastPositionRecordedBy(store, '2026-03-02T00:00:00.000Z', head)).resolves.toBe(positions[2]);
    await expect(lastPositionRecordedBy(store, '2026-03-02T00:00:00.000Z', positions[1])).resolves.toBe(positions[1]);
  });

  it('reads the window after an event’s position and after one below the next alike', async () => {
    const exact = await readWindow(store, positions[0], positions[2], 100);
    const offByOne = await readWindow(store, positions[1] - 1, positions[2], 100);

    expect(exact.events.map((event) => event.position)).toEqual([positions[1], positions[2]]);
    expect(offByOne.events.map((event) => event.position)).toEqual([positions[1], positions[2]]);
  });
});
