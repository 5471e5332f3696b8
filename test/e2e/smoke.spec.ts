import { claimBody, storylineBody } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { waitForLiveProjections } from '../support/workload';

describe('the service with its projections on their worker thread', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

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

  it('rebuilds every read model together and serves the swapped-in generation', async () => {
    const rebuild = await app.request('POST', '/v1/projections/storylines/rebuild', { as: 'admin' });
    expect(rebuild.status).toBe(202);
    expect(rebuild.body.rebuilding).toEqual(['claims', 'storylines', 'timeline', 'parties']);
    await waitForLiveProjections(app);
    const list = await app.request('GET', '/v1/storylines', { as: 'reader' });
    expect(list.body.items.map((item: { title: string }) => item.title)).toEqual([storylineBody().title]);
  });
});
