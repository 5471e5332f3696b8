import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/** Every number in the results, with where it sits, so a missing or broken figure is named. */
function numbersIn(value: unknown, at = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${at}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, at ? `${at}.${key}` : key));
  }
  return [];
}

// Shape only: the figures depend on the machine and are never asserted on.
describe('npm run bench -- --quick', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-smoke-'));
  const outFile = path.join(dir, 'results.json');
  let printed = '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON written by the harness, checked below
  let results: any;

  beforeAll(async () => {
    await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'bench/tsconfig.json'], {
      cwd: root,
    });
    const { stdout } = await run(
      process.execPath,
      [path.join(root, 'dist/bench/bench/run-bench.js'), '--quick', '--out', outFile],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
    printed = stdout;
    results = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  }, 240_000);

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
      expect(Object.keys(results.recordClaim[target]).sort()).toEqual(
        ['errors', 'non2xx', 'p50Ms', 'p99Ms', 'requests', 'requestsPerSecond'].sort(),
      );
    }
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
  });

  it('has only finite numbers', () => {
    const numbers = numbersIn(results);
    expect(numbers.length).toBeGreaterThan(40);
    expect(numbers.filter(([, value]) => !Number.isFinite(value))).toEqual([]);
  });

  it('checks every target and prints each one with pass or miss', () => {
    expect(results.targets).toHaveLength(13);
    for (const target of results.targets) {
      expect(typeof target.pass).toBe('boolean');
      expect(printed).toContain(target.name);
    }
    expect(printed).toMatch(/^ {2}(pass|MISS) {2}record-claim throughput/m);
  });
});
