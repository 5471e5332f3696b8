import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const hersh = party('Seymour Hersh', 'person', 'seymour-hersh');
const usOfficials = party('US officials', 'anonymous', 'us-officials');
const nyt = party('The New York Times', 'media', 'new-york-times');
const whiteHouse = party('White House', 'government', 'white-house');
const zeit = party('Die Zeit', 'media', 'die-zeit');
const ukraine = party('Ukrainian government', 'government', 'ukrainian-government');

const q = (query: Record<string, string | number>) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

// A story recorded today about events of February and March 2023: world time (asOccurred) shows
// it as it stood then, knowledge time (asOf) as the desk had recorded it, and both together what
// the desk knew at one time about the world at another.
describe('views as occurred in the world by a time (asOccurred), alone and with asOf', () => {
  let app: TestApp;
  let storylineId: string;
  let hershClaim: string;
  let groupClaim: string;
  let beforeUkraineDenial: string;
  let lastPosition: number;

  beforeAll(async () => {
    app = await startTestApp();
    const post = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
      const response = await app.request('POST', url, { body, as });
      expect(response.status).toBeLessThan(300);
      lastPosition = response.body.position;
      return response.body;
    };
    storylineId = (
      await post('/v1/storylines', storylineBody({ title: 'Nord Stream sabotage', tags: ['nord-stream'] }))
    ).id;
    hershClaim = (
      await post(
        `/v1/storylines/${storylineId}/claims`,
        claimBody({
          statement: 'US Navy divers planted the explosives that destroyed the Nord Stream pipelines.',
          language: 'en',
          claimant: hersh,
          occurredAt: '2023-02-08T00:00:00-05:00',
          occurredAtPrecision: 'day',
        }),
      )
    ).id;
    await post(
      `/v1/claims/${hershClaim}/contradictions`,
      developmentBody(whiteHouse, {
        kind: 'denial',
        occurredAt: '2023-02-08T00:00:00-05:00',
        occurredAtPrecision: 'day',
      }),
    );
    groupClaim = (
      await post(
        `/v1/storylines/${storylineId}/claims`,
        claimBody({
          statement: 'A pro-Ukrainian group carried out the attack on the Nord Stream pipelines.',
          language: 'en',
          claimant: usOfficials,
          reportedBy: nyt,
          attribution: 'anonymous',
          occurredAt: '2023-03-07T00:00:00-05:00',
          occurredAtPrecision: 'day',
        }),
      )
    ).id;
    await post(
      `/v1/claims/${groupClaim}/supports`,
      developmentBody(zeit, {
        kind: 'corroboration',
        occurredAt: '2023-03-07T00:00:00+01:00',
        occurredAtPrecision: 'day',
      }),
    );
    const history = await app.request('GET', `/v1/claims/${groupClaim}/history`, { as: 'reader' });
    beforeUkraineDenial = history.body.items.at(-1).metadata.recordedAt;
    // recordedAt is the server's clock in milliseconds: keep the denial out of the support's millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await post(
      `/v1/claims/${groupClaim}/contradictions`,
      developmentBody(ukraine, { kind: 'denial', occurredAt: '2023-03-08T00:00:00+02:00', occurredAtPrecision: 'day' }),
    );
    // The desk's own verdict on Hersh's claim, issued today.
    await post(
      `/v1/claims/${hershClaim}/verdict`,
      { verdict: 'unproven', rationale: 'A single unnamed source', occurredAt: new Date().toISOString() },
      'editor',
    );
  });
  afterAll(() => app.close());

  const get = (url: string, query: Record<string, string | number> = {}) =>
    app.request('GET', `${url}?${q({ minPosition: lastPosition, ...query })}`, { as: 'reader' });

  it('has a past for a story entered after the fact: 6 March 2023 answers from the developments dated by then', async () => {
    const asKnownNow = await get(`/v1/storylines/${storylineId}`, { asOf: '2023-03-06T12:00:00Z' });
    expect(asKnownNow.status).toBe(404);

    const then = await get(`/v1/storylines/${storylineId}`, { asOccurred: '2023-03-06T12:00:00Z' });
    expect(then.status).toBe(200);
    expect(then.body.asOccurred).toBe('2023-03-06T12:00:00Z');
    expect(then.body.asOf).toBeUndefined();
    expect(then.body.claims.map((claim: { id: string }) => claim.id)).toEqual([hershClaim]);
    expect(then.body.claims[0].status).toBe('disputed');
    expect(then.body.status).toBe('disputed');
  });

  it('answers 404 for a claim not made yet, naming the world time', async () => {
    const response = await get(`/v1/claims/${groupClaim}`, { asOccurred: '2023-03-06T12:00:00Z' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toContain('as occurred by 2023-03-06T12:00:00Z');
  });

  it('shows a storyline with nothing before its first development', async () => {
    const before = await get(`/v1/storylines/${storylineId}`, { asOccurred: '2023-02-01T00:00:00Z' });
    expect(before.status).toBe(200);
    expect(before.body.claims).toEqual([]);
    expect(before.body.counts.disputed).toBe(0);
    const timeline = await get(`/v1/storylines/${storylineId}/timeline`, { asOccurred: '2023-02-01T00:00:00Z' });
    expect(timeline.body).toEqual({ items: [], asOccurred: '2023-02-01T00:00:00Z' });
  });

  it('counts a development known to the day from the start of its day', async () => {
    // The claim and the White House denial are dated 8 February 2023 in Washington (05:00 UTC).
    const justBefore = await get(`/v1/claims/${hershClaim}`, { asOccurred: '2023-02-08T04:59:59Z' });
    expect(justBefore.status).toBe(404);
    const atStart = await get(`/v1/claims/${hershClaim}`, { asOccurred: '2023-02-08T05:00:00Z' });
    expect(atStart.body.status).toBe('disputed');
    expect(atStart.body.contradictions).toHaveLength(1);
  });

  it('shows the status between developments, without the verdict issued today', async () => {
    const supported = await get(`/v1/claims/${groupClaim}`, { asOccurred: '2023-03-07T20:00:00Z' });
    expect(supported.status).toBe(200);
    expect(supported.body.supports).toHaveLength(1);
    expect(supported.body.contradictions).toEqual([]);
    expect(supported.body.status).not.toBe('disputed');

    const denied = await get(`/v1/claims/${groupClaim}`, { asOccurred: '2023-03-08T12:00:00Z' });
    expect(denied.body.contradictions).toHaveLength(1);
    expect(denied.body.status).toBe('disputed');

    const hershThen = await get(`/v1/claims/${hershClaim}`, { asOccurred: '2023-03-08T12:00:00Z' });
    expect(hershThen.body.verdict).toBeUndefined();
    expect(hershThen.body.status).toBe('disputed');
    const hershNow = await get(`/v1/claims/${hershClaim}`);
    expect(hershNow.body.status).toBe('unproven');
  });

  it('lists the timeline up to the world time', async () => {
    const timeline = await get(`/v1/storylines/${storylineId}/timeline`, { asOccurred: '2023-03-07T20:00:00Z' });
    expect(
      timeline.body.items.map((entry: { type: string; claimId: string }) => `${entry.type} ${entry.claimId}`).sort(),
    ).toEqual(
      [
        `ClaimContradicted ${hershClaim}`,
        `ClaimRecorded ${groupClaim}`,
        `ClaimRecorded ${hershClaim}`,
        `ClaimSupported ${groupClaim}`,
      ].sort(),
    );
    expect(timeline.body.asOccurred).toBe('2023-03-07T20:00:00Z');
  });

  it('answers what the desk knew at one time about the world at another', async () => {
    const known = await get(`/v1/claims/${groupClaim}`, {
      asOf: beforeUkraineDenial,
      asOccurred: '2023-03-08T12:00:00Z',
    });
    expect(known.status).toBe(200);
    expect(known.body).toMatchObject({ asOf: beforeUkraineDenial, asOccurred: '2023-03-08T12:00:00Z' });
    expect(known.body.contradictions).toEqual([]);
    expect(known.body.supports).toHaveLength(1);

    const storyline = await get(`/v1/storylines/${storylineId}/claims`, {
      asOf: beforeUkraineDenial,
      asOccurred: '2023-03-07T00:00:00Z',
    });
    expect(storyline.body.items.map((claim: { id: string }) => claim.id)).toEqual([hershClaim]);
    expect(storyline.body).toMatchObject({ asOf: beforeUkraineDenial, asOccurred: '2023-03-07T00:00:00Z' });
  });

  it("lists a party's claims made by then; a name no claim had used by then is not found", async () => {
    const early = await get('/v1/parties/us-officials/claims', { asOccurred: '2023-03-01T00:00:00Z' });
    expect(early.status).toBe(404);
    expect(early.body.detail).toContain('as occurred by 2023-03-01T00:00:00Z');
    const later = await get('/v1/parties/us-officials/claims', { asOccurred: '2023-03-08T12:00:00Z' });
    expect(later.body).toEqual({
      items: [expect.objectContaining({ claimId: groupClaim, status: 'disputed' })],
      asOccurred: '2023-03-08T12:00:00Z',
    });
  });

  it("judges a party's affiliations in effect at the world time, against the registry known now", async () => {
    const register = (body: unknown) => app.request('POST', '/v1/parties', { body, as: 'editor' });
    expect((await register({ id: 'jane-doe', name: 'Jane Doe', kind: 'person' })).status).toBe(201);
    expect((await register({ id: 'die-zeit', name: 'Die Zeit', kind: 'media' })).status).toBe(201);
    const affiliation = await app.request('POST', '/v1/parties/jane-doe/affiliations', {
      body: { partyId: 'die-zeit', relation: 'employed_by', from: '2023-03-01T00:00:00+01:00' },
      as: 'editor',
    });
    expect(affiliation.status).toBe(201);
    lastPosition = affiliation.body.position;

    const before = await get('/v1/parties/jane-doe', { asOccurred: '2023-02-15T00:00:00Z' });
    expect(before.status).toBe(200);
    expect(before.body.asOccurred).toBe('2023-02-15T00:00:00Z');
    expect(before.body.affiliations).toEqual([expect.objectContaining({ partyId: 'die-zeit', inEffect: false })]);
    expect(before.headers.get('etag')).toBeNull();
    const after = await get('/v1/parties/jane-doe', { asOccurred: '2023-03-10T00:00:00Z' });
    expect(after.body.affiliations).toEqual([expect.objectContaining({ partyId: 'die-zeit', inEffect: true })]);
  });

  it('equals the live views at a world time in the future, apart from the time it says it shows', async () => {
    const future = '2999-01-01T00:00:00Z';
    for (const url of [
      `/v1/claims/${hershClaim}`,
      `/v1/claims/${groupClaim}`,
      `/v1/storylines/${storylineId}`,
      `/v1/storylines/${storylineId}/claims`,
      `/v1/storylines/${storylineId}/timeline`,
      '/v1/parties/us-officials/claims',
    ]) {
      const [then, now] = await Promise.all([get(url, { asOccurred: future }), get(url)]);
      expect(then.status).toBe(200);
      expect(then.body).toEqual({ ...now.body, asOccurred: future });
    }
  });

  it.each([['asOccurred=yesterday'], ['asOccurred=2023-03-06'], ['asOccurred=2023-03-06T10:00:00']])(
    'answers 400 problem+json naming the parameter to %s',
    async (query) => {
      for (const url of [
        `/v1/claims/${groupClaim}`,
        `/v1/storylines/${storylineId}`,
        `/v1/storylines/${storylineId}/timeline`,
      ]) {
        const response = await app.request('GET', `${url}?${query}`, { as: 'reader' });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(JSON.stringify(response.body)).toContain('asOccurred');
      }
    },
  );
});
