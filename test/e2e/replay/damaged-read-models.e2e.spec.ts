import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { appendBulkStoryline } from '../../support/direct-append';
import { readModelPathOf } from '../../support/read-model-path';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/test-app';
import { seededRandom, waitForLiveProjections } from '../../support/workload';

const storylineId = 'damaged-read-models';
const claims = 240;
const reads = [
  ...Array.from({ length: claims }, (_, index) => `/v1/claims/${storylineId}-claim-${index}`),
  `/v1/storylines/${storylineId}`,
  `/v1/storylines/${storylineId}/timeline?limit=100`,
  '/v1/claims?limit=100',
];

function garbage(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

function overwrite(file: string, from: number, to: number, seed: number): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage(to - from, seed), 0, to - from, from);
  fs.closeSync(fd);
}

/** What an operator could find on a disk: a file cut short, a header overwritten, its end overwritten. */
const damages: Record<string, (file: string) => void> = {
  'cut to half its length': (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
  'with garbage over its header': (file) => overwrite(file, 0, 4096, 1),
  'with garbage over its last quarter': (file) => {
    const size = fs.statSync(file).size;
    overwrite(file, Math.floor((size * 3) / 4), size, 2);
  },
  'with garbage over its middle half': (file) => {
    const size = fs.statSync(file).size;
    overwrite(file, Math.floor(size / 4), Math.floor((size * 3) / 4), 3);
  },
};

const cases = [
  ...['cut to half its length', 'with garbage over its header', 'with garbage over its last quarter'].map((damage) => ({
    damage,
    when: 'found at start',
  })),
  // Over pages the running server has not read yet: the first query to reach them meets the damage.
  { damage: 'with garbage over its middle half', when: 'while it is served' },
];

// The read-model file is derived from the log: whatever happened to it, the service rebuilds it and
// serves what the log says. The server is a child process, as it would be found after a bad disk.
describe.each(cases)('a read-model file $damage, $when', ({ damage, when }) => {
  const dir = makeTempDir();
  const sqlitePath = path.join(dir, 'factline.db');
  const readModelFile = readModelPathOf(sqlitePath);
  const env = { SQLITE_PATH: sqlitePath, LOG_LEVEL: 'error' };
  let server: ServerProcess | undefined;
  let expected: unknown[];

  beforeAll(async () => {
    await appendBulkStoryline(sqlitePath, storylineId, claims, 1);
    server = await startServerProcess(env, 30_000);
    await waitForLiveProjections(server, 30_000);
    const first = server;
    expected = await Promise.all(reads.map(async (url) => (await first.request('GET', url, { as: 'reader' })).body));
    await first.kill();
    server = undefined;
    // Everything in the file itself, as after a clean close, so the damage is to what the next start reads.
    const db = new Database(readModelFile);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fs.existsSync(`${readModelFile}-wal`)).toBe(false);
    if (when === 'while it is served') {
      server = await startServerProcess(env, 30_000);
      await waitForLiveProjections(server, 30_000);
    }
    damages[damage](readModelFile);
  }, 150_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is moved aside with one log line naming it, and rebuilt: every read answers as before', async () => {
    server ??= await startServerProcess(env, 30_000);
    const served = server;
    const deadline = Date.now() + 60_000;
    const unavailable: number[] = [];
    for (;;) {
      const answers = await Promise.all(reads.map((url) => served.request('GET', url, { as: 'reader' })));
      for (const [index, answer] of answers.entries()) {
        // While the file is rebuilt, a read is told to come back: never a 500, never a wrong answer.
        if (answer.status === 503) expect(answer.headers.get('retry-after')).toBeTruthy();
        else {
          // A server error brings the server's own log into the failure, to say what broke.
          const log = answer.status >= 500 ? { log: `${served.stdout()}${served.stderr()}` } : {};
          expect({ status: answer.status, body: answer.body, ...log }).toEqual({ status: 200, body: expected[index] });
        }
      }
      unavailable.push(answers.filter((answer) => answer.status === 503).length);
      if (answers.every((answer) => answer.status === 200)) break;
      if (Date.now() > deadline) throw new Error(`still unavailable after 60 s: ${unavailable.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const lines = served
      .stderr()
      .split('\n')
      .filter((line) => line.includes('is damaged'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`read models: ${readModelFile} is damaged (`);
    expect(lines[0]).toContain('it is derived data');
    const movedAside = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(`${path.basename(readModelFile)}.damaged-`));
    expect(movedAside.length).toBeGreaterThan(0);

    await waitForLiveProjections(served, 30_000);
    const health = await served.request('GET', '/health', { as: 'nobody' });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
  }, 150_000);
});
