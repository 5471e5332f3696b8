import { PROJECTION_CONTROL, ProjectionRunner } from '../../src/application/projections/projection-runner';
import { WorkerProjectionRunner } from '../../src/infrastructure/read-models/worker/worker-projection-runner';
import { claimBody, storylineBody } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe.each([
  ['on a worker thread (the default)', 'true', WorkerProjectionRunner],
  ['in the HTTP process (WORKER_THREADS=false)', 'false', ProjectionRunner],
])('the service with its projections %s', (_where, inWorker, runnerClass) => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ env: { WORKER_THREADS: inWorker } })));
  afterAll(() => app.close());

  it('runs the projections where configured', () => {
    expect(app.app.get(PROJECTION_CONTROL)).toBeInstanceOf(runnerClass);
  });

  it('records a storyline and a claim and reads them back', async () => {
    const opened = await app.request('POST', '/v1/storylines', { body: storylineBody() });
    expect(opened.status).toBe(201);
    const recorded = await app.request('POST', `/v1/storylines/${opened.body.id}/claims`, { body: claimBody() });
    expect(recorded.status).toBe(201);
    const claim = await app.request('GET', `/v1/claims/${recorded.body.id}?minPosition=${recorded.body.position}`, {
      as: 'reader',
    });
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('unverified');
  });

  it('rebuilds a projection and serves the swapped-in tables', async () => {
    const rebuild = await app.request('POST', '/v1/projections/storylines/rebuild', { as: 'admin' });
    expect(rebuild.status).toBe(202);
    for (let attempt = 0; attempt < 100; attempt++) {
      const { body } = await app.request('GET', '/v1/projections', { as: 'admin' });
      const storylines = body.items.find((item: { name: string }) => item.name === 'storylines');
      if (storylines.state === 'live') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const list = await app.request('GET', '/v1/storylines', { as: 'reader' });
    expect(list.body.items.map((item: { title: string }) => item.title)).toEqual([storylineBody().title]);
  });
});
