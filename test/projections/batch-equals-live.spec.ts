import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { GenerationBuild } from '../../src/application/read-models/runtime/build-generation';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import { SeededRandom } from '../../bench/workload/seeded-random';
import { dumpReadModels } from '../support/read-model-tables';
import { generatedLog } from './support/generated-log';
import { given } from './support/projection-spec';

/** The log appended to a store on a temp file, stream by stream with the revisions it was generated with. */
async function storeOf(dir: string, log: StoredEvent[]): Promise<SqliteEventStore> {
  const store = new SqliteEventStore(path.join(dir, 'events.db'));
  for (const event of log) {
    await store.append(event.streamId, [event], event.revision === 0 ? 'no_stream' : event.revision - 1);
  }
  return store;
}

/** A rebuild as `factline replay` runs it, batch-loading the log up to `splitAt` (all of it without), the rest page by page. */
async function rebuilt(dir: string, store: SqliteEventStore, splitAt?: number) {
  const file = path.join(dir, `read-models-${splitAt ?? 'all'}.db`);
  const db = openReadModelFile(file);
  try {
    const readModels = new SqliteReadModelStore(db);
    const build = new GenerationBuild(store, readModels);
    const signal = new AbortController().signal;
    if (splitAt !== undefined) await build.applyUpTo(splitAt, signal);
    const engine = await build.complete(signal);
    readModels.promote(engine.generation);
  } finally {
    db.close();
  }
  return dumpReadModels(file).tables;
}

// Property: the batch rebuild (the registry folded first, each claim folded and evaluated once at the
// end) writes the same rows as the live projections fed the same log a few events at a time, and so
// does a batch cut short with the rest applied page by page, as a rebuild that compares does.
describe.each([
  [404, false],
  [505, true],
])('a batch rebuild of generated log %i (storylines opened late: %s)', (seed, lateOpenings) => {
  const log = generatedLog(seed, 3000, lateOpenings);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-batch-'));
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = await storeOf(dir, log);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the rows the live projections write', async () => {
    const random = new SeededRandom(seed);
    const live = given(log, { pageSize: () => random.integer(1, 40) });
    try {
      const expected = live.tables();
      expect(expected.claims.length).toBeGreaterThan(100);
      expect(expected.registry.length).toBeGreaterThan(20);
      expect(await rebuilt(dir, store)).toEqual(expected);
      expect(await rebuilt(dir, store, 1_234)).toEqual(expected);
    } finally {
      live.close();
    }
  });
});
