import { dumpReadModels } from '../../support/read-model-tables';
import { readModelPathOf } from '../../support/read-model-path';
import { startTestApp, TestApp } from '../../support/test-app';
import { runRandomWorkload, snapshotViews, waitForLiveProjections } from '../../support/workload';

describe('rebuilding projections over HTTP', () => {
  let app: TestApp;
  let head: number;
  let names: string[];

  beforeAll(async () => {
    app = await startTestApp();
    head = await runRandomWorkload(app, 20260127);
    names = (await waitForLiveProjections(app)).map((item: { name: string }) => item.name);
  });
  afterAll(() => app.close());

  /** The read models share one fold of the log: rebuilding one rebuilds them all. */
  async function rebuildAll() {
    const accepted = await app.request('POST', '/v1/projections/claims/rebuild', { as: 'admin' });
    expect(accepted.status).toBe(202);
    expect([...accepted.body.rebuilding].sort()).toEqual([...names].sort());
    return waitForLiveProjections(app);
  }

  it('gives back the same storyline, claim and timeline views after every projection is rebuilt', async () => {
    expect(names).toEqual(expect.arrayContaining(['claims', 'storylines', 'timeline', 'parties']));
    const before = await snapshotViews(app, head);
    expect(before.storylineList.length).toBeGreaterThan(0);
    expect(before.claims.length).toBeGreaterThan(0);
    const generationBefore = dumpReadModels(readModelPathOf(app.sqlitePath)).generation;

    const projections = await rebuildAll();

    expect(projections.every((item: { checkpoint: number }) => item.checkpoint >= head)).toBe(true);
    expect(dumpReadModels(readModelPathOf(app.sqlitePath)).generation).toBe(generationBefore + 1);
    expect(await snapshotViews(app, head)).toEqual(before);
  });

  it('writes byte-identical read-model tables on two rebuilds, equal to the incrementally built ones', async () => {
    const readModelPath = readModelPathOf(app.sqlitePath);
    const incremental = dumpReadModels(readModelPath);
    await rebuildAll();
    const first = dumpReadModels(readModelPath);
    await rebuildAll();
    const second = dumpReadModels(readModelPath);

    expect(second.generation).toBe(first.generation + 1);
    expect(first.tables.claims.length).toBeGreaterThan(0);
    expect(first.tables.timeline.length).toBeGreaterThan(0);
    expect(second.tables).toEqual(first.tables);
    expect(first.tables).toEqual(incremental.tables);
  });

  it('lets only an admin rebuild, and only a projection that exists', async () => {
    const byReporter = await app.request('POST', '/v1/projections/claims/rebuild', { as: 'reporter' });
    expect(byReporter.status).toBe(403);
    const unknown = await app.request('POST', '/v1/projections/no-such-projection/rebuild', { as: 'admin' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await app.request('GET', '/v1/projections', { as: 'reader' })).status).toBe(403);
    expect((await waitForLiveProjections(app)).every((item: { state: string }) => item.state === 'live')).toBe(true);
  });
});
