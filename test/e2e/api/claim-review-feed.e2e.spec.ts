import { claimBody, storylineBody } from '../../support/fixtures';
import { googleRequiredProblems } from '../../support/google-claimreview';
import { schemaOrgProblems } from '../../support/schema-org';
import { startTestApp, TestApp } from '../../support/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /v1/claimreviews: the feed of published reviews', () => {
  let app: TestApp;
  let storylineId: string;
  let last = 0;
  const post = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    last = Math.max(last, response.body.position);
    return response.body;
  };
  const feed = (query = '') => app.request('GET', `/v1/claimreviews?minPosition=${last}${query}`, { as: 'reader' });
  const urlOf = (id: string) => `https://desk.example.org/checks/${id}`;
  const rule = (id: string, verdict: string, reviewUrl?: string) =>
    post(
      `/v1/claims/${id}/verdict`,
      { verdict, rationale: `Ruled ${verdict}`, ...(reviewUrl ? { reviewUrl } : {}) },
      'editor',
    );
  const ids = (body: { dataFeedElement: Array<{ identifier: string }> }) =>
    body.dataFeedElement.map((review) => review.identifier);
  const recordedAtOf = async (id: string) => {
    const history = await app.request('GET', `/v1/claims/${id}/history`, { as: 'reader' });
    return history.body.items.at(-1).metadata.recordedAt as string;
  };

  const claims: Record<string, string> = {};
  let beforeRerule = '';

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await post('/v1/storylines', storylineBody())).id;
    for (const name of ['first', 'second', 'third', 'unpublished', 'reruled']) {
      claims[name] = (await post(`/v1/storylines/${storylineId}/claims`, claimBody({ statement: `Claim ${name}` }))).id;
    }
    // Distinct recordedAt milliseconds, so the order is the rule's and not a tie-break.
    await rule(claims.reruled, 'confirmed', urlOf('reruled'));
    await pause(5);
    await rule(claims.first, 'refuted', urlOf('first'));
    await pause(5);
    await rule(claims.second, 'misleading', urlOf('second'));
    await pause(5);
    await rule(claims.unpublished, 'refuted');
    await pause(5);
    await rule(claims.third, 'confirmed', urlOf('third'));
    beforeRerule = await recordedAtOf(claims.third);
    await pause(5);
    await rule(claims.reruled, 'refuted');
  });
  afterAll(() => app.close());

  it('is a schema.org DataFeed of ClaimReviews, newest verdict first, published ones only', async () => {
    const response = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
    expect(response.body).toMatchObject({ '@context': 'https://schema.org', '@type': 'DataFeed' });
    expect(ids(response.body)).toEqual([claims.reruled, claims.third, claims.second, claims.first]);
    expect(response.body.nextCursor).toBeUndefined();
    for (const review of response.body.dataFeedElement) expect(googleRequiredProblems(review)).toEqual([]);
    expect(schemaOrgProblems([{ type: 'DataFeed', json: response.body }])).toEqual([[]]);
  });

  it('pages with nextCursor', async () => {
    const first = await feed('&limit=3');
    expect(ids(first.body)).toEqual([claims.reruled, claims.third, claims.second]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await feed(`&limit=3&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([claims.first]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('keeps limit within its documented maximum and refuses a cursor it did not issue', async () => {
    expect((await feed('&limit=101')).status).toBe(400);
    expect((await feed('&limit=0')).status).toBe(400);
    expect((await feed('&cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('answers asOf with the reviews as they were published then', async () => {
    const then = await feed(`&asOf=${encodeURIComponent(beforeRerule)}`);
    expect(then.status).toBe(200);
    expect(ids(then.body)).toEqual([claims.third, claims.second, claims.first, claims.reruled]);
    const reruled = then.body.dataFeedElement.find(
      (review: { identifier: string }) => review.identifier === claims.reruled,
    );
    expect(reruled.reviewRating.name).toBe('True');
    expect(reruled.dateModified).toBeUndefined();

    const paged = await feed(`&asOf=${encodeURIComponent(beforeRerule)}&limit=2`);
    expect(ids(paged.body)).toEqual([claims.third, claims.second]);
    const rest = await feed(`&asOf=${encodeURIComponent(beforeRerule)}&limit=2&cursor=${paged.body.nextCursor}`);
    expect(ids(rest.body)).toEqual([claims.first, claims.reruled]);
    expect(rest.body.nextCursor).toBeUndefined();

    const beforeAll = await feed('&asOf=2020-01-01T00:00:00Z');
    expect(beforeAll.body.dataFeedElement).toEqual([]);
  });

  it('answers asOf "now" the same as the live feed', async () => {
    const live = await feed();
    const now = await feed(`&asOf=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`);
    expect([live.status, now.status]).toEqual([200, 200]);
    expect(live.body.dataFeedElement).toHaveLength(4);
    expect(now.body.dataFeedElement).toEqual(live.body.dataFeedElement);
  });
});
