import { appendDirectly } from '../../support/direct-append';
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

  it('answers all of 80 parallel supports without If-Match with 201, revisions 1 to 80 without gaps', async () => {
    const storylineId = (
      await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Eighty writers' }) })
    ).body.id;
    const claimId = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;

    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, index) =>
        app.request('POST', `/v1/claims/${claimId}/supports`, {
          body: developmentBody(party(`Outlet ${index}`, 'media', `outlet-${index}`), { kind: 'corroboration' }),
        }),
      ),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(responses.map((response) => response.body.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 80 }, (_, index) => index + 1),
    );
    const history = await app.request('GET', `/v1/claims/${claimId}/history?limit=100`, { as: 'reader' });
    expect(history.body.items.map((event: { revision: number }) => event.revision)).toEqual(
      Array.from({ length: 81 }, (_, index) => index),
    );
  });

  it('decides on what another writer appended behind its back, and carries on at the next revision', async () => {
    const storylineId = (
      await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Behind its back' }) })
    ).body.id;
    const claimant = party('Kremlin', 'government', 'kremlin');
    const claimId = (
      await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody({ claimant }) })
    ).body.id;
    const first = await app.request('POST', `/v1/claims/${claimId}/supports`, {
      body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
    });
    expect(first.body.revision).toBe(1);

    // Another process (a second replica, say) retracts the claim in the same log.
    const retraction = { claimId, by: claimant, occurredAt: '2026-01-27T13:00:00+01:00' };
    await appendDirectly(app.sqlitePath, `claim-${claimId}`, [{ type: 'ClaimRetracted', data: retraction }], 1);

    const support = await app.request('POST', `/v1/claims/${claimId}/supports`, {
      body: developmentBody(party('AP', 'media', 'ap'), { kind: 'corroboration' }),
    });
    expect(support.status).toBe(201);
    expect(support.body.revision).toBe(3);
    const again = await app.request('POST', `/v1/claims/${claimId}/retraction`, { body: developmentBody(claimant) });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already retracted/);
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

  it('answers 64 claims recorded at once each with its own claim and position, and a read at that position shows it', async () => {
    const storylineId = (
      await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Sixty-four at once' }) })
    ).body.id;
    const recorded = await Promise.all(
      Array.from({ length: 64 }, (_, index) =>
        app.request('POST', `/v1/storylines/${storylineId}/claims`, {
          body: claimBody({ statement: `Claim ${index}` }),
        }),
      ),
    );
    expect(recorded.map((response) => response.status)).toEqual(Array(64).fill(201));
    expect(new Set(recorded.map((response) => response.body.position)).size).toBe(64);

    for (const [index, response] of recorded.entries()) {
      expect(response.headers.get('location')).toBe(`/v1/claims/${response.body.id}`);
      const claim = await app.request('GET', `/v1/claims/${response.body.id}?minPosition=${response.body.position}`, {
        as: 'reader',
      });
      expect(claim.status).toBe(200);
      expect(claim.body.statement).toBe(`Claim ${index}`);
    }
  });
});
