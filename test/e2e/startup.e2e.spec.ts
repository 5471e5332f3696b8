import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROCESS_TEST_TIMEOUT_MS, SERVER_READY_DEADLINE_MS } from '../support/deadlines';
import { makeTempDir } from '../support/test-app';

// Starts service processes and waits on them: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

const MAIN = path.join(__dirname, '../../dist/main.js');

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

function runMain(env: Record<string, string>, untilOutput?: RegExp): Promise<Run & { child: ChildProcess }> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `no exit or expected output within ${SERVER_READY_DEADLINE_MS} ms; stdout: ${stdout} stderr: ${stderr}`,
        ),
      );
    }, SERVER_READY_DEADLINE_MS);
    const check = () => {
      if (untilOutput && untilOutput.test(stdout + stderr)) {
        clearTimeout(timer);
        resolve({ code: null, stdout, stderr, child });
      }
    };
    child.stdout.on('data', (chunk) => ((stdout += chunk), check()));
    child.stderr.on('data', (chunk) => ((stderr += chunk), check()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, child });
    });
  });
}

describe('starting the service', () => {
  const dir = makeTempDir();
  const sqlite = { SQLITE_PATH: path.join(dir, 'factline.db') };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['EVENT_STORE', { EVENT_STORE: 'postgres' }],
    ['API_KEYS', { API_KEYS: 'desk:superuser:secret' }],
    ['KURRENTDB_CONNECTION_STRING', { EVENT_STORE: 'kurrentdb' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://desk.example.org/, desk.example.org' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: 'lots' }],
    ['AUTH_FAILURES_PER_MINUTE', { AUTH_FAILURES_PER_MINUTE: '-1' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'sometimes' }],
    ['LIVE_MAX_CLIENTS', { LIVE_MAX_CLIENTS: '0' }],
    ['LIVE_STALL_TIMEOUT_MS', { LIVE_STALL_TIMEOUT_MS: 'soon' }],
    ['SHUTDOWN_GRACE_MS', { SHUTDOWN_GRACE_MS: '-1' }],
    // Port 9 (discard) is closed on loopback: KurrentDB unreachable at start.
    [
      'KURRENTDB_CONNECTION_STRING',
      { EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'kurrentdb://127.0.0.1:9?tls=false' },
    ],
  ])('stops with one line naming %s when its value is wrong', async (variable, env) => {
    const run = await runMain({ ...sqlite, ...env });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('without API_KEYS serves on 127.0.0.1 only and says that auth is off', async () => {
    const run = await runMain({ ...sqlite, PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'info' }, /http:\/\/127\.0\.0\.1:/);
    try {
      expect(run.stdout + run.stderr).toMatch(/auth is off/);
      expect(run.stdout + run.stderr).toMatch(/ignoring HOST=0\.0\.0\.0/);
    } finally {
      run.child.kill('SIGTERM');
    }
  });
});
