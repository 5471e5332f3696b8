import fs from 'node:fs';
import path from 'node:path';
import { appendBulkStoryline } from '../../support/direct-append';
import { dumpReadModels } from '../../support/read-model-tables';
import { readModelPathOf } from '../../support/read-model-path';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';
import { PROCESS_TEST_TIMEOUT_MS } from '../../support/deadlines';

// Starts service processes and waits on them: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

// The shadow of a rebuild lives in tables of its own: a crash in the middle leaves the live ones
// as they were, and the next rebuild starts over.
describe('a server killed in the middle of a rebuild', () => {
  const dir = makeTempDir();
  const env = { SQLITE_PATH: path.join(dir, 'factline.db') };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('comes back with the live read models it had, and rebuilds them again', async () => {
    const storylineId = 'bulk-killed-rebuild';
    const head = await appendBulkStoryline(env.SQLITE_PATH, storylineId, 6000, 9);
    server = await startServerProcess(env);
    await waitForLiveProjections(server);
    const readModels = () => dumpReadModels(readModelPathOf(env.SQLITE_PATH));
    const storyline = async () =>
      (await server!.request('GET', `/v1/storylines/${storylineId}`, { as: 'reader' })).body;
    const before = readModels();
    const storylineBefore = await storyline();
    expect(storylineBefore.claimCount).toBe(6000);

    expect((await server.request('POST', '/v1/projections/storylines/rebuild', { as: 'admin' })).status).toBe(202);
    const { body } = await server.request('GET', '/v1/projections', { as: 'admin' });
    expect(body.items.find((item: { name: string }) => item.name === 'storylines').state).toBe('rebuilding');
    await server.kill('SIGKILL');

    server = await startServerProcess(env);
    const afterCrash = readModels();
    expect(afterCrash.generation).toBe(before.generation);
    expect(afterCrash.tables).toEqual(before.tables);
    await waitForLiveProjections(server);
    expect(await storyline()).toEqual(storylineBefore);

    expect((await server.request('POST', '/v1/projections/storylines/rebuild', { as: 'admin' })).status).toBe(202);
    const projections = await waitForLiveProjections(server);
    expect(projections.every((item: { checkpoint: number }) => item.checkpoint === head)).toBe(true);
    const rebuilt = readModels();
    expect(rebuilt.generation).toBe(before.generation + 1);
    expect(rebuilt.tables).toEqual(before.tables);
    expect(await storyline()).toEqual(storylineBefore);
  });
});
