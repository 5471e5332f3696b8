import { claimIdForReview } from '../../../src/application/claim-reviews/import/imported-review';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

/** A ClaimReview as another fact-checker publishes it, with extra properties an import leaves alone. */
const outsideReview = (slug: string, overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factcheck.example.net/${slug}`,
  claimReviewed: `Claim checked in ${slug}`,
  datePublished: '2026-01-28',
  author: { '@type': 'Organization', name: 'Correctiv', url: 'https://correctiv.example' },
  reviewRating: { '@type': 'Rating', ratingValue: '1', bestRating: '5', worstRating: '1', alternateName: 'Falsch' },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Person', name: 'Wolodymyr Selenskyj' },
    datePublished: '2026-01-23T14:00:00+01:00',
    firstAppearance: { '@type': 'CreativeWork', url: `https://news.example/${slug}`, headline: 'Interview' },
  },
  image: 'https://factcheck.example.net/card.png',
  ...overrides,
});

describe('fact-checks in', () => {
  let app: TestApp;
  let storylineId: string;
  let last = 0;
  const importDocument = (document: unknown, as: 'editor' | 'reporter' = 'editor') =>
    app.request('POST', `/v1/claimreviews/import?storyline=${storylineId}`, { body: document, as });
  const read = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { as: 'reader' });
  const imported = async (document: unknown) => {
    const response = await importDocument(document);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    last = Math.max(last, response.body.position);
    return response.body;
  };
  const head = async () => {
    const events = await app.request('GET', '/v1/events?after=0&limit=500', { as: 'reader' });
    return events.body.items.length as number;
  };

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  });
  afterAll(() => app.close());

  it('imports one ClaimReview as a claim with a fact-check that disputes it', async () => {
    const body = await imported(outsideReview('one'));
    const claimId = claimIdForReview('https://factcheck.example.net/one');
    expect(body.items).toEqual([
      {
        url: 'https://factcheck.example.net/one',
        claimId,
        storylineId,
        claim: 'recorded',
        factCheck: 'recorded',
        revision: 1,
        position: expect.any(Number),
      },
    ]);
    const view = (await read(`/v1/claims/${claimId}`)).body;
    expect(view).toMatchObject({
      statement: 'Claim checked in one',
      claimant: { id: 'wolodymyr-selenskyj', name: 'Wolodymyr Selenskyj', kind: 'person' },
      occurredAt: '2026-01-23T14:00:00+01:00',
      source: { url: 'https://news.example/one', title: 'Interview' },
      status: 'disputed',
      factChecks: [
        {
          by: { id: 'correctiv', name: 'Correctiv', kind: 'organization' },
          rating: { value: 1, best: 5, worst: 1, text: 'Falsch' },
          url: 'https://factcheck.example.net/one',
          publishedAt: '2026-01-28T00:00:00Z',
          publishedAtPrecision: 'day',
          effect: 'contradiction',
          meaning: 'false',
          counts: true,
        },
      ],
    });
    expect(view.explanation.eventIds).toEqual([view.factChecks[0].eventId]);
    expect(view.explanation.summary).toBe('Rated false by Correctiv (fact-check).');
    const timeline = (await read(`/v1/storylines/${storylineId}/timeline`)).body.items;
    expect(timeline.find((entry: { type: string }) => entry.type === 'ClaimFactChecked')).toMatchObject({
      occurredAt: '2026-01-28T00:00:00Z',
      by: { name: 'Correctiv' },
      counts: true,
      summary: expect.stringContaining('counts as a contradiction'),
    });
  });

  it('keeps dates written without a time as known to the day: the review, the claim and its source', async () => {
    const slug = 'dated-only';
    await imported(
      outsideReview(slug, {
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Person', name: 'Jan Kowalski' },
          firstAppearance: {
            '@type': 'CreativeWork',
            url: `https://news.example/${slug}`,
            datePublished: '2026-01-26',
          },
        },
      }),
    );
    const view = (await read(`/v1/claims/${claimIdForReview(`https://factcheck.example.net/${slug}`)}`)).body;
    expect(view).toMatchObject({
      occurredAt: '2026-01-26T00:00:00Z',
      occurredAtPrecision: 'day',
      source: { url: `https://news.example/${slug}`, publishedAt: '2026-01-26T00:00:00Z', publishedAtPrecision: 'day' },
      factChecks: [{ publishedAt: '2026-01-28T00:00:00Z', publishedAtPrecision: 'day' }],
    });
  });

  it('imports an array and a DataFeed (bare and DataFeedItem elements), with non-ASCII names and text', async () => {
    const array = await imported([
      outsideReview('array-1', {
        claimReviewed: 'Россия захватила 17 населённых пунктов за неделю',
        inLanguage: 'ru',
        author: { '@type': 'NewsMediaOrganization', name: 'Детектор медіа' },
        reviewRating: { '@type': 'Rating', ratingValue: 5, alternateName: 'Правда' },
        itemReviewed: { '@type': 'Claim', author: { '@type': 'GovernmentOrganization', name: 'Минобороны России' } },
      }),
      outsideReview('array-2', {
        claimReviewed: 'أوروبا لا تستطيع الدفاع عن نفسها',
        inLanguage: 'ar',
        author: { '@type': 'Organization', name: 'مسبار' },
        reviewRating: { '@type': 'Rating', ratingValue: 3, alternateName: 'نصف صحيح' },
      }),
    ]);
    expect(array.items.map((item: { claim: string }) => item.claim)).toEqual(['recorded', 'recorded']);
    const [russia, europe] = array.items.map((item: { claimId: string }) => item.claimId);
    const russiaView = (await read(`/v1/claims/${russia}`)).body;
    expect(russiaView).toMatchObject({
      statement: 'Россия захватила 17 населённых пунктов за неделю',
      language: 'ru',
      claimant: { name: 'Минобороны России', kind: 'government' },
      status: 'corroborated',
      factChecks: [{ by: { id: 'детектор-медіа', kind: 'media' }, effect: 'support', counts: true }],
    });
    const europeView = (await read(`/v1/claims/${europe}`)).body;
    expect(europeView).toMatchObject({ status: 'unverified', language: 'ar' });
    expect(europeView.factChecks[0]).toMatchObject({
      effect: 'neither',
      counts: false,
      reason: expect.stringContaining('middle'),
    });

    const feed = await imported({
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        outsideReview('feed-1', { claimReviewed: '米国は安全保障をドンバスの割譲に結びつけている' }),
        { '@type': 'DataFeedItem', item: outsideReview('feed-2', { itemReviewed: undefined }) },
      ],
    });
    expect(feed.items).toHaveLength(2);
    const unattributed = (await read(`/v1/claims/${feed.items[1].claimId}`)).body;
    expect(unattributed).toMatchObject({ attribution: 'unattributed', claimant: { kind: 'anonymous' } });
  });

  it('appends nothing when the same document comes again, and completes an interrupted import', async () => {
    const document = [outsideReview('again-1'), outsideReview('again-2')];
    // An import interrupted after its first claim was recorded, before its fact-check.
    const claimId = claimIdForReview('https://factcheck.example.net/again-1');
    const recorded = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ id: claimId, statement: 'Claim checked in again-1' }),
    });
    expect(recorded.status).toBe(201);
    const completed = await imported(document);
    expect(completed.items.map(({ claim, factCheck }: Record<string, string>) => [claim, factCheck])).toEqual([
      ['existing', 'recorded'],
      ['recorded', 'recorded'],
    ]);
    const before = await head();
    const again = await imported(document);
    expect(again.items.map(({ claim, factCheck }: Record<string, string>) => [claim, factCheck])).toEqual([
      ['existing', 'unchanged'],
      ['existing', 'unchanged'],
    ]);
    expect(again.position).toBe(-1);
    expect(await head()).toBe(before);
  });

  it('records a re-rating at the same address, and only the latest one there counts', async () => {
    await imported(outsideReview('rerated'));
    const body = await imported(
      outsideReview('rerated', { reviewRating: { '@type': 'Rating', ratingValue: 4, alternateName: 'Mostly true' } }),
    );
    expect(body.items[0]).toMatchObject({ claim: 'existing', factCheck: 'recorded' });
    const view = (await read(`/v1/claims/${body.items[0].claimId}`)).body;
    expect(view.status).toBe('corroborated');
    expect(view.factChecks.map(({ counts, effect }: Record<string, unknown>) => [counts, effect])).toEqual([
      [false, 'neither'],
      [true, 'support'],
    ]);
    expect(view.factChecks[0].reason).toMatch(/replaced by a later review/);
  });

  it('refuses a malformed document with 400 naming each JSON path, and appends nothing of it', async () => {
    const before = await head();
    const response = await importDocument({
      '@type': 'DataFeed',
      dataFeedElement: [
        outsideReview('good'),
        outsideReview('bad-rating', {
          reviewRating: { '@type': 'Rating', ratingValue: 9, bestRating: 5, alternateName: 'x' },
        }),
        outsideReview('no-url', { url: undefined, claimReviewed: '' }),
        { '@type': 'DataFeedItem', item: outsideReview('bad-date', { datePublished: 'yesterday' }) },
        outsideReview('bad-author', { itemReviewed: { author: { '@type': 'Person', name: '—' } } }),
      ],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '$.dataFeedElement[2].claimReviewed',
        '$.dataFeedElement[2].url',
        '$.dataFeedElement[3].item.datePublished',
      ]),
    );
    const more = await importDocument([
      outsideReview('good-2'),
      outsideReview('bad', { reviewRating: { ratingValue: 9, alternateName: 'x' } }),
    ]);
    expect(more.status).toBe(400);
    expect(more.body.errors).toEqual([
      { field: '$[1].reviewRating.ratingValue', message: 'the rating 9 lies outside its scale 1–5' },
    ]);
    const author = await importDocument(outsideReview('a', { itemReviewed: { author: { name: '—' } } }));
    expect(author.body.errors).toEqual([
      { field: '$.itemReviewed.author.name', message: 'has no letter or digit to derive a party id from' },
    ]);
    expect((await importDocument('just text')).status).toBe(400);
    expect((await importDocument({ '@type': 'Review' })).body.errors[0].field).toBe("$['@type']");
    expect(await head()).toBe(before);
    expect(
      (
        await app.request('GET', `/v1/claims/${claimIdForReview('https://factcheck.example.net/good')}`, {
          as: 'reader',
        })
      ).status,
    ).toBe(404);
  });

  it('needs an editor key and a storyline that exists', async () => {
    expect((await importDocument(outsideReview('role'), 'reporter')).status).toBe(403);
    const missing = await app.request('POST', '/v1/claimreviews/import?storyline=no-such-storyline', {
      body: outsideReview('nowhere'),
      as: 'editor',
    });
    expect(missing.status).toBe(404);
    expect(
      (await app.request('POST', '/v1/claimreviews/import', { body: outsideReview('x'), as: 'editor' })).status,
    ).toBe(400);
  });
});

