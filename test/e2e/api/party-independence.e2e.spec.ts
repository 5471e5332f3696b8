import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const REUTERS = party('Reuters', 'media', 'reuters');
const FAMILIAR = party('People familiar with the talks', 'anonymous', 'people-familiar-with-the-talks');
const SUPPORT_TIME = '2026-01-27T12:00:00+01:00';

/**
 * The status rule follows the party registry: every registry write re-evaluates, live, the claims
 * whose mentions it reaches, recorded before it or after.
 */
describe('independence that follows the party registry', () => {
  let app: TestApp;
  let storylineId: string;
  let last = -1;
  const send = async (method: string, url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request(method, url, { body, as });
    expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
      url,
      status: 201,
      detail: undefined,
    });
    last = Math.max(last, response.body.position);
    return response.body as { id: string; position: number };
  };
  const registry = (url: string, body: unknown) => send('POST', url, body, 'editor');
  const read = async (url: string) => {
    const response = await app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, {
      as: 'reader',
    });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };
  const record = async (overrides: Record<string, unknown>) =>
    (await send('POST', `/v1/storylines/${storylineId}/claims`, claimBody(overrides))).id;
  const support = (claimId: string, by: ReturnType<typeof party>, occurredAt = SUPPORT_TIME) =>
    send('POST', `/v1/claims/${claimId}/supports`, developmentBody(by, { kind: 'corroboration', occurredAt }));

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await send('POST', '/v1/storylines', storylineBody())).id;
  });
  afterAll(() => app.close());

  it('stops counting a correspondent once she is registered as employed by the reporting outlet, and counts her again when that ended before her support', async () => {
    const claimId = await record({ claimant: FAMILIAR, reportedBy: FT, attribution: 'anonymous' });
    await support(claimId, party('Jane Roe', 'person', 'jane-roe'));
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({
      status: 'corroborated',
      independentSources: 1,
      supports: [{ independent: true, counts: true, party: { id: 'jane-roe', registered: false } }],
    });

    await registry('/v1/parties', { id: 'financial-times', name: 'Financial Times', kind: 'media' });
    await registry('/v1/parties', { id: 'jane-roe', name: 'Jane Roe', kind: 'person' });
    const affiliated = await registry('/v1/parties/jane-roe/affiliations', {
      partyId: 'financial-times',
      relation: 'employed_by',
    });
    let view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'unverified',
      independentSources: 0,
      parties: { reportedBy: { id: 'financial-times', registered: true } },
      supports: [
        {
          party: { id: 'jane-roe', name: 'Jane Roe', registered: true },
          independent: false,
          counts: false,
          reason: 'Jane Roe is employed by Financial Times, which reported the claim',
        },
      ],
      explanation: { rule: 'no_independent_support' },
    });
    const affiliationEvent = await eventAt(affiliated.position);
    expect(view.explanation.registryEventIds.at(-1)).toBe(affiliationEvent);

    const ended = await registry('/v1/parties/jane-roe/affiliations/end', {
      partyId: 'financial-times',
      to: '2026-01-20T00:00:00Z',
    });
    view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'corroborated',
      supports: [{ independent: true, counts: true }],
      explanation: { rule: 'independent_support' },
    });
    expect(view.supports[0].reason).toBeUndefined();
    expect(view.explanation.registryEventIds.at(-1)).toBe(await eventAt(ended.position));
  });

  it('knows a claimant under the alias a reporter typed, and the storyline headline moves with it', async () => {
    const own = await send('POST', '/v1/storylines', storylineBody({ title: 'Selenskyj und das Dokument' }));
    const claimId = (
      await send(
        'POST',
        `/v1/storylines/${own.id}/claims`,
        claimBody({ claimant: party('Volodymyr Zelensky', 'person', 'volodymyr-zelensky') }),
      )
    ).id;
    await support(claimId, party('Wolodymyr Selenskyj', 'person'));
    expect((await read(`/v1/storylines/${own.id}`)).counts.corroborated).toBe(1);

    await registry('/v1/parties', {
      id: 'volodymyr-zelensky',
      name: 'Volodymyr Zelensky',
      kind: 'person',
      aliases: ['Wolodymyr Selenskyj'],
    });
    const view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({ status: 'unverified' });
    expect(view.supports[0]).toMatchObject({
      party: { id: 'volodymyr-zelensky', registered: true },
      counts: false,
      reason: 'Volodymyr Zelensky made the claim (“Wolodymyr Selenskyj” is an alias of Volodymyr Zelensky)',
    });
    const storyline = await read(`/v1/storylines/${own.id}`);
    expect(storyline).toMatchObject({ status: 'developing', counts: { corroborated: 0, unverified: 1 } });
    expect(storyline.claims[0]).toMatchObject({ id: claimId, status: 'unverified', kind: 'factual' });
  });

  it('takes a merged duplicate for the party it duplicates', async () => {
    await registry('/v1/parties', { id: 'the-financial-times', name: 'The FT (Tokyo desk)', kind: 'media' });
    const claimId = await record({ claimant: FAMILIAR, reportedBy: FT, attribution: 'anonymous' });
    await support(claimId, party('The FT (Tokyo desk)', 'media', 'the-financial-times'));
    expect((await read(`/v1/claims/${claimId}`)).status).toBe('corroborated');

    await registry('/v1/parties/the-financial-times/merge', { into: 'financial-times' });
    const view = await read(`/v1/claims/${claimId}`);
    expect(view.status).toBe('unverified');
    expect(view.supports[0]).toMatchObject({
      party: { id: 'financial-times', name: 'Financial Times' },
      reason: 'Financial Times reported the claim (the-financial-times was merged into Financial Times)',
    });
  });

  it('shows, but does not count, the evidence of a discredited party until it is reinstated', async () => {
    const claimId = await record({ claimant: FAMILIAR, reportedBy: REUTERS, attribution: 'anonymous' });
    const fabricator = party('Party X', 'organization', 'party-x');
    await send('POST', `/v1/claims/${claimId}/contradictions`, developmentBody(fabricator, { kind: 'denial' }));
    expect((await read(`/v1/claims/${claimId}`)).status).toBe('disputed');

    await registry('/v1/parties', { id: 'party-x', name: 'Party X', kind: 'organization' });
    const discredited = await registry('/v1/parties/party-x/discredit', { reason: 'fabricated quotes' });
    let view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'unverified',
      contradictions: [{ counts: false, reason: 'Party X is discredited: fabricated quotes' }],
    });
    expect(view.explanation.summary).toMatch(/contradictions by Party X do not count/);
    expect(view.explanation.registryEventIds).toContain(await eventAt(discredited.position));

    await registry('/v1/parties/party-x/reinstate', { reason: 'the quotes were verified' });
    view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({ status: 'disputed', contradictions: [{ counts: true }] });
  });

  it('relates a ministry to its government, and a spokesperson to whom he speaks for', async () => {
    for (const [id, name, kind] of [
      ['russian-government', 'Russian government', 'government'],
      ['russian-defence-ministry', 'Russian defence ministry', 'government'],
      ['russian-president', 'Russian president', 'person'],
      ['kirill-dmitriev', 'Kirill Dmitriev', 'person'],
    ]) {
      await registry('/v1/parties', { id, name, kind });
    }
    await registry('/v1/parties/russian-defence-ministry/affiliations', {
      partyId: 'russian-government',
      relation: 'part_of',
    });
    await registry('/v1/parties/russian-president/affiliations', {
      partyId: 'russian-government',
      relation: 'part_of',
    });
    await registry('/v1/parties/kirill-dmitriev/affiliations', {
      partyId: 'russian-president',
      relation: 'spokesperson_for',
    });
    const claimId = await record({
      claimant: party('Russian defence ministry', 'government', 'russian-defence-ministry'),
      attribution: 'official_statement',
    });
    await support(claimId, party('Kirill Dmitriev', 'person', 'kirill-dmitriev'));
    const view = await read(`/v1/claims/${claimId}`);
    expect(view.status).toBe('unverified');
    expect(view.supports[0].reason).toBe(
      'Kirill Dmitriev is spokesperson for Russian president, which is part of Russian government; Russian defence ministry is part of Russian government; Russian defence ministry made the claim',
    );
  });

  it('counts related supporters as one source', async () => {
    await registry('/v1/parties', { id: 'reuters', name: 'Reuters', kind: 'media' });
    for (const id of ['anna-kowalska', 'oleh-bondarenko']) {
      await registry('/v1/parties', { id, name: id.replace('-', ' '), kind: 'person' });
      await registry(`/v1/parties/${id}/affiliations`, { partyId: 'reuters', relation: 'employed_by' });
    }
    const claimId = await record({ claimant: FAMILIAR, reportedBy: FT, attribution: 'anonymous' });
    await support(claimId, party('Anna Kowalska', 'person', 'anna-kowalska'));
    await support(claimId, party('Oleh Bondarenko', 'person', 'oleh-bondarenko'));
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({ status: 'corroborated', independentSources: 1 });
    await support(claimId, party('Associated Press', 'media', 'associated-press'));
    expect((await read(`/v1/claims/${claimId}`)).independentSources).toBe(2);
  });

  it('keeps an opinion and its dispute out of the storyline headline, counting it by kind', async () => {
    const own = (await send('POST', '/v1/storylines', storylineBody({ title: 'Europe and its defence' }))).id;
    const claim = (body: Record<string, unknown>) => send('POST', `/v1/storylines/${own}/claims`, claimBody(body));
    await claim({ statement: 'The document is 100% ready.' });
    const opinion = (
      await claim({
        statement: 'Europe cannot defend itself without the US.',
        kind: 'opinion',
        claimant: party('Mark Rutte', 'person', 'mark-rutte'),
        language: 'en',
      })
    ).id;
    await send(
      'POST',
      `/v1/claims/${opinion}/contradictions`,
      developmentBody(party('Jean-Noël Barrot', 'person', 'jean-noel-barrot'), { kind: 'dispute' }),
    );
    expect((await read(`/v1/claims/${opinion}`)).status).toBe('disputed');
    expect(await read(`/v1/storylines/${own}`)).toMatchObject({
      status: 'developing',
      counts: { unverified: 1, disputed: 0 },
      claimCount: 2,
      kinds: { factual: 1, opinion: 1, prediction: 0 },
    });
    const review = await app.request('GET', `/v1/claims/${opinion}/claimreview`, { as: 'reader' });
    expect(review.status).toBe(404);
  });

  async function eventAt(position: number): Promise<string> {
    const page = await read(`/v1/events?after=${position - 1}&limit=1`);
    return page.items[0].eventId as string;
  }
});
