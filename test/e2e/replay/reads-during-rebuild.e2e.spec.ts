import fs from 'node:fs';
import path from 'node:path';
import { appendBulkStoryline } from '../../support/direct-append';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';
import { PROCESS_TEST_TIMEOUT_MS } from '../../support/deadlines';

// Starts service processes and waits on them: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

// The server runs as a child process here: in-process, the test's own HTTP client would share the
// event loop with the rebuild and could not tell a slow read from a blocked one.
describe('reads while projections are rebuilt', () => {
  const storylineId = 'bulk-reads-during-rebuild';
  const claims = 2500;
  let dir: string;
  let server: ServerProcess;
  let head: number;

  beforeAll(async () => {
    dir = makeTempDir();
    const sqlitePath = path.join(dir, 'factline.db');
    head = await appendBulkStoryline(sqlitePath, storylineId, claims, 11);
    server = await startServerProcess({ SQLITE_PATH: sqlitePath });
    await waitForLiveProjections(server);
  });
  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const stateOf = async (name: string): Promise<string> => {
    const { body } = await server.request('GET', '/v1/projections', { as: 'admin' });
    return body.items.find((item: { name: string }) => item.name === name).state;
  };

  it('answers 200 with the same views while each projection is rebuilding', async () => {
    const reads = [
      `/v1/claims/${storylineId}-claim-7`,
      `/v1/storylines/${storylineId}`,
      `/v1/storylines/${storylineId}/timeline?limit=5`,
    ];
    const expected = await Promise.all(
      reads.map(async (url) => (await server.request('GET', url, { as: 'reader' })).body),
    );
    const answeredDuringRebuild: Record<string, number> = {};

    for (const name of ['claims', 'storylines', 'timeline', 'parties']) {
      answeredDuringRebuild[name] = 0;
      expect((await server.request('POST', `/v1/projections/${name}/rebuild`, { as: 'admin' })).status).toBe(202);
      while ((await stateOf(name)) === 'rebuilding') {
        const answers = await Promise.all(reads.map((url) => server.request('GET', url, { as: 'reader' })));
        // Counted only when the projection still says "rebuilding" after the reads were answered.
        if ((await stateOf(name)) !== 'rebuilding') break;
        for (const [index, answer] of answers.entries()) {
          expect(answer.status).toBe(200);
          expect(answer.body).toEqual(expected[index]);
        }
        answeredDuringRebuild[name] += answers.length;
      }
    }

    expect(Object.values(answeredDuringRebuild).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    const projections = await waitForLiveProjections(server);
    expect(projections.every((item: { checkpoint: number }) => item.checkpoint === head)).toBe(true);
    const storyline = await server.request('GET', `/v1/storylines/${storylineId}`, { as: 'reader' });
    expect(storyline.body.claimCount).toBe(claims);
  });
});
