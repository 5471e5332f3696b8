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

  /** The read models share one fold of the log: they are rebuilt together. */
  async function rebuildAll(route = '/v1/projections/rebuild') {
    const accepted = await app.request('POST', route, { as: 'admin' });
    expect(accepted.status).toBe(202);
    expect([...accepted.body.rebuilding].sort()).toEqual([...names].sort());
    await waitForLiveProjections(app);
    return accepted.body;
  }

  it('gives back the same storyline, claim and timeline views after every projection is rebuilt', async () => {
    expect(names).toEqual(expect.arrayContaining(['claims', 'storylines', 'timeline', 'parties']));
    const before = await snapshotViews(app, head);
    expect(before.storylineList.length).toBeGreaterThan(0);
    expect(before.claims.length).toBeGreaterThan(0);
    const generationBefore = dumpReadModels(readModelPathOf(app.sqlitePath)).generation;

    expect(await rebuildAll()).toEqual({
      state: 'rebuilding',
      rebuilding: expect.any(Array),
      status: '/v1/projections',
    });
    const projections = await waitForLiveProjections(app);

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

  it('rebuilds every read model through the old route too, when it names a projection that exists', async () => {
    const generationBefore = dumpReadModels(readModelPathOf(app.sqlitePath)).generation;
    expect(await rebuildAll('/v1/projections/timeline/rebuild')).toEqual({
      name: 'timeline',
      state: 'rebuilding',
      rebuilding: expect.any(Array),
      status: '/v1/projections',
    });
    expect(dumpReadModels(readModelPathOf(app.sqlitePath)).generation).toBe(generationBefore + 1);
  });

  it('lets only an admin rebuild, and answers an unknown name with the known ones', async () => {
    for (const route of ['/v1/projections/rebuild', '/v1/projections/claims/rebuild']) {
      expect({ route, status: (await app.request('POST', route, { as: 'reporter' })).status }).toEqual({
        route,
        status: 403,
      });
    }
    const generationBefore = dumpReadModels(readModelPathOf(app.sqlitePath)).generation;
    const unknown = await app.request('POST', '/v1/projections/no-such-projection/rebuild', { as: 'admin' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body.detail).toBe(
      'no projection named no-such-projection; the projections are claims, storylines, timeline, parties',
    );
    expect((await app.request('GET', '/v1/projections', { as: 'reader' })).status).toBe(403);
    expect((await waitForLiveProjections(app)).every((item: { state: string }) => item.state === 'live')).toBe(true);
    expect(dumpReadModels(readModelPathOf(app.sqlitePath)).generation).toBe(generationBefore);
  });
});
