import fs from 'node:fs';
import path from 'node:path';
import { appendBulkStoryline } from '../../support/direct-append';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/test-app';
import { PROCESS_TEST_TIMEOUT_MS, waitUntil } from '../../support/deadlines';

// Starts service processes and waits on them: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

// A service started on a log its read models have never seen (a restore, a fresh read-model file)
// catches up page by page; meanwhile it must already answer, as a child process seen from outside.
describe('a service catching up a long log at start', () => {
  const dir = makeTempDir();
  const storylineId = 'bulk-catch-up';
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers requests before its projections are live, and serves reads that wait for a position', async () => {
    const sqlitePath = path.join(dir, 'factline.db');
    const head = await appendBulkStoryline(sqlitePath, storylineId, 4000, 9);
    server = await startServerProcess({ SQLITE_PATH: sqlitePath });

    const early = await server.request('GET', '/v1/projections', { as: 'admin' });
    expect(early.status).toBe(200);
    expect(early.body.items.some((item: { checkpoint: number }) => item.checkpoint < head)).toBe(true);
    expect(early.body.items.every((item: { state: string }) => item.state !== 'stopped')).toBe(true);

    // A read waits for the position a while, then answers 503 with Retry-After; a client asks again.
    const read = () => server!.request('GET', `/v1/storylines/${storylineId}?minPosition=${head}`, { as: 'reader' });
    const storyline = await waitUntil(`a read at position ${head}`, read, (answer) => {
      if (answer.status === 503) expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      return answer.status !== 503;
    });
    expect(storyline.status).toBe(200);
    expect(storyline.body.claimCount).toBe(4000);
    expect(storyline.body.status).toBe('developing');
  });
});
