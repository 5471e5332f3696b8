import { appendDirectly } from '../../support/direct-append';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { googleRecommendedMissing, googleRequiredProblems } from '../../support/google-claimreview';
import { schemaOrgProblems } from '../../support/schema-org';
import { startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const REUTERS = party('Reuters', 'media', 'reuters');
const SOURCES = party('Eight people familiar with the talks', 'anonymous', 'people-familiar');
const STATEMENT =
  'The US ties its security guarantees for Ukraine to Kyiv ceding the rest of the Donbass region, eight people familiar with the talks say.';
const REVIEW_URL = 'https://desk.example.org/fact-checks/donbass-condition';

describe('GET /v1/claims/:id/claimreview', () => {
  let app: TestApp;
  let storylineId: string;
  let last = -1;
  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter', status = 201) => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status, body: response.body }).toMatchObject({ url, status });
    if (typeof response.body?.position === 'number') last = Math.max(last, response.body.position);
    return response;
  };
  const read = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${Math.max(last, 0)}`, { as: 'reader' });
  const record = async (overrides: Record<string, unknown> = {}) =>
    (await send(`/v1/storylines/${storylineId}/claims`, claimBody(overrides))).body.id as string;
  const rule = (id: string, body: Record<string, unknown>) =>
    send(`/v1/claims/${id}/verdict`, { rationale: 'Both governments deny it on the record', ...body }, 'editor');

  beforeAll(async () => {
    app = await startTestApp({
      env: { NEWSROOM_NAME: 'Berliner Faktencheck', NEWSROOM_URL: 'https://desk.example.org' },
    });
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  });
  afterAll(() => app.close());

  it("publishes the FT report's verdict as Google and schema.org want it", async () => {
    const id = await record({
      statement: STATEMENT,
      language: 'en',
      claimant: SOURCES,
      reportedBy: FT,
      attribution: 'anonymous',
      anonymousSourceCount: 8,
      occurredAt: '2026-01-27T08:00:00+01:00',
      source: {
        url: 'https://www.ft.com/content/donbass',
        title: 'US ties guarantees to Donbass',
        publishedAt: '2026-01-27T06:00:00Z',
      },
    });
    await send(
      `/v1/claims/${id}/supports`,
      developmentBody(REUTERS, {
        kind: 'corroboration',
        source: { url: 'https://www.reuters.com/world/donbass', publishedAt: '2026-01-26T20:00:00Z' },
      }),
    );
    // A verdict backdated by its client: the review is dated by when it was recorded.
    await rule(id, {
      verdict: 'refuted',
      reviewUrl: REVIEW_URL,
      ratingText: 'Pants on fire',
      reviewer: 'Anna Nowak',
      occurredAt: '2020-01-01T00:00:00Z',
    });
    const history = (await read(`/v1/claims/${id}/history`)).body.items;
    const verdictEvent = history.find((event: { type: string }) => event.type === 'ClaimVerdictIssued');

    const response = await read(`/v1/claims/${id}/claimreview`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const review = response.body;
    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      '@id': `https://desk.example.org/claimreviews/${id}`,
      identifier: id,
      url: REVIEW_URL,
      claimReviewed: expect.stringMatching(/…$/),
      reviewBody: 'Both governments deny it on the record',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        name: 'False',
        alternateName: 'Pants on fire',
      },
      author: [
        { '@type': 'Organization', name: 'Berliner Faktencheck', url: 'https://desk.example.org' },
        { '@type': 'Person', name: 'Anna Nowak' },
      ],
      datePublished: verdictEvent.metadata.recordedAt,
      inLanguage: 'en',
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2026-01-27T08:00:00+01:00',
        inLanguage: 'en',
        appearance: [
          {
            '@type': 'CreativeWork',
            url: 'https://www.reuters.com/world/donbass',
            datePublished: '2026-01-26T20:00:00Z',
          },
          {
            '@type': 'CreativeWork',
            url: 'https://www.ft.com/content/donbass',
            headline: 'US ties guarantees to Donbass',
            datePublished: '2026-01-27T06:00:00Z',
          },
        ],
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'https://www.reuters.com/world/donbass',
          datePublished: '2026-01-26T20:00:00Z',
        },
      },
    });
    // The anonymous sources are nobody to name: no author rather than a made-up Person.
    expect(review.itemReviewed.author).toBeUndefined();
    expect([...review.claimReviewed].length).toBeLessThanOrEqual(75);
    expect(STATEMENT.startsWith(`${review.claimReviewed.slice(0, -1)} `)).toBe(true);

    expect(googleRequiredProblems(review)).toEqual([]);
    // Claim.author is recommended, and honestly absent for an anonymous source; nothing else is missing.
    expect(googleRecommendedMissing(review)).toEqual(['Claim.author']);
    expect(schemaOrgProblems([{ type: 'ClaimReview', json: review }])).toEqual([[]]);
  });

  it('types the claimant by party kind, prefers the summary, and dates a re-ruling as modified', async () => {
    const government = party('Міністерство оборони України', 'government', 'ministerstvo-oborony');
    const id = await record({ claimant: government, summary: 'Kyiv: the document is 100% ready' });
    await rule(id, { verdict: 'misleading', reviewUrl: REVIEW_URL, ratingText: 'Half the story' });
    await rule(id, { verdict: 'unproven', rationale: 'The document was never shown' });

    const history = (await read(`/v1/claims/${id}/history`)).body.items.filter(
      (event: { type: string }) => event.type === 'ClaimVerdictIssued',
    );
    const review = (await read(`/v1/claims/${id}/claimreview`)).body;
    expect(review).toMatchObject({
      claimReviewed: 'Kyiv: the document is 100% ready',
      url: REVIEW_URL,
      datePublished: history[0].metadata.recordedAt,
      dateModified: history[1].metadata.recordedAt,
      reviewBody: 'The document was never shown',
      itemReviewed: { author: { '@type': 'GovernmentOrganization', name: 'Міністерство оборони України' } },
      author: { '@type': 'Organization', name: 'Berliner Faktencheck' },
    });
    // Unproven says nothing of truth: published in words only, off the true–false line.
    expect(review.reviewRating).toEqual({ '@type': 'Rating', name: 'Unproven', alternateName: 'Unproven' });
    expect(schemaOrgProblems([{ type: 'ClaimReview', json: review }])).toEqual([[]]);
    expect(googleRequiredProblems(review)).toEqual([]);
  });

  it('shows the verdict fields in the claim view, with when the verdict was recorded', async () => {
    const id = await record();
    await rule(id, { verdict: 'confirmed', reviewUrl: REVIEW_URL, ratingText: 'Stimmt', reviewer: 'Jörg Müller' });
    const view = (await read(`/v1/claims/${id}`)).body;
    expect(view.verdict).toMatchObject({
      verdict: 'confirmed',
      reviewUrl: REVIEW_URL,
      ratingText: 'Stimmt',
      reviewer: 'Jörg Müller',
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('cuts a long statement between words, in scripts without spaces too', async () => {
    const japanese =
      '米国は安全保障の保証をウクライナがドンバスの残りを割譲することに結びつけていると、協議に詳しい8人が述べた。'.repeat(
        2,
      );
    const id = await record({ statement: japanese, language: 'ja' });
    await rule(id, { verdict: 'refuted', reviewUrl: REVIEW_URL });
    const { claimReviewed } = (await read(`/v1/claims/${id}/claimreview`)).body;
    expect([...claimReviewed].length).toBeLessThanOrEqual(75);
    expect(claimReviewed).toMatch(/…$/);
    expect(japanese.startsWith(claimReviewed.slice(0, -1))).toBe(true);
    const segments = [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(japanese)];
    const boundaries = new Set(segments.map(({ index }) => index));
    expect(boundaries.has(claimReviewed.length - 1)).toBe(true);
  });

  it('keeps a summary of at most 75 characters, and a correction can set or remove it', async () => {
    const tooLong = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ summary: 'x'.repeat(76) }),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'summary' })]);

    const id = await record({ statement: 'Short statement' });
    await rule(id, { verdict: 'refuted', reviewUrl: REVIEW_URL });
    await send(
      `/v1/claims/${id}/corrections`,
      { changes: { summary: 'Corrected summary' }, reason: 'Shorter' },
      'editor',
    );
    expect((await read(`/v1/claims/${id}/claimreview`)).body.claimReviewed).toBe('Corrected summary');
    await send(`/v1/claims/${id}/corrections`, { changes: { summary: null }, reason: 'No summary' }, 'editor');
    expect((await read(`/v1/claims/${id}/claimreview`)).body.claimReviewed).toBe('Short statement');
  });

  it('refuses verdict fields that break their constraints, naming each', async () => {
    const id = await record();
    const response = await app.request('POST', `/v1/claims/${id}/verdict`, {
      as: 'editor',
      body: {
        verdict: 'refuted',
        rationale: 'x',
        reviewUrl: 'ftp://desk.example.org/x',
        ratingText: '',
        reviewer: 'r'.repeat(201),
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'ratingText',
      'reviewUrl',
      'reviewer',
    ]);
  });

  it('answers 404 saying why: no verdict, not published, not a factual claim', async () => {
    const unruled = await record();
    const noVerdict = await read(`/v1/claims/${unruled}/claimreview`);
    expect(noVerdict.status).toBe(404);
    expect(noVerdict.body.detail).toMatch(/no verdict/);

    const unpublished = await record();
    await rule(unpublished, { verdict: 'refuted' });
    const notPublished = await read(`/v1/claims/${unpublished}/claimreview`);
    expect(notPublished.status).toBe(404);
    expect(notPublished.body.detail).toMatch(/not published.*reviewUrl/);

    // A claim of another kind (claims gain `kind` on another line of work): recorded straight into the log.
    const opinion = 'rutte-opinion';
    const stored = await appendDirectly(
      app.sqlitePath,
      `claim-${opinion}`,
      [
        {
          type: 'ClaimRecorded',
          data: {
            claimId: opinion,
            storylineId,
            ...claimBody(),
            claimant: { ...party('Mark Rutte'), id: 'mark-rutte' },
            tags: [],
            kind: 'opinion',
          },
        },
        {
          type: 'ClaimVerdictIssued',
          data: {
            claimId: opinion,
            verdict: 'misleading',
            rationale: 'x',
            occurredAt: '2026-01-28T09:00:00Z',
            reviewUrl: REVIEW_URL,
          },
        },
      ],
      'no_stream',
    );
    last = Math.max(last, stored.position);
    const notFactual = await read(`/v1/claims/${opinion}/claimreview`);
    expect(notFactual.status).toBe(404);
    expect(notFactual.body.detail).toMatch(/an opinion: ClaimReview is published for factual claims only/);
  });
});

