import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../support/cli';
import { dumpReadModels } from '../../support/read-model-tables';
import { readModelPathOf } from '../../support/read-model-path';
import { makeTempDir, startTestApp } from '../../support/test-app';
import { runRandomWorkload, snapshotViews, waitForLiveProjections } from '../../support/workload';

// The CLI runs as a separate process on the store's files, with the server closed, as an operator would.
describe('moving the log with the factline CLI', () => {
  const source = makeTempDir();
  const target = makeTempDir();
  const exportFile = path.join(source, 'export.ndjson');
  const envOf = (dir: string) => ({ SQLITE_PATH: path.join(dir, 'factline.db') });
  let head: number;
  let original: Awaited<ReturnType<typeof snapshotViews>>;

  async function viewsOf(dir: string) {
    const app = await startTestApp({ dir });
    try {
      await waitForLiveProjections(app);
      return await snapshotViews(app, head);
    } finally {
      await app.close();
    }
  }

  async function statusOf(dir: string) {
    const status = await runCli(['status', '--json'], envOf(dir));
    expect(status.code).toBe(0);
    return JSON.parse(status.stdout) as {
      head: number;
      projections: Array<{ name: string; checkpoint: number; lag: number }>;
    };
  }

  beforeAll(async () => {
    const app = await startTestApp({ dir: source });
    head = await runRandomWorkload(app, 314, { storylines: 3, claims: 18, developments: 80 });
    original = await snapshotViews(app, head);
    await app.close();
  });
  afterAll(() => {
    for (const dir of [source, target]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports one NDJSON line per event, with its place in the log, its data and its metadata', async () => {
    const exported = await runCli(['export', '--out', exportFile, '--quiet'], envOf(source));
    expect(exported.code).toBe(0);

    const lines = fs
      .readFileSync(exportFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(exported.stderr).toContain(`exported ${lines.length} events`);
    expect(lines.length).toBe(3 + 18 + 80);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual([
        'data',
        'eventId',
        'metadata',
        'position',
        'revision',
        'streamId',
        'type',
      ]);
      expect(line.metadata).toEqual(
        expect.objectContaining({ recordedAt: expect.any(String), actor: expect.any(String), schemaVersion: 2 }),
      );
    }
    const positions = lines.map((line) => line.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions[positions.length - 1]).toBe(head);
  });

  it('writes the same lines to stdout without --out', async () => {
    const exported = await runCli(['export', '--quiet'], envOf(source));
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(fs.readFileSync(exportFile, 'utf8'));
  });

  it('imports into a fresh store, where the service shows the very same views', async () => {
    const imported = await runCli(['import', exportFile, '--quiet'], envOf(target));
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`${3 + 18 + 80} events appended`);
    const beforeProjecting = await statusOf(target);
    expect(beforeProjecting.head).toBe(head);
    expect(beforeProjecting.projections.map((projection) => projection.lag)).toEqual([head, head, head, head]);

    expect(await viewsOf(target)).toEqual(original);
  });

  it('imports the same file again without adding an event', async () => {
    const again = await runCli(['import', exportFile, '--quiet'], envOf(target));
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(' 0 events appended');
    expect((await statusOf(target)).head).toBe(head);
  });

  it('imports the export into the store it came from without adding an event', async () => {
    const again = await runCli(['import', exportFile, '--quiet'], envOf(source));
    expect({ code: again.code, stderr: again.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining(' 0 events appended'),
    });
    expect((await statusOf(source)).head).toBe(head);
  });

  it('imports a log written under schema 1 as it was stored, and exports it unchanged', async () => {
    const legacy = makeTempDir();
    try {
      const fixture = path.join(__dirname, '../../fixtures/schema-v1-log.ndjson');
      const imported = await runCli(['import', fixture, '--quiet'], envOf(legacy));
      expect(imported.code).toBe(0);
      const exported = await runCli(['export', '--quiet'], envOf(legacy));
      expect(exported.stdout).toBe(fs.readFileSync(fixture, 'utf8'));
    } finally {
      fs.rmSync(legacy, { recursive: true, force: true });
    }
  });

  it('prints each projection with its checkpoint and lag', async () => {
    const status = await runCli(['status'], envOf(target));
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`log head: ${head}`);
    for (const name of ['claims', 'storylines', 'timeline', 'parties']) {
      expect(status.stdout).toMatch(new RegExp(`^${name}\\s+checkpoint\\s+${head}\\s+lag 0$`, 'm'));
    }
  });

  it('replays every projection from zero offline, and the views stay the same', async () => {
    const readModelPath = readModelPathOf(path.join(target, 'factline.db'));
    const before = dumpReadModels(readModelPath);
    const replay = await runCli(['replay', '--quiet'], envOf(target));
    expect(replay.code).toBe(0);
    expect(replay.stderr).toContain(`replayed claims, storylines, timeline, parties in one pass: ${head} events`);

    const after = dumpReadModels(readModelPath);
    expect(after.generation).toBe(before.generation + 1);
    expect(after.tables).toEqual(before.tables);
    expect((await statusOf(target)).projections.every((projection) => projection.lag === 0)).toBe(true);
    expect(await viewsOf(target)).toEqual(original);
  });

  it('refuses an unknown option with one line and a non-zero exit', async () => {
    const replay = await runCli(['replay', '--projection', 'claims', '--quiet'], envOf(target));
    expect(replay.code).toBe(1);
    expect(replay.stderr).toContain("unknown option '--projection'");
  });
});
