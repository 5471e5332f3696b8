import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const RUTTE_SOURCE = {
  url: 'https://example.org/seed/article-de',
  quoteLanguage: 'en',
  translation: { text: '«Wir können es nicht»', language: 'de' },
  machineGenerated: true,
};

describe('claim kinds, times known to the day, and sources with translations', () => {
  let app: TestApp;
  let storylineId: string;
  let last = -1;
  const send = async (method: string, url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request(method, url, { body, as });
    if (response.status < 300) last = Math.max(last, response.body.position);
    return response;
  };
  const read = (url: string) => app.request('GET', `${url}?minPosition=${last}`, { as: 'reader' });
  const record = (overrides: Record<string, unknown>) =>
    send('POST', `/v1/storylines/${storylineId}/claims`, claimBody(overrides));

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  });
  afterAll(() => app.close());

  it('records a claim as factual unless it says otherwise, and a correction can change the kind', async () => {
    const factual = await record({});
    const opinion = await record({
      statement: 'Europa kann sich nicht ohne US-Hilfe verteidigen.',
      kind: 'opinion',
      claimant: party('Mark Rutte', 'person'),
      source: RUTTE_SOURCE,
    });
    expect([factual.status, opinion.status]).toEqual([201, 201]);

    expect((await read(`/v1/claims/${factual.body.id}`)).body.kind).toBe('factual');
    const view = (await read(`/v1/claims/${opinion.body.id}`)).body;
    expect(view).toMatchObject({ kind: 'opinion', source: RUTTE_SOURCE });
    expect(view.source).not.toHaveProperty('quote');

    const corrected = await send(
      'POST',
      `/v1/claims/${opinion.body.id}/corrections`,
      { changes: { kind: 'prediction' }, reason: 'a forecast, not a view' },
      'editor',
    );
    expect(corrected.status).toBe(201);
    expect((await read(`/v1/claims/${opinion.body.id}`)).body.kind).toBe('prediction');
  });

  it('records a day without inventing its hour, on claims and on developments', async () => {
    const claim = await record({ occurredAt: '2026-01-23T00:00:00+01:00', occurredAtPrecision: 'day' });
    expect(claim.status).toBe(201);
    const denial = await send(
      'POST',
      `/v1/claims/${claim.body.id}/contradictions`,
      developmentBody(party('US-Regierung', 'government'), {
        kind: 'denial',
        occurredAt: '2026-01-27T00:00:00+01:00',
        occurredAtPrecision: 'day',
      }),
    );
    expect(denial.status).toBe(201);

    const view = (await read(`/v1/claims/${claim.body.id}`)).body;
    expect(view).toMatchObject({ occurredAt: '2026-01-23T00:00:00+01:00', occurredAtPrecision: 'day' });
    expect(view.contradictions[0]).toMatchObject({ occurredAtPrecision: 'day' });
    const timeline = (await read(`/v1/storylines/${view.storylineId}/timeline`)).body.items;
    const entriesOfClaim = timeline.filter((entry: { claimId?: string }) => entry.claimId === claim.body.id);
    expect(
      entriesOfClaim.map((entry: { type: string; occurredAtPrecision?: string }) => [
        entry.type,
        entry.occurredAtPrecision,
      ]),
    ).toEqual([
      ['ClaimRecorded', 'day'],
      ['ClaimContradicted', 'day'],
    ]);
  });

  it('answers 422 for an hour given with precision day, and for a translation into the original language', async () => {
    const invented = await record({ occurredAt: '2026-01-23T16:00:00+01:00', occurredAtPrecision: 'day' });
    expect(invented.status).toBe(422);
    expect(invented.body.detail).toMatch(/known to the day is recorded as its start/);

    const sameLanguage = await record({ source: { ...RUTTE_SOURCE, quoteLanguage: 'de' } });
    expect(sameLanguage.status).toBe(422);
    expect(sameLanguage.body.detail).toMatch(/language of the original/);
  });

  it('answers 400 for an unknown kind or precision, and for a translation without a language', async () => {
    const response = await record({
      kind: 'rumour',
      occurredAtPrecision: 'week',
      source: { url: 'https://example.org/', translation: { text: 'x' }, machineGenerated: 'yes' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['kind', 'occurredAtPrecision', 'source.translation.language', 'source.machineGenerated']),
    );
  });

  it('documents the new fields in the OpenAPI document', async () => {
    const { schemas } = (await app.request('GET', '/docs/openapi.json', { as: 'nobody' })).body.components;
    expect(schemas.RecordClaimDto.properties.kind).toMatchObject({
      enum: ['factual', 'opinion', 'prediction'],
      default: 'factual',
    });
    expect(schemas.RecordClaimDto.properties.occurredAtPrecision.enum).toEqual(['day', 'month', 'year']);
    expect(Object.keys(schemas.SourceDto.properties)).toEqual(
      expect.arrayContaining(['quote', 'quoteLanguage', 'translation', 'machineGenerated']),
    );
    expect(schemas.TranslationDto.required).toEqual(['text', 'language']);
  });
});
