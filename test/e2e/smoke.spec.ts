import { claimBody, storylineBody } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('the service over HTTP', () => {
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
});
