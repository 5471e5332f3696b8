import { startTestApp, TestApp } from '../../support/test-app';

describe('the OpenAPI document describes ClaimReview out and fact-checks in', () => {
  let app: TestApp;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the served document, asserted below
  let document: any;

  beforeAll(async () => {
    app = await startTestApp();
    document = (await app.request('GET', '/docs/openapi.json', { as: 'nobody' })).body;
  });
  afterAll(() => app.close());

  it('has every new operation with its request and response', () => {
    const feed = document.paths['/v1/claimreviews'].get;
    expect(feed.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'asOf']),
    );
    expect(feed.responses['200'].content['application/ld+json'].schema.$ref).toBe(
      '#/components/schemas/ClaimReviewFeed',
    );

    const importing = document.paths['/v1/claimreviews/import'].post;
    expect(importing.parameters.map((parameter: { name: string }) => parameter.name)).toContain('storyline');
    expect(importing.requestBody.content['application/json'].schema.oneOf).toHaveLength(3);
    expect(importing.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ClaimReviewImport',
    );

    const factCheck = document.paths['/v1/claims/{id}/fact-checks'].post;
    expect(factCheck.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/FactCheckDto');

    const review = document.paths['/v1/claims/{id}/claimreview'].get;
    expect(review.responses['200'].content['application/ld+json'].schema.$ref).toBe('#/components/schemas/ClaimReview');
  });

  it('documents the new fields with their constraints', () => {
    const { schemas } = document.components;
    expect(schemas.VerdictDto.properties).toMatchObject({
      reviewUrl: { type: 'string', maxLength: 2000 },
      ratingText: { type: 'string', minLength: 1, maxLength: 100 },
      reviewer: { type: 'string', minLength: 1, maxLength: 200 },
    });
    expect(schemas.RecordClaimDto.properties.summary).toMatchObject({ maxLength: 75 });
    expect(schemas.ClaimChangesDto.properties.summary).toMatchObject({ maxLength: 75, nullable: true });
    expect(schemas.FactCheckDto.required).toEqual(expect.arrayContaining(['by', 'rating', 'url', 'publishedAt']));
    expect(schemas.ClaimReview.properties).toHaveProperty('@id');
    expect(schemas.ClaimReview.required).toEqual(expect.arrayContaining(['url', 'claimReviewed', 'reviewRating']));
  });
});
