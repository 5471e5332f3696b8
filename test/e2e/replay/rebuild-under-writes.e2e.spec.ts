import fs from 'node:fs';
import path from 'node:path';
import { dumpReadModels } from '../../support/read-model-tables';
import { readModelPathOf } from '../../support/read-model-path';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { runRandomWorkload, snapshotViews, waitForLiveProjections } from '../../support/workload';

// Commands keep arriving while every projection is rebuilt, again and again: the swap must
// neither lose an event that landed during the rebuild nor apply one twice.
describe('rebuilding while commands keep arriving', () => {
  const dir = makeTempDir();
  let app: TestApp;

  beforeAll(async () => (app = await startTestApp({ dir })));
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ends with the same read models as a rebuild from zero on a quiet log', async () => {
    const names = ['claims', 'storylines', 'timeline'];
    let writing = true;
    let rebuilds = 0;
    const writes = Promise.all(
      [11, 12, 13].map((seed) => runRandomWorkload(app, seed, { storylines: 2, claims: 8, developments: 60 })),
    ).finally(() => (writing = false));
    while (writing) {
      for (const name of names) {
        const response = await app.request('POST', `/v1/projections/${name}/rebuild`, { as: 'admin' });
        // 409 when the previous rebuild of this projection is still running.
        expect([202, 409]).toContain(response.status);
        if (response.status === 202) rebuilds += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const head = Math.max(...(await writes));
    await waitForLiveProjections(app);
    expect(rebuilds).toBeGreaterThan(names.length);
    const rebuiltUnderLoad = await snapshotViews(app, head);
    const tablesUnderLoad = dumpReadModels(readModelPathOf(app.sqlitePath)).tables;
    await app.close();

    app = await startTestApp({ dir, env: { READ_MODEL_PATH: path.join(dir, 'quiet.read-models.db') } });
    await waitForLiveProjections(app);
    expect(await snapshotViews(app, head)).toEqual(rebuiltUnderLoad);
    expect(dumpReadModels(path.join(dir, 'quiet.read-models.db')).tables).toEqual(tablesUnderLoad);
  });
});
