import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { ProjectionRunner } from '../../src/application/read-models/runtime/projection-runner';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { ClaimViews } from '../../src/application/read-models/claims/claim-views';
import { ClaimQueries } from '../../src/infrastructure/read-models/claims/claim.queries';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { ReadModelReader } from '../../src/infrastructure/read-models/read-model-reader';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import { claimRecorded, storylineOpened, supported, reuters } from './support/events';
import { storedLog } from './support/projection-spec';

describe('read models built by an older version of the rules', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-upgrade-'));
  const file = path.join(dir, 'read-models.db');
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = new SqliteEventStore(path.join(dir, 'events.db'));
    for (const event of storedLog([storylineOpened(), claimRecorded('ft-report'), supported('ft-report', reuters)])) {
      await store.append(event.streamId, [event], event.revision === 0 ? 'no_stream' : event.revision - 1);
    }
    // What an older release left: the same tables, built under a status rule one version back.
    const db = openReadModelFile(file);
    const readModels = new SqliteReadModelStore(db);
    const old = readModels.createGeneration(
      { ...READ_MODEL_VERSIONS, statusRule: READ_MODEL_VERSIONS.statusRule - 1 },
      { bulk: false },
    );
    new ProjectionEngine(old).apply(await store.readAll({ limit: 10 }));
    readModels.promote(old);
    db.close();
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are rebuilt at start in a new generation, while the old one keeps serving, then swapped in', async () => {
    const db = openReadModelFile(file);
    const readModels = new SqliteReadModelStore(db);
    const reader = new ReadModelReader(file);
    const claims = new ClaimViews(new ClaimQueries(reader));
    const before = reader.status().active;
    const runner = new ProjectionRunner(store, readModels);

    await runner.start();
    expect(runner.isRebuilding()).toBe(true);
    expect(reader.status().active?.generation).toBe(before?.generation);
    expect(claims.get('ft-report')?.status).toBe('corroborated');

    await runner.settled();
    const after = reader.status().active;
    expect(after?.generation).toBe((before?.generation ?? 0) + 1);
    expect(after?.versions).toEqual(READ_MODEL_VERSIONS);
    expect(claims.get('ft-report')?.status).toBe('corroborated');
    await runner.stop();
    reader.close();
    db.close();
  });
});
