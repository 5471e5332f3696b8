import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { openStorylineWithClaim, startTestApp, TestApp } from '../../support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('errors are problem+json with the status SPEC §4 names', () => {
  let app: TestApp;
  let storylineId: string;
  let claimId: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ storylineId, claimId } = await openStorylineWithClaim(app));
  });
  afterAll(() => app.close());

  describe('400', () => {
    it('names each invalid field', async () => {
      const response = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
        body: claimBody({ statement: '', attribution: 'whispered', occurredAt: 'last Tuesday' }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 400, type: expect.any(String), title: expect.any(String) });
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['statement', 'attribution', 'occurredAt']));
    });

    it('names nested fields by their path', async () => {
      const response = await app.request('POST', `/v1/claims/${claimId}/supports`, {
        body: developmentBody(party('', 'person'), { kind: 'corroboration' }),
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('by.name');
    });

    it('names a value of the wrong type by its type alone, not by the length or range it cannot have', async () => {
      const stakeholder = await app.request('POST', `/v1/storylines/${storylineId}/stakeholders`, {
        body: { partyId: 42, reason: 'a belligerent' },
        as: 'editor',
      });
      expect(stakeholder.status).toBe(400);
      expect(stakeholder.body.errors).toEqual([{ field: 'partyId', message: 'partyId must be a string' }]);

      const changes = await app.request('GET', '/v1/changes?since=abc', { as: 'reader' });
      expect(changes.status).toBe(400);
      expect(changes.body.errors).toEqual([
        { field: 'since', message: expect.stringMatching(/^since must be an integer/) },
      ]);
    });

    it('rejects unknown fields', async () => {
      const response = await app.request('POST', '/v1/storylines', { body: storylineBody({ priority: 'high' }) });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain('priority');
    });

    it('rejects malformed JSON', async () => {
      const response = await app.request('POST', '/v1/storylines', { rawBody: '{"title": "unterminated' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    });

    it('rejects a body that is not an object', async () => {
      const response = await app.request('POST', '/v1/storylines', { rawBody: '["a", "list"]' });
      expect(response.status).toBe(400);
    });

    it('rejects bad query parameters', async () => {
      const invalid = ['/v1/claims?status=maybe', '/v1/events?limit=0', '/v1/events?after=-5', '/v1/claims?cursor=%%%'];
      for (const url of invalid) {
        const response = await app.request('GET', url, { as: 'reader' });
        expect({ url, status: response.status }).toEqual({ url, status: 400 });
      }
    });

    it('rejects an If-Match that is not a revision', async () => {
      const response = await app.request('PATCH', `/v1/storylines/${storylineId}`, {
        body: { summary: 'x' },
        headers: { 'if-match': 'yesterday' },
      });
      expect(response.status).toBe(400);
    });
  });

  describe('401 and 403', () => {
    it('401 without a key, with an unknown key, and with a malformed header', async () => {
      const without = await app.request('GET', '/v1/storylines', { as: 'nobody' });
      const unknown = await app.request('GET', '/v1/storylines', {
        as: 'nobody',
        headers: { authorization: 'Bearer not-a-key' },
      });
      const basic = await app.request('GET', '/v1/storylines', {
        as: 'nobody',
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      for (const response of [without, unknown, basic]) {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      }
    });

    it('403 when the role is too low, for each role boundary', async () => {
      const cases = [
        { as: 'reader' as const, method: 'POST', url: '/v1/storylines', body: storylineBody() },
        {
          as: 'reporter' as const,
          method: 'POST',
          url: `/v1/claims/${claimId}/verdict`,
          body: { verdict: 'confirmed', rationale: 'x' },
        },
        { as: 'editor' as const, method: 'GET', url: '/v1/projections', body: undefined },
      ];
      for (const { as, method, url, body } of cases) {
        const response = await app.request(method, url, { as, body });
        expect({ as, url, status: response.status }).toEqual({ as, url, status: 403 });
      }
    });

    it('lets /health and /docs through without a key', async () => {
      expect((await app.request('GET', '/health', { as: 'nobody' })).status).toBe(200);
      expect((await app.request('GET', '/docs/openapi.json', { as: 'nobody' })).status).toBe(200);
    });
  });

  describe('404', () => {
    it('for ids that do not exist, on every read and command path', async () => {
      const cases: Array<[string, string, unknown]> = [
        ['GET', '/v1/storylines/no-such-storyline', undefined],
        ['GET', '/v1/storylines/no-such-storyline/timeline', undefined],
        ['PATCH', '/v1/storylines/no-such-storyline', { summary: 'x' }],
        ['POST', '/v1/storylines/no-such-storyline/claims', claimBody()],
        ['GET', '/v1/claims/no-such-claim', undefined],
        ['GET', '/v1/claims/no-such-claim/history', undefined],
        ['GET', '/v1/claims/no-such-claim/claimreview', undefined],
        ['POST', '/v1/claims/no-such-claim/supports', developmentBody(party('Reuters', 'media'), { kind: 'evidence' })],
        ['POST', '/v1/claims/no-such-claim/verdict', { verdict: 'confirmed', rationale: 'x' }],
        ['GET', '/v1/no-such-route', undefined],
      ];
      for (const [method, url, body] of cases) {
        const response = await app.request(method, url, { as: 'editor', body });
        expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
        expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      }
    });

    it('rather than 412 when If-Match names a claim that does not exist', async () => {
      const response = await app.request('POST', '/v1/claims/no-such-claim/contradictions', {
        body: developmentBody(party('Kremlin', 'government', 'kremlin'), { kind: 'denial' }),
        headers: { 'if-match': '"0"' },
      });
      expect(response.status).toBe(404);
    });

    it('for a claim review before any verdict', async () => {
      const response = await app.request('GET', `/v1/claims/${claimId}/claimreview`, { as: 'reader' });
      expect(response.status).toBe(404);
    });
  });

  describe('409', () => {
    it('when a storyline id is taken', async () => {
      const body = storylineBody({ id: 'taken-storyline' });
      expect((await app.request('POST', '/v1/storylines', { body })).status).toBe(201);
      const again = await app.request('POST', '/v1/storylines', { body: { ...body, title: 'Another title' } });
      expect(again.status).toBe(409);
    });

    it('when a claim is retracted twice', async () => {
      const claimant = party('Kaja Kallas', 'person', 'kaja-kallas');
      const id = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody({ claimant }) }))
        .body.id;
      expect(
        (await app.request('POST', `/v1/claims/${id}/retraction`, { body: developmentBody(claimant) })).status,
      ).toBe(201);
      const twice = await app.request('POST', `/v1/claims/${id}/retraction`, {
        body: developmentBody(claimant, { occurredAt: '2026-01-28T12:00:00Z' }),
      });
      expect(twice.status).toBe(409);
    });
  });

  describe('412', () => {
    it('when If-Match no longer matches, and nothing is appended', async () => {
      const current = await app.request('GET', `/v1/claims/${claimId}`, { as: 'reader' });
      const etag = current.headers.get('etag');
      expect(etag).toMatch(/^"\d+"$/);
      const stale = `"${Number(JSON.parse(etag as string)) + 7}"`;
      const response = await app.request('POST', `/v1/claims/${claimId}/supports`, {
        body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
        headers: { 'if-match': stale },
      });
      expect(response.status).toBe(412);
      const history = await app.request('GET', `/v1/claims/${claimId}/history`, { as: 'reader' });
      expect(history.body.items).toHaveLength(Number(JSON.parse(etag as string)) + 1);
    });

    it('accepts the current ETag and answers with the next one', async () => {
      const current = await app.request('GET', `/v1/storylines/${storylineId}`, { as: 'reader' });
      const etag = current.headers.get('etag') as string;
      const response = await app.request('PATCH', `/v1/storylines/${storylineId}`, {
        body: { summary: 'Revised under If-Match' },
        headers: { 'if-match': etag },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
    });
  });

  describe('413', () => {
    it('for bodies over 64 KiB', async () => {
      const response = await app.request('POST', '/v1/storylines', {
        body: storylineBody({ summary: 'x'.repeat(65 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    });
  });

  describe('422', () => {
    it('when someone other than the claimant or reporter retracts', async () => {
      const response = await app.request('POST', `/v1/claims/${claimId}/retraction`, {
        body: developmentBody(party('Unrelated Person', 'person', 'unrelated-person')),
      });
      expect(response.status).toBe(422);
    });

    it('when an anonymous source count is given for an on-record claim', async () => {
      const response = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
        body: claimBody({ attribution: 'on_record', anonymousSourceCount: 3 }),
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    });
  });
});
