import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const FAMILIAR = party('People familiar with the talks', 'anonymous', 'people-familiar-with-the-talks');
const KREMLIN = party('Kremlin', 'government', 'kremlin');
const PESKOV = party('Dmitry Peskov', 'person', 'dmitry-peskov');
const US_GOVERNMENT = party('US government', 'government', 'us-government');
const REUTERS = party('Reuters', 'media', 'reuters');
const SUPPORT_TIME = '2026-01-27T12:00:00+01:00';

/** Interested parties: a storyline's stakeholders do not corroborate independently; a claim's subject denies. */
describe('stakeholders and the parties a claim is about', () => {
  let app: TestApp;
  let storylineId: string;
  let last = -1;
  const send = async (method: string, url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request(method, url, { body, as });
    expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
      url,
      status: method === 'DELETE' ? 200 : 201,
      detail: undefined,
    });
    last = Math.max(last, response.body.position);
    return response.body as { id: string; position: number };
  };
  const read = async (url: string) => {
    const response = await app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, {
      as: 'reader',
    });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };
  const record = async (overrides: Record<string, unknown>) =>
    (await send('POST', `/v1/storylines/${storylineId}/claims`, claimBody(overrides))).id;
  const support = (claimId: string, by: ReturnType<typeof party>) =>
    send(
      'POST',
      `/v1/claims/${claimId}/supports`,
      developmentBody(by, { kind: 'corroboration', occurredAt: SUPPORT_TIME }),
    );
  const nameStakeholder = (body: Record<string, unknown>) =>
    send('POST', `/v1/storylines/${storylineId}/stakeholders`, body, 'editor');

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await send('POST', '/v1/storylines', storylineBody())).id;
    await send('POST', '/v1/parties', { id: 'kremlin', name: 'Kremlin', kind: 'government' }, 'editor');
    await send('POST', '/v1/parties', { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' }, 'editor');
    await send('POST', '/v1/parties', { id: 'us-government', name: 'US government', kind: 'government' }, 'editor');
    await send(
      'POST',
      '/v1/parties/dmitry-peskov/affiliations',
      { partyId: 'kremlin', relation: 'spokesperson_for' },
      'editor',
    );
  });
  afterAll(() => app.close());

  it("takes a stakeholder's support, and that of a party related to it, as not independent, until it is removed", async () => {
    const claimId = await record({ claimant: FAMILIAR, reportedBy: FT, attribution: 'anonymous' });
    await support(claimId, KREMLIN);
    await support(claimId, PESKOV);
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({ status: 'corroborated', independentSources: 1 });

    await nameStakeholder({ partyId: 'kremlin', reason: 'a belligerent of the war', from: '2022-02-24T00:00:00Z' });
    expect(await read(`/v1/storylines/${storylineId}`)).toMatchObject({
      stakeholders: [{ partyId: 'kremlin', reason: 'a belligerent of the war', from: '2022-02-24T00:00:00Z' }],
    });
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({
      status: 'unverified',
      independentSources: 0,
      supports: [
        {
          independent: false,
          counts: false,
          stake: 'Kremlin has a stake in this story: a belligerent of the war',
        },
        {
          independent: false,
          counts: false,
          stake: 'Dmitry Peskov is spokesperson for Kremlin, which has a stake in this story: a belligerent of the war',
        },
      ],
    });

    await support(claimId, REUTERS);
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({ status: 'corroborated', independentSources: 1 });

    await send('DELETE', `/v1/storylines/${storylineId}/stakeholders/kremlin`, undefined, 'editor');
    expect((await read(`/v1/storylines/${storylineId}`)).stakeholders).toEqual([]);
    const after = await read(`/v1/claims/${claimId}`);
    expect(after.supports.map((entry: { counts: boolean }) => entry.counts)).toEqual([true, true, true]);
    expect(after.supports[0].stake).toBeUndefined();
  });

  it('stakes count only from their date on', async () => {
    const claimId = await record({ claimant: FAMILIAR, reportedBy: FT, attribution: 'anonymous' });
    await support(claimId, KREMLIN);
    await nameStakeholder({ partyId: 'kremlin', reason: 'a later belligerent', from: '2026-02-01T00:00:00Z' });
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({
      status: 'corroborated',
      supports: [{ independent: true, counts: true }],
    });
    await send('DELETE', `/v1/storylines/${storylineId}/stakeholders/kremlin`, undefined, 'editor');
  });

  it('labels a denial by the subject, which still disputes, and lists the claim under role=about', async () => {
    const claimId = await record({
      claimant: FAMILIAR,
      reportedBy: FT,
      attribution: 'anonymous',
      about: [US_GOVERNMENT],
    });
    await send(
      'POST',
      `/v1/claims/${claimId}/contradictions`,
      developmentBody(party('US-Regierung', 'government', 'us-government'), {
        kind: 'denial',
        occurredAt: SUPPORT_TIME,
      }),
    );
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({
      status: 'disputed',
      about: [{ id: 'us-government' }],
      parties: { about: [{ id: 'us-government', registered: true }] },
      contradictions: [{ counts: true, label: 'denial by the subject' }],
      explanation: { summary: 'Contradicted by US government (denial by the subject).' },
    });
    const listed = await read('/v1/parties/us-government/claims?role=about');
    expect(listed.items).toEqual([expect.objectContaining({ claimId, role: 'about' })]);
    const contradictors = await read('/v1/parties/us-government/claims?role=contradictor');
    expect(contradictors.items.map((item: { role: string }) => item.role)).toEqual(['contradictor']);
    expect((await read(`/v1/parties/us-government/claims?role=about&atPosition=${last}`)).items).toEqual(listed.items);

    await send(
      'POST',
      `/v1/claims/${claimId}/corrections`,
      { changes: { about: null }, reason: 'Not about Washington' },
      'editor',
    );
    expect((await read(`/v1/claims/${claimId}`)).contradictions[0].label).toBeUndefined();
    expect((await read('/v1/parties/us-government/claims?role=about')).items).toEqual([]);
  });

  it('puts the stakeholder events in the log', async () => {
    const events = await read('/v1/events?type=StorylineStakeholderNamed&limit=10');
    expect(events.items[0]).toMatchObject({
      type: 'StorylineStakeholderNamed',
      streamId: `storyline-${storylineId}`,
      data: { storylineId, partyId: 'kremlin', reason: 'a belligerent of the war' },
    });
    expect((await read('/v1/events?type=StorylineStakeholderRemoved&limit=10')).items).toHaveLength(2);
  });

  it('answers problem+json for an unknown storyline, party or stakeholder and for bad input', async () => {
    const problem = async (method: string, url: string, body: unknown, status: number) => {
      const response = await app.request(method, url, { body, as: 'editor' });
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({
        url,
        status,
        type: expect.stringContaining('application/problem+json'),
      });
      return response.body;
    };
    await problem('POST', '/v1/storylines/no-such-storyline/stakeholders', { partyId: 'kremlin', reason: 'r' }, 404);
    expect(
      (await problem('POST', `/v1/storylines/${storylineId}/stakeholders`, { partyId: 'nobody', reason: 'r' }, 404))
        .detail,
    ).toMatch(/nobody is not registered/);
    await problem('DELETE', `/v1/storylines/${storylineId}/stakeholders/us-government`, undefined, 404);
    await problem('POST', `/v1/storylines/${storylineId}/stakeholders`, { partyId: 'kremlin' }, 400);
    await problem(
      'POST',
      `/v1/storylines/${storylineId}/stakeholders`,
      { partyId: 'kremlin', reason: 'r', from: 'soon' },
      400,
    );
    await problem(
      'POST',
      `/v1/storylines/${storylineId}/stakeholders`,
      { partyId: 'kremlin', reason: 'r', from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      422,
    );
    await problem('POST', `/v1/storylines/${storylineId}/claims`, claimBody({ about: [] }), 400);
    const reader = await app.request('GET', '/v1/parties/us-government/claims?role=subject', { as: 'reader' });
    expect(reader.status).toBe(400);
  });
});
