import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { PointInTime } from '../../src/application/queries/point-in-time';
import { RegistryHistory } from '../../src/application/queries/registry-history';
import { DeskCalendar } from '../../src/domain/desk-calendar';
import { TimeTravel } from '../../src/application/queries/time-travel';
import { withPlace } from '../../src/application/read-models/timeline/timeline-entry';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { EventLogGenerator } from '../../bench/workload/event-log-generator';
import { ReadModels, given } from './support/projection-spec';

const FAR_FUTURE = '9999-12-31T23:59:59Z';

function generatedLog(seed: number, events: number): StoredEvent[] {
  const generator = new EventLogGenerator({ events, largeStorylineEvents: events / 10, seed });
  const revisions = new Map<string, number>();
  return [...generator.events()].map(({ streamId, event }, index) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    return { ...event, streamId, revision, position: index + 1 };
  });
}

const storylineIdsOf = (log: StoredEvent[]) =>
  [...new Set(log.filter((event) => event.type === 'StorylineOpened').map((event) => event.streamId))].map((id) =>
    id.slice('storyline-'.length),
  );

// World time adds a filter to the as-of views: once everything has occurred, it must leave the
// views exactly as the live projections have them, and with a knowledge time the same as that alone.
describe('a view as occurred by a time after every development', () => {
  const log = generatedLog(404, 2000);
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModels;
  let timeTravel: TimeTravel;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-as-occurred-'));
    store = new SqliteEventStore(path.join(dir, 'events.db'));
    for (const { streamId, eventId, type, data, metadata } of log) {
      await store.append(streamId, [{ eventId, type, data, metadata }], 'any');
    }
    readModels = given(log);
    timeTravel = new TimeTravel(
      store,
      readModels.claims,
      new RegistryHistory(store, readModels.parties),
      new DeskCalendar(),
    );
  });

  afterAll(async () => {
    readModels.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const farFuture: PointInTime = { knownNow: true, asOccurred: FAR_FUTURE };

  it('equals the live storyline, its claims and its timeline', async () => {
    const storylineIds = storylineIdsOf(log);
    expect(storylineIds.length).toBeGreaterThan(5);
    for (const id of storylineIds) {
      expect(await timeTravel.storyline(id, farFuture, 50)).toEqual(readModels.storylines.get(id, 50));
      expect(await timeTravel.storylineClaims(id, farFuture, { limit: 500 })).toEqual(
        readModels.storylines.claims(id, { limit: 500 }),
      );
      // As the timeline route gives them: each entry with its place.
      const timeline = (await timeTravel.timeline(id, farFuture)).map(({ entry, place }) => withPlace(entry, place));
      expect(timeline).toEqual(readModels.timeline.timeline(id, { limit: 500 }).items);
    }
  });

  it('equals the live claim view', async () => {
    const claimIds = [...new Set(log.filter((event) => event.type === 'ClaimRecorded').map((event) => event.streamId))];
    expect(claimIds.length).toBeGreaterThan(50);
    for (const streamId of claimIds.slice(0, 200)) {
      const id = streamId.slice('claim-'.length);
      expect(await timeTravel.claim(id, farFuture)).toEqual(readModels.claims.get(id));
    }
  });

  it('with a knowledge time, equals that knowledge time alone', async () => {
    const middle = log[Math.floor(log.length / 2)].position;
    for (const id of storylineIdsOf(log).slice(0, 10)) {
      expect(await timeTravel.storyline(id, { atPosition: middle, asOccurred: FAR_FUTURE }, 50)).toEqual(
        await timeTravel.storyline(id, { atPosition: middle }, 50),
      );
      expect(await timeTravel.timeline(id, { atPosition: middle, asOccurred: FAR_FUTURE })).toEqual(
        await timeTravel.timeline(id, { atPosition: middle }),
      );
    }
  });

  it('leaves out what had not occurred yet at an earlier world time', async () => {
    const id = storylineIdsOf(log)[0];
    const entries = (await timeTravel.timeline(id, farFuture)).map(({ entry }) => entry);
    const middle = entries[Math.floor(entries.length / 2)].occurredAt;
    const earlier = (await timeTravel.timeline(id, { knownNow: true, asOccurred: middle })).map(({ entry }) => entry);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.length).toBeLessThan(entries.length);
    expect(earlier.every((entry) => Date.parse(entry.occurredAt) <= Date.parse(middle))).toBe(true);
  });
});
