import fs from 'node:fs';
import path from 'node:path';
import { SEED_STEPS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { loadConfig } from '../../src/config/config';
import { StoreLock } from '../../src/infrastructure/store-lock/store-lock';
import { runBuilt, runCli } from '../support/cli';
import { readModelPathOf } from '../support/read-model-path';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { KEYS, makeTempDir } from '../support/test-app';

interface StorylineView {
  status: string;
  counts: Record<string, number>;
  kinds: Record<string, number>;
  claims: Array<{ id: string; kind: string; status: string }>;
}

/** Two processes on one store (each a real child process of the built service), and what the second is told. */
describe('one store, one serving process', () => {
  const dir = makeTempDir();
  const sqlitePath = path.join(dir, 'factline.db');
  const env = { SQLITE_PATH: sqlitePath };
  const files = `${sqlitePath} and ${readModelPathOf(sqlitePath)}`;
  let server: ServerProcess;

  beforeAll(async () => (server = await startServerProcess(env)));
  afterAll(async () => {
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const servedBy = () => `a Factline server (pid ${server.child.pid}, ${server.baseUrl}) is serving ${files}`;
  const storyline = async (id: string) => (await server.request('GET', `/v1/storylines/${id}`, { as: 'reader' })).body;
  const timeline = async (id: string) =>
    (await server.request('GET', `/v1/storylines/${id}/timeline?limit=500`, { as: 'reader' })).body.items as Array<{
      eventId: string;
    }>;

  it('refuses a second server on the same files with one line naming them and the server that holds them', async () => {
    const second = await runBuilt('dist/main.js', [], { ...env, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `factline: ${servedBy()}; one process serves a store: stop that one first`,
    ]);
    expect((await server.request('GET', '/health')).status).toBe(200);
  });

  it('lets npm run demo find the server by itself and record through its API, each event applied once', async () => {
    for (let run = 0; run < 2; run++) {
      const demo = await runBuilt('dist/cli/demo.js', [], { ...env, FACTLINE_API_KEY: KEYS.editor });
      expect({ code: demo.code, stderr: demo.stderr }).toEqual({ code: 0, stderr: '' });
      expect(demo.stdout.split('\n')[0]).toBe(`A${servedBy().slice(1)}: recording through it.`);
      expect(demo.stdout).toContain(run === 0 ? `${SEED_STEPS.length} commands recorded` : '0 commands recorded');
    }
    for (const id of Object.values(SEED_STORYLINES)) {
      const view = (await storyline(id)) as StorylineView;
      const factual = view.claims.filter((claim) => claim.kind === 'factual');
      const tally: Record<string, number> = {};
      for (const claim of factual) tally[claim.status] = (tally[claim.status] ?? 0) + 1;
      expect(Object.fromEntries(Object.entries(view.counts).filter(([, count]) => count > 0))).toEqual(tally);
      expect(view.kinds.factual).toBe(factual.length);
      const eventIds = (await timeline(id)).map((item) => item.eventId);
      expect(eventIds.length).toBeGreaterThan(0);
      expect(new Set(eventIds).size).toBe(eventIds.length);
    }
  });

  it('refuses factline import and factline replay with one line naming the server; export and status still read', async () => {
    const exportFile = path.join(dir, 'export.ndjson');
    const exported = await runCli(['export', '--quiet', '--out', exportFile], env);
    expect(exported.code).toBe(0);
    expect((await runCli(['status', '--json'], env)).code).toBe(0);

    const imported = await runCli(['import', exportFile, '--quiet'], env);
    expect({ code: imported.code, lines: imported.stderr.trim().split('\n') }).toEqual({
      code: 1,
      lines: [`factline: ${servedBy()}; an import writes the store directly: stop that server first`],
    });
    const replayed = await runCli(['replay', '--quiet'], env);
    expect({ code: replayed.code, lines: replayed.stderr.trim().split('\n') }).toEqual({
      code: 1,
      lines: [
        `factline: ${servedBy()}; stop it first, or rebuild through POST ${server.baseUrl}/v1/projections/rebuild`,
      ],
    });
  });

  it('hands the store to the next server once the first is killed with SIGKILL, whose views equal a rebuild from zero', async () => {
    const before = await Promise.all(
      Object.values(SEED_STORYLINES).map(async (id) => [await storyline(id), await timeline(id)]),
    );
    await server.kill('SIGKILL');

    const replayed = await runCli(['replay', '--quiet'], env);
    expect({ code: replayed.code, stderr: replayed.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining('in one pass'),
    });
    server = await startServerProcess(env);
    const rebuilt = await Promise.all(
      Object.values(SEED_STORYLINES).map(async (id) => [await storyline(id), await timeline(id)]),
    );
    expect(rebuilt).toEqual(before);
  });
});

describe('npm run demo without a server', () => {
  const dir = makeTempDir();
  const env = { SQLITE_PATH: path.join(dir, 'factline.db') };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses with one line while another command writes the store', async () => {
    const config = loadConfig(env);
    const importing = StoreLock.hold(config, 'factline import');
    try {
      const demo = await runBuilt('dist/cli/demo.js', [], env);
      expect({ code: demo.code, lines: demo.stderr.trim().split('\n') }).toEqual({
        code: 1,
        lines: [
          `factline demo: factline import (pid ${process.pid}) is using ${config.sqlitePath} and ${config.readModelPath}; run the demo once it is done`,
        ],
      });
    } finally {
      importing.release();
    }
  });

  it('starts the service in-process on the files, and lets them go when done', async () => {
    const demo = await runBuilt('dist/cli/demo.js', [], env);
    expect({ code: demo.code, stderr: demo.stderr }).toEqual({ code: 0, stderr: '' });
    expect(demo.stdout).toContain(`${SEED_STEPS.length} commands recorded`);
    expect(demo.stdout).toContain(`Recorded into ${env.SQLITE_PATH}.`);
    // Released at the end: the store can be held again.
    StoreLock.hold(loadConfig(env), 'a test').release();
  });
});

describe('the store lock', () => {
  const dir = makeTempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder in the same process, naming the first, until the first lets go', async () => {
    const config = loadConfig({ SQLITE_PATH: path.join(dir, 'factline.db') });
    const first = StoreLock.hold(config, 'factline replay');
    const held = `factline replay (pid ${process.pid}) is using ${config.sqlitePath} and ${config.readModelPath}`;
    expect(() => StoreLock.hold(config, 'a Factline server')).toThrow(held);
    // The refused attempt closed its own handle of the file; the first still holds it for other processes too.
    const imported = await runCli(['import', '-', '--quiet'], { SQLITE_PATH: config.sqlitePath });
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({
      code: 1,
      stderr: `factline: ${held}; wait until it is done\n`,
    });
    first.release();
    StoreLock.hold(config, 'a Factline server').release();
  });

  it('guards the read models beside themselves when the events live in KurrentDB', () => {
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_CONNECTION_STRING: 'kurrentdb://127.0.0.1:2113?tls=false',
      READ_MODEL_PATH: path.join(dir, 'replica-1.read-models.db'),
    });
    const held = StoreLock.hold(config, 'a Factline server');
    try {
      expect(held.lockPath).toBe(path.join(dir, 'replica-1.read-models.lock'));
      expect(() => StoreLock.hold(config, 'factline replay')).toThrow(
        `a Factline server (pid ${process.pid}) is using ${config.readModelPath}`,
      );
    } finally {
      held.release();
    }
  });
});
