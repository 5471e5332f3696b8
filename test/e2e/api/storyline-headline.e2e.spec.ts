import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';
import { KeyRole, postCreated } from '../../support/http-client';

const spiegel = party('Der Spiegel', 'media', 'der-spiegel');
const officials = party('Officials familiar with the investigation', 'anonymous', 'officials-familiar');

describe('a storyline whose only factual claim was retracted', () => {
  let app: TestApp;
  let last = -1;
  const send = async (url: string, body: unknown, as: KeyRole = 'reporter') => {
    const created = await postCreated(app, url, body, as);
    last = Math.max(last, created.position);
    return created;
  };
  const read = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { as: 'reader' });
  let retractedAt: number;

  beforeAll(async () => {
    app = await startTestApp();
    await send('/v1/storylines', storylineBody({ id: 'nord-stream', title: 'Nord Stream sabotage', tags: ['baltic'] }));
    await send(
      '/v1/storylines/nord-stream/claims',
      claimBody({
        id: 'yacht-andromeda',
        statement: 'A team on the yacht Andromeda placed the charges.',
        language: 'en',
        claimant: officials,
        attribution: 'anonymous',
        anonymousSourceCount: 3,
        reportedBy: spiegel,
      }),
    );
    await send(
      '/v1/storylines/nord-stream/claims',
      claimBody({ id: 'pipelines-damaged', statement: 'Three of the four pipelines were damaged.', language: 'en' }),
    );
    await send(
      '/v1/claims/pipelines-damaged/verdict',
      { verdict: 'confirmed', rationale: 'Operator survey.' },
      'editor',
    );
    retractedAt = (await send('/v1/claims/yacht-andromeda/retraction', developmentBody(spiegel))).position;
  });
  afterAll(() => app.close());

  it('is developing, not settled, and says how many claims were retracted', async () => {
    const view = await read('/v1/storylines/nord-stream');

    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'developing',
      counts: { retracted: 1, confirmed: 1 },
      retractedClaims: 1,
    });
    const listed = await read('/v1/storylines?status=developing');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: 'nord-stream', retractedClaims: 1 })]);
    expect((await read('/v1/storylines?status=settled')).body.items).toEqual([]);
  });

  it('counts the retraction from its position on in the as-of view', async () => {
    const before = await read(`/v1/storylines/nord-stream?atPosition=${retractedAt - 1}`);

    expect(before.body).toMatchObject({
      status: 'developing',
      counts: { unverified: 1, confirmed: 1 },
      retractedClaims: 0,
    });
    const at = await read(`/v1/storylines/nord-stream?atPosition=${retractedAt}`);
    expect(at.body).toMatchObject({ status: 'developing', counts: { retracted: 1 }, retractedClaims: 1 });
  });

  it('settles once the desk rules on the retracted claim, which is still counted as retracted', async () => {
    await send('/v1/claims/yacht-andromeda/verdict', { verdict: 'unproven', rationale: 'No second source.' }, 'editor');

    const view = await read('/v1/storylines/nord-stream');
    expect(view.body).toMatchObject({
      status: 'settled',
      counts: { retracted: 0, unproven: 1, confirmed: 1 },
      retractedClaims: 1,
    });
    const claims = await read('/v1/storylines/nord-stream/claims');
    expect(claims.body.items.map((claim: { id: string; status: string }) => [claim.id, claim.status])).toEqual([
      ['yacht-andromeda', 'unproven'],
      ['pipelines-damaged', 'confirmed'],
    ]);
  });
});
