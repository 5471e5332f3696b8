import fs from 'node:fs';
import path from 'node:path';
import { SERVER_READY_DEADLINE_MS } from '../../support/deadlines';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { mountSmallDisk, SmallDisk } from '../../support/small-disk';
import { makeTempDir } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';

interface ProjectionItem {
  name: string;
  state: string;
  checkpoint: number;
  lastError?: string;
}

const diskDir = path.join(makeTempDir(), 'read-models');
fs.mkdirSync(diskDir);

// The write side goes on while the read-model file cannot grow; the read models say so, and catch up
// by themselves once there is room again. The server is the built service as a child process.
describe('read models on a full disk', () => {
  const dir = path.dirname(diskDir);
  let server: ServerProcess;
  let disk: SmallDisk;
  let storylineId: string;

  const projections = async (): Promise<ProjectionItem[]> =>
    (await server.request('GET', '/v1/projections', { as: 'admin' })).body.items;

  async function waitFor(what: string, done: (items: ProjectionItem[]) => boolean): Promise<ProjectionItem[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const items = await projections();
      if (done(items)) return items;
      if (Date.now() > deadline) throw new Error(`${what} never happened: ${JSON.stringify(items)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function recordClaim(statement: string): Promise<{ id: string; position: number }> {
    const recorded = await server.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ statement }),
    });
    expect(recorded.status).toBe(201);
    const supported = await server.request('POST', `/v1/claims/${recorded.body.id}/supports`, {
      body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
    });
    expect(supported.status).toBe(201);
    return { id: recorded.body.id, position: supported.body.position };
  }

  /** Records a claim while the disk is full, and shows the read models stopped with why, the service still up. */
  async function recordOnFullDisk(statement: string) {
    const written = await recordClaim(statement);
    const stopped = await waitFor('stopping', (items) => items.every((item) => item.state === 'stopped'));
    for (const item of stopped)
      expect(item.lastError).toMatch(/cannot write the read-model file: database or disk is full; retrying in \d+ s/);
    const health = await server.request('GET', '/health', { as: 'nobody' });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', eventStore: 'up', readModels: 'stopped' });
    const unseen = await server.request('GET', `/v1/claims/${written.id}?minPosition=${written.position}`, {
      as: 'reader',
    });
    expect(unseen.status).toBe(503);
    return written;
  }

  async function expectServed({ id, position }: { id: string; position: number }) {
    const claim = await server.request('GET', `/v1/claims/${id}?minPosition=${position}`, { as: 'reader' });
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('corroborated');
  }

  beforeAll(async () => {
    disk = mountSmallDisk(diskDir, 16);
    server = await startServerProcess(
      {
        SQLITE_PATH: path.join(dir, 'factline.db'),
        READ_MODEL_PATH: path.join(diskDir, 'factline.read-models.db'),
        LOG_LEVEL: 'error',
      },
      SERVER_READY_DEADLINE_MS,
    );
    storylineId = (await server.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    await expectServed(await recordClaim('Recorded while there was room'));
  }, 150_000);
  afterAll(async () => {
    await server?.kill();
    disk?.unmount();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops with the error, keeps taking writes, and catches up by itself once there is room', async () => {
    disk.fill();
    const written = await recordOnFullDisk('Recorded on a full disk');

    disk.free();
    const live = await waitForLiveProjections(server, 60_000);
    expect(live.every((item: ProjectionItem) => item.checkpoint >= written.position && !item.lastError)).toBe(true);
    await expectServed(written);
    await expectServed(await recordClaim('Recorded after the disk had room again'));
    expect(server.stderr()).toMatch(
      /read models stopped at position \d+: cannot write the read-model file: database or disk is full/,
    );
  }, 150_000);

  it('rebuilds after such a stop without a restart, and goes on projecting new writes', async () => {
    disk.fill();
    const written = await recordOnFullDisk('Recorded on a full disk again');

    disk.free();
    const rebuild = await server.request('POST', '/v1/projections/claims/rebuild', { as: 'admin' });
    expect(rebuild.status).toBe(202);
    await waitForLiveProjections(server, 60_000);
    await expectServed(written);
    await expectServed(await recordClaim('Recorded after the rebuild'));
    await expectServed(await recordClaim('And another one'));
  }, 150_000);
});
