import fs from 'node:fs';
import path from 'node:path';
import { claimBody, storylineBody } from '../support/fixtures';
import { TestResponse } from '../support/http-client';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { mountSmallDisk, SmallDisk } from '../support/small-disk';
import { makeTempDir } from '../support/test-app';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const logLines = (server: ServerProcess) =>
  server
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown });

const diskDir = makeTempDir();

describe('the event store on a full disk', () => {
  const readModels = makeTempDir();
  let server: ServerProcess | undefined;
  let disk: SmallDisk;

  beforeAll(() => {
    disk = mountSmallDisk(diskDir, 16);
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    disk?.unmount();
    fs.rmSync(diskDir, { recursive: true, force: true });
    fs.rmSync(readModels, { recursive: true, force: true });
  });

  it.each([
    ['on the writer thread', 'true'],
    ['on the HTTP thread', 'false'],
  ])(
    'appending %s: answers 503 problem+json with Retry-After, /health names the cause, and recovers when space returns',
    async (_mode, workerThreads) => {
      await server?.kill('SIGKILL');
      // The read models live elsewhere: this is about the event store alone.
      server = await startServerProcess(
        {
          SQLITE_PATH: path.join(disk.dir, `factline-${workerThreads}.db`),
          READ_MODEL_PATH: path.join(readModels, `read-models-${workerThreads}.db`),
          WORKER_THREADS: workerThreads,
          LOG_LEVEL: 'info',
        },
        60_000,
      );
      const storylineId = (await server.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
      const record = (attempt: number) =>
        server!.request('POST', `/v1/storylines/${storylineId}/claims`, {
          body: claimBody({ statement: `Recorded on a full disk, attempt ${attempt}` }),
        });

      disk.fill();
      const answers: Array<{ attempt: number; response: TestResponse }> = [];
      // Eight at a time, so refused appends share a group commit with others.
      const refused = await until('a write refused for the full disk', async () => {
        const attempts = Array.from({ length: 8 }, (_, index) => answers.length + index);
        const responses = await Promise.all(attempts.map(record));
        responses.forEach((response, index) => answers.push({ attempt: attempts[index], response }));
        return responses.find((response) => response.status !== 201);
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({ type: '/problems/store-unavailable', status: 503 });
      expect(refused.body.detail).toMatch(/factline-\w+\.db.*(disk is full|SQLITE_FULL)/);

      const whileFull = await server.request('GET', '/health', { as: 'reader' });
      expect(whileFull.status).toBe(503);
      expect(whileFull.body).toMatchObject({ status: 'degraded', eventStore: 'down' });
      expect(whileFull.body.eventStoreError).toMatch(/factline-\w+\.db.*SQLITE_FULL/);
      const again = await record(answers.length);
      answers.push({ attempt: answers.length, response: again });
      expect(again.status).toBe(503);

      disk.free();
      // No write needed: /health's probe sees the space back.
      await until('/health 200 after the space came back', async () => {
        const health = await server!.request('GET', '/health', { as: 'reader' });
        return health.status === 200 ? health : undefined;
      });
      const resumed = await record(answers.length);
      answers.push({ attempt: answers.length, response: resumed });
      expect(resumed.status).toBe(201);

      // Every 201 is in the log, no refused write is.
      const log = await server.request('GET', '/v1/events?limit=500', { as: 'reader' });
      const stored = JSON.stringify(log.body.items);
      for (const { attempt, response } of answers) {
        const statement = `Recorded on a full disk, attempt ${attempt}`;
        expect({ attempt, status: response.status, stored: stored.includes(`"${statement}"`) }).toEqual({
          attempt,
          status: response.status,
          stored: response.status === 201,
        });
      }

      const lines = logLines(server);
      const faults = lines.filter((line) => /cannot be written/.test(line.msg));
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatchObject({ level: 50, msg: expect.stringMatching(/SQLITE_FULL/) });
      expect(lines.filter((line) => /takes writes again/.test(line.msg))).toHaveLength(1);
      // The refusals are warnings of one line each, without a stack.
      const refusals = lines.filter((line) => /^POST \S+ answered 503: /.test(line.msg));
      expect(refusals.length).toBeGreaterThanOrEqual(2);
      expect(refusals.every((line) => line.level === 40 && !/\n\s+at /.test(line.msg) && !line.err)).toBe(true);
      process.stdout.write(
        `full disk: ${answers.filter(({ response }) => response.status === 503).length} × 503 store-unavailable; ` +
          `log: ${faults[0].msg}\n`,
      );
    },
  );
});
