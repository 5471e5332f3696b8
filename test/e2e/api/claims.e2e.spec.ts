import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const REUTERS = party('Reuters', 'media', 'reuters');
const AP = party('Associated Press', 'media', 'associated-press');
const US = party('US government', 'government', 'us-government');

describe('claim endpoints', () => {
  let app: TestApp;
  let storylineId: string;
  let last = -1;
  const send = async (method: string, url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request(method, url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    last = Math.max(last, response.body.position);
    return response;
  };
  const read = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { as: 'reader' });
  const record = async (overrides: Record<string, unknown> = {}) =>
    (await send('POST', `/v1/storylines/${storylineId}/claims`, claimBody(overrides))).body.id as string;

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  });
  afterAll(() => app.close());

  it('records a claim: 201 with id, revision, position and Location', async () => {
    const response = await send('POST', `/v1/storylines/${storylineId}/claims`, claimBody());
    expect(response.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(Number) });
    expect(response.headers.get('location')).toBe(`/v1/claims/${response.body.id}`);
    const view = await read(`/v1/claims/${response.body.id}`);
    expect(view.body).toMatchObject({ status: 'unverified', storylineId, statement: claimBody().statement });
    expect(view.body.explanation).toMatchObject({ rule: expect.any(String), eventIds: expect.any(Array) });
  });

  it('corroborates with two independent supports, and explains which events decided it', async () => {
    const id = await record({
      reportedBy: FT,
      attribution: 'anonymous',
      anonymousSourceCount: 8,
      claimant: party('People familiar with the talks', 'anonymous'),
    });
    await send('POST', `/v1/claims/${id}/supports`, developmentBody(FT, { kind: 'corroboration' }));
    let view = await read(`/v1/claims/${id}`);
    expect(view.body.status).toBe('unverified');
    expect(view.body.supports).toEqual([expect.objectContaining({ independent: false })]);
    await send('POST', `/v1/claims/${id}/supports`, developmentBody(REUTERS, { kind: 'corroboration' }));
    await send('POST', `/v1/claims/${id}/supports`, developmentBody(AP, { kind: 'corroboration' }));
    view = await read(`/v1/claims/${id}`);
    expect(view.body.status).toBe('corroborated');
    const history = await read(`/v1/claims/${id}/history`);
    const independentSupportIds = history.body.items
      .filter(
        (event: { type: string; data: { by: { id: string } } }) =>
          event.type === 'ClaimSupported' && event.data.by.id !== FT.id,
      )
      .map((event: { eventId: string }) => event.eventId);
    expect(view.body.explanation.eventIds).toEqual(expect.arrayContaining(independentSupportIds));
  });

  it('disputes on a contradiction, then a verdict decides, and later evidence asks for review', async () => {
    const id = await record({ statement: 'The agreement document is 100% ready' });
    await send('POST', `/v1/claims/${id}/contradictions`, developmentBody(US, { kind: 'denial' }));
    expect((await read(`/v1/claims/${id}`)).body.status).toBe('disputed');
    await send(
      'POST',
      `/v1/claims/${id}/verdict`,
      { verdict: 'refuted', rationale: 'Officials on both sides deny it' },
      'editor',
    );
    let view = await read(`/v1/claims/${id}`);
    expect(view.body).toMatchObject({ status: 'refuted', needsReview: false, verdict: { verdict: 'refuted' } });
    await send(
      'POST',
      `/v1/claims/${id}/supports`,
      developmentBody(REUTERS, { kind: 'evidence', occurredAt: '2026-02-01T09:00:00Z' }),
    );
    view = await read(`/v1/claims/${id}`);
    expect(view.body).toMatchObject({ status: 'refuted', needsReview: true });
  });

  it('retracts a claim when its claimant withdraws it', async () => {
    const claimant = party('Mark Rutte', 'person', 'mark-rutte');
    const id = await record({ claimant, statement: 'Security guarantees are ready' });
    await send(
      'POST',
      `/v1/claims/${id}/retraction`,
      developmentBody(claimant, { note: 'Withdrawn at a press conference' }),
    );
    const view = await read(`/v1/claims/${id}`);
    expect(view.body).toMatchObject({ status: 'retracted', retraction: { note: 'Withdrawn at a press conference' } });
  });

  it('corrects the statement while the history keeps the original', async () => {
    const id = await record({ statement: 'Das Dokumnet ist fertig.' });
    await send(
      'POST',
      `/v1/claims/${id}/corrections`,
      { changes: { statement: 'Das Dokument ist fertig.' }, reason: 'Typo' },
      'editor',
    );
    const view = await read(`/v1/claims/${id}`);
    expect(view.body.statement).toBe('Das Dokument ist fertig.');
    expect(view.body.corrections).toEqual([expect.objectContaining({ reason: 'Typo' })]);
    const history = await read(`/v1/claims/${id}/history`);
    expect(history.body.items[0]).toMatchObject({
      type: 'ClaimRecorded',
      data: { statement: 'Das Dokumnet ist fertig.' },
    });
  });

  it('keeps the SPEC metadata on every event of the history, with correlation and causation ids', async () => {
    const response = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ statement: 'Traced claim' }),
      headers: { 'x-correlation-id': 'desk-workflow-42', 'x-causation-id': 'editor-click-7' },
    });
    last = Math.max(last, response.body.position);
    const history = await read(`/v1/claims/${response.body.id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({
      revision: 0,
      position: response.body.position,
      metadata: {
        actor: 'reporter-key',
        correlationId: 'desk-workflow-42',
        causationId: 'editor-click-7',
        commandId: expect.any(String),
        schemaVersion: expect.any(Number),
        recordedAt: expect.any(String),
      },
      eventId: expect.any(String),
    });
  });

  it('searches by status, storyline, claimant and text', async () => {
    const ids = async (query: string) =>
      (await read(`/v1/claims?${query}&limit=100`)).body.items.map((item: { statement: string }) => item.statement);
    expect(await ids('status=retracted')).toEqual(['Security guarantees are ready']);
    expect(await ids('claimant=mark-rutte')).toEqual(['Security guarantees are ready']);
    expect(await ids('q=Traced')).toEqual(['Traced claim']);
    expect((await ids(`storyline=${storylineId}`)).length).toBe(6);
    expect(await ids('storyline=another-storyline')).toEqual([]);
  });

  it('publishes a verdict as schema.org ClaimReview JSON-LD', async () => {
    const id = await record({ statement: 'Troops will stay until 2030' });
    await send(
      'POST',
      `/v1/claims/${id}/verdict`,
      { verdict: 'confirmed', rationale: 'Confirmed by the treaty text', reviewUrl: 'https://desk.example.org/troops' },
      'editor',
    );
    const review = await read(`/v1/claims/${id}/claimreview`);
    expect(review.status).toBe(200);
    expect(review.headers.get('content-type')).toMatch(/application\/ld\+json/);
    expect(review.body).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Troops will stay until 2030',
      reviewRating: expect.objectContaining({ alternateName: expect.any(String) }),
    });
  });
});
