import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

describe('concurrent commands on one claim', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('keeps all of 20 parallel supports, with revisions and no gaps', async () => {
    const storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    const claimId = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        app.request('POST', `/v1/claims/${claimId}/supports`, {
          body: developmentBody(party(`Outlet ${index}`, 'media', `outlet-${index}`), { kind: 'corroboration' }),
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(responses.map((response) => response.body.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );

    const history = await app.request('GET', `/v1/claims/${claimId}/history?limit=100`, { as: 'reader' });
    expect(history.body.items.map((event: { revision: number }) => event.revision)).toEqual(
      Array.from({ length: 21 }, (_, index) => index),
    );
    const supporters = history.body.items
      .filter((event: { type: string }) => event.type === 'ClaimSupported')
      .map((event: { data: { by: { id: string } } }) => event.data.by.id)
      .sort();
    expect(supporters).toEqual(Array.from({ length: 20 }, (_, index) => `outlet-${index}`).sort());

    const last = Math.max(...responses.map((response) => response.body.position));
    const claim = await app.request('GET', `/v1/claims/${claimId}?minPosition=${last}`, { as: 'reader' });
    expect(claim.body.supports).toHaveLength(20);
    expect(claim.body.status).toBe('corroborated');
    expect(claim.headers.get('etag')).toBe('"20"');
  });

  it('lets exactly one of two writers with the same If-Match win', async () => {
    const storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Second race' }) }))
      .body.id;
    const claimId = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;
    const write = (index: number) =>
      app.request('POST', `/v1/claims/${claimId}/contradictions`, {
        body: developmentBody(party(`Ministry ${index}`, 'government', `ministry-${index}`), { kind: 'denial' }),
        headers: { 'if-match': '"0"' },
      });
    const statuses = (await Promise.all([write(1), write(2)])).map((response) => response.status).sort();
    expect(statuses).toEqual([201, 412]);
  });
});
