import fs from 'node:fs';
import path from 'node:path';
import { PROCESS_TEST_TIMEOUT_MS, waitUntil } from '../../support/deadlines';
import { expectProblem } from '../../support/problem-response';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/test-app';

// Starts a service process and waits on it: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

interface LogLine {
  level: number;
  msg: string;
}

const WARN = 40;

// A read that waits for a position the projections have not reached is an answer (503, retry), not a
// fault of the service: the operator sees one warning line, not an error with a stack.
describe('the log of a minPosition the read models do not reach in time', () => {
  const dir = makeTempDir();
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ SQLITE_PATH: path.join(dir, 'factline.db'), LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is one warning line naming the request and the position, without a stack', async () => {
    const url = '/v1/storylines?minPosition=123456789';
    const answer = await server.request('GET', url, { as: 'reader' });
    expectProblem(answer, 503, /not reached position 123456789/);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);

    const mentions = (output: string) => output.split('\n').filter((line) => line.includes('123456789'));
    const output = await waitUntil('the log line', server.stdout, (logged) => mentions(logged).length > 0);
    const [line] = mentions(output);
    expect(mentions(server.stdout() + server.stderr())).toHaveLength(1);
    const logged = JSON.parse(line) as LogLine;
    expect(logged.level).toBe(WARN);
    expect(logged.msg).toBe(
      `GET ${url} answered 503: projections have not reached position 123456789 yet; retry shortly`,
    );
    expect(line).not.toMatch(/\\n\s+at /);
  });
});
