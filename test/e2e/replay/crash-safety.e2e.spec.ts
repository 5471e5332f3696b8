import fs from 'node:fs';
import path from 'node:path';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { HttpClient } from '../../support/http-client';
import { dumpReadModels } from '../../support/read-model-tables';
import { readModelPathOf } from '../../support/read-model-path';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir, startTestApp } from '../../support/test-app';
import { seededRandom, snapshotViews, waitForLiveProjections } from '../../support/workload';
import { PROCESS_TEST_TIMEOUT_MS, waitUntil } from '../../support/deadlines';

// Starts service processes and waits on them: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

interface Acknowledged {
  claimId: string;
  revision: number;
  position: number;
}

async function readWholeLog(client: HttpClient) {
  const events = new Map<number, { streamId: string; revision: number }>();
  let after = -1;
  for (;;) {
    const page = await client.request('GET', `/v1/events?after=${after}&limit=500`, { as: 'reader' });
    expect(page.status).toBe(200);
    for (const event of page.body.items) events.set(event.position, event);
    if (!page.body.nextCursor) return events;
    after = page.body.items[page.body.items.length - 1].position;
  }
}

/** Keeps `workers` requests in flight (new claims and supports) until `stop()`; collects the acknowledged ones. */
function writeLoad(server: HttpClient, storylineId: string, workers: number) {
  const acknowledged: Acknowledged[] = [];
  const claimIds: string[] = [];
  let failures = 0;
  let inFlight = 0;
  let stopped = false;
  const random = seededRandom(9);
  const worker = async (index: number) => {
    for (let step = 0; !stopped; step++) {
      const support = claimIds.length > 0 && random() < 0.5;
      const claimId = support ? claimIds[Math.floor(random() * claimIds.length)] : undefined;
      inFlight += 1;
      try {
        const response = claimId
          ? await server.request('POST', `/v1/claims/${claimId}/supports`, {
              body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
            })
          : await server.request('POST', `/v1/storylines/${storylineId}/claims`, {
              body: claimBody({ statement: `Worker ${index}, claim ${step}` }),
            });
        if (response.status >= 200 && response.status < 300) {
          const id = claimId ?? response.body.id;
          if (!claimId) claimIds.push(id);
          acknowledged.push({ claimId: id, revision: response.body.revision, position: response.body.position });
        }
      } catch {
        failures += 1; // the connection died with the process: not acknowledged, so nothing is promised
      } finally {
        inFlight -= 1;
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  return {
    acknowledged,
    failures: () => failures,
    inFlight: () => inFlight,
    /** No new requests from now on; those in flight go on. */
    stopIssuing: () => (stopped = true),
    finished: running,
  };
}

describe('a server killed with SIGKILL under write load', () => {
  const dir = makeTempDir();
  const env = { SQLITE_PATH: path.join(dir, 'factline.db') };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged command, and its projections equal a rebuild from zero', async () => {
    server = await startServerProcess(env);
    const storylineId = (await server.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    const load = writeLoad(server, storylineId, 24);
    await waitUntil(
      '400 acknowledged writes',
      () => load.acknowledged.length,
      (count) => count >= 400,
    );
    load.stopIssuing();
    const inFlightAtKill = load.inFlight();
    await server.kill('SIGKILL');
    await load.finished;
    const acknowledged = [...load.acknowledged];
    // The kill landed while requests were in flight (most of them never get an answer).
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(acknowledged.length + load.failures()).toBeGreaterThanOrEqual(400);

    server = await startServerProcess(env);
    const projections = await waitForLiveProjections(server);
    const log = await readWholeLog(server);
    for (const ack of acknowledged) {
      expect(log.get(ack.position)).toEqual(
        expect.objectContaining({ streamId: `claim-${ack.claimId}`, revision: ack.revision }),
      );
    }
    const head = Math.max(...log.keys());
    expect(projections.every((item: { checkpoint: number }) => item.checkpoint === head)).toBe(true);
    const recovered = await snapshotViews(server, head);
    const revisions = new Map(
      (recovered.claims as Array<{ id: string; revision: number }>).map((c) => [c.id, c.revision]),
    );
    for (const ack of acknowledged) expect(revisions.get(ack.claimId)).toBeGreaterThanOrEqual(ack.revision);
    await server.kill();
    server = undefined;

    const fresh = await startTestApp({ dir, env: { READ_MODEL_PATH: path.join(dir, 'from-zero.read-models.db') } });
    try {
      await waitForLiveProjections(fresh);
      expect(await snapshotViews(fresh, head)).toEqual(recovered);
      expect(dumpReadModels(path.join(dir, 'from-zero.read-models.db')).tables).toEqual(
        dumpReadModels(readModelPathOf(env.SQLITE_PATH)).tables,
      );
    } finally {
      await fresh.close();
    }
  });
});
