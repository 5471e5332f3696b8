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

  it('measures the read-model file and the event log on disk, as files of a log that size', () => {
    const { eventLogBytes, readModelBytes, storeFileMb, events } = results.replay;
    for (const [name, bytes] of Object.entries({ eventLogBytes, readModelBytes })) {
      expect({ name, wholeBytes: Number.isInteger(bytes) }).toEqual({ name, wholeBytes: true });
      // Every stored event carries its data, metadata and ids: well over 100 bytes, in either file.
      expect({ name, bytesPerEvent: bytes / events > 100 }).toEqual({ name, bytesPerEvent: true });
    }
    // The log the rebuild read is the one written before it (no rebuild writes the event store).
    expect(eventLogBytes).toBeGreaterThanOrEqual(Math.floor(storeFileMb * 2 ** 20));
    const row = results.targets.find((target: { name: string }) => /^read-model file ÷ event log/.test(target.name));
    expect(row.actual).toBeCloseTo(readModelBytes / eventLogBytes, 10);
  });

  it("reports each of issue 17's figures beside its target", () => {
    const targetOf = (pattern: RegExp) => {
      const rows = results.targets.filter((target: { name: string }) => pattern.test(target.name));
      expect({ pattern: String(pattern), rows: rows.length }).toEqual({ pattern: String(pattern), rows: 1 });
      const { comparison, target, unit } = rows[0];
      return { comparison, target, unit };
    };
    expect(targetOf(/^record-claim vs no-op NestJS/)).toEqual({ comparison: '>=', target: 0.45, unit: '×' });
    expect(targetOf(/^GET storyline p99 beside 64 writers/)).toEqual({ comparison: '<=', target: 10, unit: 'ms' });
    expect(targetOf(/^rebuild of every read model/)).toEqual({ comparison: '>=', target: 100_000, unit: 'events/s' });
    expect(targetOf(/^rebuild peak RSS/)).toEqual({ comparison: '<=', target: 256, unit: 'MB' });
    expect(targetOf(/^factline import/)).toEqual({ comparison: '>=', target: 100_000, unit: 'events/s' });
    expect(targetOf(/with the registry's$/)).toEqual({ comparison: '<=', target: 40, unit: 'µs' });
    expect(targetOf(/^registry event reaching 10000 claims, applied/)).toEqual({
      comparison: '<=',
      target: 0.2,
      unit: 's',
    });
    expect(targetOf(/^claim evaluation, /)).toEqual({ comparison: '<=', target: 5, unit: 'µs' });
    expect(targetOf(/^GET \/v1\/changes\?since= for 3000 events/)).toEqual({ comparison: '<=', target: 100, unit: 'ms' });
    expect(targetOf(/^claims proposed from a \d+-word article, p50/)).toEqual({ comparison: '<=', target: 200, unit: 'ms' });
    expect(targetOf(/^restart to ready/)).toEqual({ comparison: '<=', target: 2, unit: 's' });
    expect(targetOf(/^read-model file ÷ event log/)).toEqual({ comparison: '<=', target: 1, unit: '×' });
    const { applied, affiliated } = results.registryCascade;
    expect(applied.requests).toBe(2 * affiliated.requests);
    expect(applied.p50Ms).toBeLessThanOrEqual(applied.p99Ms);
  });

  it('gives every target a finite figure, a unit and pass exactly when the figure meets it, and prints each one', () => {
    expect(results.targets.length).toBeGreaterThanOrEqual(16);
    const targetRows = printed.split('\nTargets\n')[1]?.split('\n') ?? [];
    for (const target of results.targets) {
      // JSON writes NaN and Infinity as null: a figure that is not a finite number fails here.
      const { name, actual, unit, comparison, pass } = target;
      expect({ name, finite: Number.isFinite(actual) && Number.isFinite(target.target) }).toEqual({
        name,
        finite: true,
      });
      expect({ name, unit: typeof unit === 'string' && unit.length > 0 }).toEqual({ name, unit: true });
      expect({ name, comparison: ['>=', '<='].includes(comparison) }).toEqual({ name, comparison: true });
      const met = comparison === '>=' ? actual >= target.target : actual <= target.target;
      expect({ name, pass }).toEqual({ name, pass: met });
      const printedRow = targetRows.find((line) => line.includes(name));
      expect({ name, printedRow }).toEqual({
        name,
        printedRow: expect.stringMatching(new RegExp(`^ {2}${pass ? 'pass' : 'MISS'} {2}`)),
      });
      expect({ name, printedUnit: printedRow?.includes(` ${unit} `) }).toEqual({ name, printedUnit: true });
    }
  });
});
