import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReadModelGeneration } from '../../src/application/ports/read-model-store.port';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import { dumpReadModels } from '../support/read-model-tables';
import { generatedLog } from './support/generated-log';
import { given } from './support/projection-spec';

/** The generation, counting the claims it is asked to read back from their rows or fold whole. */
function counted(generation: ReadModelGeneration) {
  const asked = { rows: 0, wholeFolds: [] as string[] };
  const spied = Object.create(generation) as ReadModelGeneration;
  spied.loadClaims = (ids) => {
    asked.rows += ids.length;
    return generation.loadClaims(ids);
  };
  spied.loadClaimFolds = (ids) => {
    asked.wholeFolds.push(...ids);
    return generation.loadClaimFolds(ids);
  };
  return { spied, asked };
}

const PAGE = 20;

function applyInPages(engine: ProjectionEngine, events: StoredEvent[]): void {
  for (let start = 0; start < events.length; start += PAGE) engine.apply(events.slice(start, start + PAGE));
}

const correctedClaims = (events: StoredEvent[]) =>
  new Set(
    events.flatMap((event) => (event.type === 'ClaimCorrected' ? [(event.data as { claimId: string }).claimId] : [])),
  );

/**
 * The projection holds the facts of every claim it wrote, packed, and keeps them in the claim's row:
 * a page evaluates the claims it reaches (its own, a registry event's cascade, rivals) from memory,
 * folding a claim whole only for a correction, and a restart reads them back without folding anything.
 */
describe('the claim facts the projection holds', () => {
  const log = generatedLog(31, 4_000, false);
  const half = Math.floor(log.length / 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-claim-facts-'));
  const file = path.join(dir, 'read-models.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates every claim from memory, and after a restart from its row, as a build of the whole log does', () => {
    expect(log.some((event) => event.type.startsWith('Party'))).toBe(true);
    const first = openReadModelFile(file);
    const store = new SqliteReadModelStore(first);
    const generation = store.createGeneration(READ_MODEL_VERSIONS, { bulk: false });
    store.promote(generation);
    const before = counted(generation);
    applyInPages(new ProjectionEngine(before.spied), log.slice(0, half));
    expect(before.asked.rows).toBe(0);
    const correctedFirst = correctedClaims(log.slice(0, half));
    expect(before.asked.wholeFolds.every((id) => correctedFirst.has(id))).toBe(true);
    first.close();

    const second = openReadModelFile(file);
    const restarted = new SqliteReadModelStore(second).active() as ReadModelGeneration;
    const after = counted(restarted);
    applyInPages(new ProjectionEngine(after.spied), log.slice(half));
    expect(after.asked.rows).toBe(0);
    const corrected = correctedClaims(log.slice(half));
    expect(after.asked.wholeFolds.every((id) => corrected.has(id))).toBe(true);
    second.close();

    const whole = given(log, { pageSize: PAGE });
    try {
      expect(dumpReadModels(file).tables).toEqual(dumpReadModels(whole.file).tables);
    } finally {
      whole.close();
    }
  });

  // The party table's new parties commit with the page whose claims first name them: a page that
  // fails to commit leaves them to the next page written, and a restart reads back every party a
  // packed claim names.
  it('keeps the parties of a page that failed to commit for the next page, and reads them back after a restart', () => {
    const failedFile = path.join(dir, 'failed-page.db');
    const first = openReadModelFile(failedFile);
    const store = new SqliteReadModelStore(first);
    const generation = store.createGeneration(READ_MODEL_VERSIONS, { bulk: false });
    store.promote(generation);
    const failing = Object.create(generation) as ReadModelGeneration;
    let failures = 0;
    failing.write = (page) => {
      if (failures < 3 && page.newParties && page.newParties.from > 0) {
        failures += 1;
        throw new Error('disk full');
      }
      generation.write(page);
    };
    const engine = new ProjectionEngine(failing);
    for (let start = 0; start < half; start += PAGE) {
      const events = log.slice(start, start + PAGE);
      try {
        engine.apply(events);
      } catch {
        engine.apply(events);
      }
    }
    expect(failures).toBe(3);
    first.close();

    const second = openReadModelFile(failedFile);
    const restarted = new SqliteReadModelStore(second).active() as ReadModelGeneration;
    applyInPages(new ProjectionEngine(restarted), log.slice(half));
    second.close();

    const whole = given(log, { pageSize: PAGE });
    try {
      expect(dumpReadModels(failedFile).tables).toEqual(dumpReadModels(whole.file).tables);
    } finally {
      whole.close();
    }
  });

  // A generation of claims read model 9 serves while its successor is built: the engine keeps
  // packing its claims as that version did, each with a table of its own parties.
  it('writes a generation of claims read model 9 in its own form, and reads it back after a restart', () => {
    const olderFile = path.join(dir, 'read-model-9.db');
    const first = openReadModelFile(olderFile);
    const store = new SqliteReadModelStore(first);
    const generation = store.createGeneration({ ...READ_MODEL_VERSIONS, claims: 9 }, { bulk: false });
    store.promote(generation);
    expect(generation.partyTable()).toBeUndefined();
    applyInPages(new ProjectionEngine(generation), log.slice(0, half));
    first.close();

    const second = openReadModelFile(olderFile);
    const restarted = new SqliteReadModelStore(second).active() as ReadModelGeneration;
    const after = counted(restarted);
    applyInPages(new ProjectionEngine(after.spied), log.slice(half));
    expect(after.asked.rows).toBe(0);
    const packed = [...(restarted.packedClaims() as Map<string, string>).values()];
    expect(packed.length).toBeGreaterThan(100);
    expect(packed.every((facts) => facts.startsWith('[9,'))).toBe(true);
    second.close();
  });
});
