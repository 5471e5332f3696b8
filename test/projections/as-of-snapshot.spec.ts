import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { PointInTime } from '../../src/application/queries/point-in-time';
import { ClaimReadModel } from '../../src/application/queries/read-models.port';
import { RegistryHistory } from '../../src/application/queries/registry-history';
import { TimeTravel } from '../../src/application/queries/time-travel';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { claimRecorded, STORYLINE, storylineOpened } from './support/events';
import { ReadModels, given, storedLog } from './support/projection-spec';
import { DeskCalendar } from '../../src/domain/desk-calendar';

/** The claims read model, with `afterEachRead` run as soon as each of its reads returns: a seam for the worker's commits. */
function interleaved(claims: ClaimReadModel, afterEachRead: () => void): ClaimReadModel {
  return new Proxy(claims, {
    get(target, key) {
      const member: unknown = Reflect.get(target, key);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result: unknown = member.apply(target, args);
        afterEachRead();
        return result;
      };
    },
  });
}

// The projection worker commits pages on its own thread while the HTTP thread reads: whatever lands
// between two reads of one as-of answer must not make a claim fall between them.
describe('a storyline as of a point, while the worker commits a page', () => {
  const log = storedLog([storylineOpened(), claimRecorded('ready'), claimRecorded('late')]);
  const late = log[2];
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModels;
  let timeTravel: TimeTravel;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-as-of-snapshot-'));
    store = new SqliteEventStore(path.join(dir, 'events.db'));
    for (const { streamId, eventId, type, data, metadata } of log) {
      await store.append(streamId, [{ eventId, type, data, metadata }], 'any');
    }
    // The log holds the late claim; the read models have not applied it yet. Their next page does,
    // as soon as the as-of view has made its first read of the claims read model.
    readModels = given(log.slice(0, 2));
    const worker = new ProjectionEngine(readModels.generation);
    const claims = interleaved(readModels.claims, () => worker.apply([late]));
    timeTravel = new TimeTravel(store, claims, new RegistryHistory(store, readModels.parties), new DeskCalendar());
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string, PointInTime]>([
    ['at its position', { atPosition: late.position }],
    ['as of its recordedAt', { asOf: late.metadata.recordedAt }],
  ])('keeps a claim the page brought, asked %s, and equals the live view', async (_name, point) => {
    const asOf = await timeTravel.storyline(STORYLINE, point, 50);

    expect(asOf?.claims.map((claim) => claim.id)).toEqual(['ready', 'late']);
    expect(readModels.claims.checkpoint()).toBe(late.position);
    expect(asOf).toEqual(readModels.storylines.get(STORYLINE, 50));
  });

  it('keeps it on the page of claims', async () => {
    const claims = await timeTravel.storylineClaims(STORYLINE, { atPosition: late.position }, { limit: 50 });

    expect(claims?.items.map((claim) => claim.id)).toEqual(['ready', 'late']);
  });

  it('keeps it on the timeline', async () => {
    const timeline = await timeTravel.timeline(STORYLINE, { atPosition: late.position });

    expect(timeline.map(({ entry }) => entry.claimId)).toEqual(['ready', 'late']);
  });
});