describe('POST /v1/claims/:id/fact-checks', () => {
  let app: TestApp;
  let claimId: string;
  let last = 0;
  const FT = party('Financial Times', 'media', 'financial-times');
  const factCheck = (overrides: Record<string, unknown> = {}) => ({
    by: party('Full Fact', 'organization', 'full-fact'),
    rating: { value: 2, best: 5, worst: 1, text: 'Mostly false' },
    url: 'https://fullfact.example/donbass',
    publishedAt: '2026-01-28T10:00:00Z',
    ...overrides,
  });
  const post = (body: unknown, as: 'editor' | 'reporter' = 'editor') =>
    app.request('POST', `/v1/claims/${claimId}/fact-checks`, { body, as });
  const view = async () =>
    (await app.request('GET', `/v1/claims/${claimId}?minPosition=${last}`, { as: 'reader' })).body;

  beforeAll(async () => {
    app = await startTestApp();
    const storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    claimId = (
      await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
        body: claimBody({ reportedBy: FT, claimant: party('People familiar with the talks', 'anonymous') }),
      })
    ).body.id;
  });
  afterAll(() => app.close());

  it("does not count a true rating from the claim's own reporter: independence applies to fact-checkers", async () => {
    const response = await post(
      factCheck({ by: FT, url: 'https://www.ft.com/fact-check', rating: { value: 5, text: 'True' } }),
    );
    expect(response.status).toBe(201);
    last = response.body.position;
    const claim = await view();
    expect(claim.status).toBe('unverified');
    expect(claim.factChecks[0]).toMatchObject({
      effect: 'support',
      counts: false,
      reason: expect.stringContaining('reported the claim'),
      rating: { value: 5, best: 5, worst: 1, text: 'True' },
    });
    expect(claim.explanation.summary).toMatch(/fact-checks by Financial Times do not count/);
  });

  it('counts a rating in the false part of its scale as a contradiction; the same one again appends nothing', async () => {
    const first = await post(factCheck());
    expect(first.status).toBe(201);
    last = first.body.position;
    expect((await view()).status).toBe('disputed');
    const again = await post(factCheck());
    expect(again.status).toBe(201);
    expect(again.body.revision).toBe(first.body.revision);
  });

  it('keeps a review dated to the day as such: publishedAtPrecision, on the claim and on the timeline', async () => {
    const url = 'https://fullfact.example/dated-only';
    const response = await post(factCheck({ url, publishedAt: '2026-01-29T00:00:00Z', publishedAtPrecision: 'day' }));
    expect(response.status).toBe(201);
    last = response.body.position;
    const claim = await view();
    expect(claim.factChecks.find((check: { url: string }) => check.url === url)).toMatchObject({
      publishedAt: '2026-01-29T00:00:00Z',
      publishedAtPrecision: 'day',
    });
    const timeline = await app.request('GET', `/v1/storylines/${claim.storylineId}/timeline?minPosition=${last}`, {
      as: 'reader',
    });
    expect(timeline.body.items.find((entry: { type: string; url?: string }) => entry.url === url)).toMatchObject({
      type: 'ClaimFactChecked',
      occurredAt: '2026-01-29T00:00:00Z',
      occurredAtPrecision: 'day',
    });

    const hourGiven = await post(factCheck({ url, publishedAt: '2026-01-29T09:00:00Z', publishedAtPrecision: 'day' }));
    expect(hourGiven.status).toBe(422);
    expect(hourGiven.body.detail).toMatch(/publishedAt known to the day is recorded as its start/);
  });

  it("refuses a source's publishedAtPrecision that its publishedAt does not start", async () => {
    const storylineId = (await view()).storylineId;
    const source = {
      url: 'https://news.example/dated',
      publishedAt: '2026-01-26T08:00:00Z',
      publishedAtPrecision: 'day',
    };
    const refused = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ id: 'source-dated-to-the-day', source }),
      as: 'editor',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/source.publishedAt known to the day is recorded as its start/);
    const recorded = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({
        id: 'source-dated-to-the-day',
        source: { ...source, publishedAt: '2026-01-26T00:00:00+01:00' },
      }),
      as: 'editor',
    });
    expect(recorded.status).toBe(201);
  });

  it('refuses what cannot be read, and a reporter', async () => {
    const outside = await post(factCheck({ rating: { value: 7, best: 5, worst: 1, text: 'x' } }));
    expect(outside.status).toBe(422);
    expect(outside.body.detail).toMatch(/outside its scale/);
    const malformed = await post(factCheck({ url: 'mailto:x@example.org', rating: { text: '' } }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['rating.text', 'url']);
    expect((await post(factCheck(), 'reporter')).status).toBe(403);
    expect(
      (await app.request('POST', '/v1/claims/no-such-claim/fact-checks', { body: factCheck(), as: 'editor' })).status,
    ).toBe(404);
    expect((await post({ ...developmentBody(FT), ...factCheck() })).status).toBe(400);
  });
});