describe('NEWSROOM_RATING_SCALE', () => {
  it('publishes verdicts on the configured scale, and the service URL as @id without NEWSROOM_URL', async () => {
    const scale = {
      worst: 0,
      best: 10,
      verdicts: {
        refuted: { value: 0, name: 'Falsch' },
        misleading: { value: 3, name: 'Irreführend' },
        unproven: { name: 'Unbelegt' },
        confirmed: { value: 10, name: 'Richtig' },
      },
    };
    const app = await startTestApp({ env: { NEWSROOM_RATING_SCALE: JSON.stringify(scale) } });
    try {
      const storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
      const id = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;
      const verdict = await app.request('POST', `/v1/claims/${id}/verdict`, {
        as: 'editor',
        body: { verdict: 'misleading', rationale: 'Out of context', reviewUrl: REVIEW_URL },
      });
      const review = await app.request('GET', `/v1/claims/${id}/claimreview?minPosition=${verdict.body.position}`, {
        as: 'reader',
      });
      expect(review.body.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: 3,
        bestRating: 10,
        worstRating: 0,
        name: 'Irreführend',
        alternateName: 'Irreführend',
      });
      expect(review.body['@id']).toBe(`${app.baseUrl}/v1/claims/${id}/claimreview`);
      expect(review.body.author).toEqual({ '@type': 'Organization', name: 'Factline desk' });
    } finally {
      await app.close();
    }
  });
});
