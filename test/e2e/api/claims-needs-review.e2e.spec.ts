import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

describe('GET /v1/claims?needsReview=', () => {
  let app: TestApp;
  let ruledThenContradicted: string;
  let ruled: string;
  let last = -1;

  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    last = Math.max(last, response.body.position);
    return response.body.id as string;
  };
  const ids = async (query: string) => {
    const response = await app.request('GET', `/v1/claims?${query}&minPosition=${last}`, { as: 'reader' });
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ id: string }>).map((claim) => claim.id).sort();
  };

  beforeAll(async () => {
    app = await startTestApp();
    const storylineId = await send('/v1/storylines', storylineBody());
    ruledThenContradicted = await send(
      `/v1/storylines/${storylineId}/claims`,
      claimBody({ id: 'ruled-then-contradicted' }),
    );
    ruled = await send(`/v1/storylines/${storylineId}/claims`, claimBody({ id: 'ruled' }));
    for (const id of [ruledThenContradicted, ruled]) {
      await send(
        `/v1/claims/${id}/verdict`,
        { verdict: 'confirmed', rationale: 'Checked against the document.' },
        'editor',
      );
    }
    await send(
      `/v1/claims/${ruledThenContradicted}/contradictions`,
      developmentBody(party('US government', 'government'), { kind: 'denial' }),
    );
  });
  afterAll(() => app.close());

  it('true: only claims with developments after their verdict', async () => {
    expect(await ids('needsReview=true')).toEqual([ruledThenContradicted]);
  });

  it('false: only claims without', async () => {
    expect(await ids('needsReview=false')).toEqual([ruled]);
  });

  it('combines with the other filters', async () => {
    expect(await ids('needsReview=true&status=disputed')).toEqual([]);
    expect(await ids('needsReview=true&status=confirmed')).toEqual([ruledThenContradicted]);
  });

  it('answers 400 for anything but true or false', async () => {
    const response = await app.request('GET', '/v1/claims?needsReview=yes', { as: 'reader' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'needsReview', message: expect.stringContaining('boolean') }]);
  });
});
