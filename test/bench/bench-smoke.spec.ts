import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/**
 * The quick bench takes minutes alone and many times that beside other work on the same cores; past
 * this it is stopped, with everything it started, and the test names the step it was stuck in.
 */
const BENCH_DEADLINE_MS = 40 * 60_000;
const COMPILE_DEADLINE_MS = 5 * 60_000;

/** Every number in the results, with where it sits, so a missing or broken figure is named. */
function numbersIn(value: unknown, at = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${at}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, at ? `${at}.${key}` : key));
  }
  return [];
}

/** The bench in a process group of its own, so a bench stopped at the deadline takes its services with it. */
function runBench(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(root, 'dist/bench/bench/run-bench.js'), ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), BENCH_DEADLINE_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(stdout);
      const steps = stderr.trim().split('\n').slice(-6).join('\n');
      const why = signal ? `was stopped after ${BENCH_DEADLINE_MS / 60_000} minutes` : `exited with ${code}`;
      reject(new Error(`npm run bench -- --quick ${why}; its last lines:\n${steps}`));
    });
  });
}

/**
 * The shape of one load run: counts are whole and add up, and the latencies are there exactly when
 * some request was answered 2xx, the median never above the 99th percentile.
 */
function expectLoadFigures(figures: Record<string, number | null>, at: string): void {
  expect({ at, keys: Object.keys(figures).sort() }).toEqual({
    at,
    keys: ['errors', 'non2xx', 'p50Ms', 'p99Ms', 'requests', 'requestsPerSecond'],
  });
  const { requests, non2xx, errors, requestsPerSecond, p50Ms, p99Ms } = figures as Record<string, number>;
  for (const count of [requests, non2xx, errors])
    expect({ at, whole: Number.isInteger(count) && count >= 0 }).toEqual({ at, whole: true });
  expect({ at, non2xxWithinRequests: non2xx <= requests }).toEqual({ at, non2xxWithinRequests: true });
  const answered = requests - non2xx;
  if (answered === 0) {
    expect({ at, requestsPerSecond, p50Ms, p99Ms }).toEqual({ at, requestsPerSecond: 0, p50Ms: null, p99Ms: null });
  } else {
    expect({ at, rateAboveZero: requestsPerSecond > 0, medianBelowTail: p50Ms <= p99Ms }).toEqual({
      at,
      rateAboveZero: true,
      medianBelowTail: true,
    });
  }
}

// Shape only: the figures depend on the machine and on what else runs on it, and are never asserted on.
describe('npm run bench -- --quick', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-smoke-'));
  const outFile = path.join(dir, 'results.json');
  let printed = '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON written by the harness, checked below
  let results: any;

  beforeAll(
    async () => {
      await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'bench/tsconfig.json'], {
        cwd: root,
        timeout: COMPILE_DEADLINE_MS,
      });
      printed = await runBench(['--quick', '--out', outFile]);
      results = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    },
    COMPILE_DEADLINE_MS + BENCH_DEADLINE_MS + 60_000,
  );

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes every section, with the three record-claim targets side by side', () => {
    expect(results.mode).toBe('quick');
    for (const section of [
      'recordClaim',
      'readsUnderWrites',
      'replay',
      'liveProjection',
      'import',
      'asOf',
      'restart',
      'writeCost',
    ]) {
      expect(results).toHaveProperty(section);
    }
    for (const target of ['service', 'noopNest', 'rawHttp']) {
      expectLoadFigures(results.recordClaim[target], `recordClaim.${target}`);
    }
    expectLoadFigures(results.readsUnderWrites.reads, 'readsUnderWrites.reads');
    expectLoadFigures(results.readsUnderWrites.writes, 'readsUnderWrites.writes');
    expect(results.replay.events).toBe(20_000);
    expect(results.import.events).toBe(20_000);
    expect(results.liveProjection.withRegistry.events).toBe(20_000);
    expect(results.liveProjection.withoutRegistry.events).toBeLessThan(20_000);
    expect(results.liveProjection.withoutRegistry.events).toBeGreaterThan(19_000);
    expect(results.writeCost.streamEvents).toBe(850);
    expect(results.writeCost.freshClaim.requests).toBe(results.writeCost.longClaim.requests);
    expect(results.replay.projections.map((projection: { name: string }) => projection.name).sort()).toEqual([
      'claims',
      'parties',
      'storylines',
      'timeline',
    ]);
    expect(results.registryCascade.claims).toBe(10_000);
    expect(results.registryCascade.affiliated.requests).toBeGreaterThan(0);
    const { claims, statuses } = results.claimEvaluation;
    expect(claims).toBe(20_000);
    expect(Object.values(statuses as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(claims);
    expect(results.changesSince.events).toBe(3_000);
    expect(results.changesSince.firstMs).toBeGreaterThan(0);
  });

  it('has only finite numbers', () => {
    const numbers = numbersIn(results);
    expect(numbers.length).toBeGreaterThan(40);
    expect(numbers.filter(([, value]) => !Number.isFinite(value))).toEqual([]);
  });

  it('checks every target, says pass exactly when the figure meets it, and prints each one', () => {
    expect(results.targets).toHaveLength(15);
    for (const target of results.targets) {
      const met =
        typeof target.actual === 'number' &&
        (target.comparison === '>=' ? target.actual >= target.target : target.actual <= target.target);
      expect({ name: target.name, pass: target.pass }).toEqual({ name: target.name, pass: met });
      expect(printed).toContain(target.name);
    }
    expect(printed).toMatch(/^ {2}(pass|MISS) {2}record-claim throughput/m);
  });
});
