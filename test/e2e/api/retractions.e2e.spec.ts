import { appendDirectly } from '../../support/direct-append';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { expectProblem } from '../../support/problem-response';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const REUTERS = party('Reuters', 'media', 'reuters');
const RECORDED_AT = '2026-01-20T10:00:00+01:00';

/** A retraction as the releases before retraction kinds stored it: without a kind. */
async function writeAnOlderRetraction(sqlitePath: string): Promise<void> {
  await appendDirectly(sqlitePath, 'storyline-older', [
    { type: 'StorylineOpened', data: { storylineId: 'older', title: 'Older', summary: '', tags: [] } },
  ]);
  await appendDirectly(sqlitePath, 'claim-older-claim', [
    {
      type: 'ClaimRecorded',
      data: {
        claimId: 'older-claim',
        storylineId: 'older',
        statement: 'The pipeline was damaged by an accident.',
        language: 'en',
        claimant: { id: 'financial-times', name: 'Financial Times', kind: 'media' },
        attribution: 'on_record',
        occurredAt: RECORDED_AT,
        tags: [],
      },
    },
    {
      type: 'ClaimRetracted',
      data: {
        claimId: 'older-claim',
        by: { id: 'financial-times', name: 'Financial Times', kind: 'media' },
        occurredAt: RECORDED_AT,
      },
    },
  ]);
}

describe('retractions: by any name of the claimant or reporter, withdrawn or deleted (issue 20, items 1 and 8)', () => {
  let app: TestApp;
  let storylineId: string;
  let last = 0;
  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    if (response.status < 300) last = Math.max(last, response.body.position);
    return response;
  };
  const read = async (url: string) => {
    const response = await app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, {
      as: 'reader',
    });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };
  const recordFtReport = async (statement: string) => {
    const response = await send(
      `/v1/storylines/${storylineId}/claims`,
      claimBody({ statement, claimant: party('People familiar with the talks', 'anonymous'), reportedBy: FT }),
    );
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    const dir = makeTempDir();
    await writeAnOlderRetraction(`${dir}/factline.db`);
    app = await startTestApp({ dir });
    storylineId = (await send('/v1/storylines', storylineBody({ title: 'Pipeline sabotage' }))).body.id;
    const registered = await send('/v1/parties', { ...FT, aliases: ['FT'] }, 'editor');
    expect(registered.status).toBe(201);
    expect((await send('/v1/parties', party('FT.com', 'media', 'ft-com'), 'editor')).status).toBe(201);
    expect((await send('/v1/parties/ft-com/merge', { into: 'financial-times' }, 'editor')).status).toBe(201);
    expect((await send('/v1/parties', REUTERS, 'editor')).status).toBe(201);
    const affiliated = await send(
      '/v1/parties/reuters/affiliations',
      { partyId: 'financial-times', relation: 'affiliated_with' },
      'editor',
    );
    expect(affiliated.status).toBe(201);
  });
  afterAll(() => app.close());

  it.each([
    ['a registered alias', party('FT', 'media')],
    ['a merged duplicate', party('FT.com', 'media', 'ft-com')],
    ['the registered id, under a name the registry does not know', party('The Pink Paper', 'media', 'financial-times')],
  ])('lets the reporter retract under %s', async (how, by) => {
    const claimId = await recordFtReport(`Retracted under ${how}`);
    const retracted = await send(`/v1/claims/${claimId}/retraction`, developmentBody(by));
    expect(retracted.status).toBe(201);

    const view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'retracted',
      retraction: { by, kind: 'withdrawn' },
      explanation: { rule: 'retracted', summary: `Withdrawn by ${by.name}.` },
    });
    // Who that name is, as supports and contradictions say theirs.
    expect(view.retraction.party).toEqual({
      id: 'financial-times',
      name: 'Financial Times',
      kind: 'media',
      registered: true,
    });
  });

  it('says an unregistered retractor as named, resolved to itself', async () => {
    const response = await send(
      `/v1/storylines/${storylineId}/claims`,
      claimBody({ statement: 'A blogger’s claim, withdrawn', claimant: party('A blogger', 'person') }),
    );
    const claimId = response.body.id as string;
    expect((await send(`/v1/claims/${claimId}/retraction`, developmentBody(party('A blogger', 'person')))).status).toBe(
      201,
    );

    const view = await read(`/v1/claims/${claimId}`);
    expect(view.retraction.party).toMatchObject({ name: 'A blogger', kind: 'person', registered: false });
  });

  it('refuses a party only affiliated with the reporter: 422 problem+json, saying to record a contradiction', async () => {
    const claimId = await recordFtReport('Not Reuters’s to retract');
    const refused = await send(`/v1/claims/${claimId}/retraction`, developmentBody(REUTERS));
    expectProblem(refused, 422, /reporter \(financial-times\).*Reuters \(reuters\) is neither.*contradiction/);

    const view = await read(`/v1/claims/${claimId}`);
    expect(view.status).toBe('unverified');
    expect(view.retraction).toBeUndefined();
  });

  it('records a post deleted without comment: retracted, and the view, the explanation and the timeline say deleted', async () => {
    const claimId = await recordFtReport('A post the outlet took down');
    const deleted = await send(
      `/v1/claims/${claimId}/retraction`,
      developmentBody(party('FT', 'media'), { kind: 'deleted' }),
    );
    expect(deleted.status).toBe(201);

    const view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'retracted',
      retraction: { kind: 'deleted' },
      explanation: { summary: 'Deleted without comment by FT.' },
    });
    const timeline = await read(`/v1/storylines/${storylineId}/timeline?limit=100`);
    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        type: 'ClaimRetracted',
        claimId,
        kind: 'deleted',
        summary: 'FT deleted “A post the outlet took down” without comment',
      }),
    );
    const history = await read(`/v1/claims/${claimId}/history`);
    expect(history.items.at(-1)).toMatchObject({ type: 'ClaimRetracted', data: { kind: 'deleted' } });
  });

  it('refuses a kind it does not know: 400 problem+json naming the field', async () => {
    const claimId = await recordFtReport('Retracted in an unknown way');
    const refused = await send(`/v1/claims/${claimId}/retraction`, developmentBody(FT, { kind: 'shredded' }));
    expectProblem(refused, 400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('reads a retraction stored before retractions had kinds as withdrawn, without rewriting the log', async () => {
    const view = await read('/v1/claims/older-claim');
    expect(view).toMatchObject({
      status: 'retracted',
      retraction: { kind: 'withdrawn' },
      explanation: { summary: 'Withdrawn by Financial Times.' },
    });
    const history = await read('/v1/claims/older-claim/history');
    expect(history.items.at(-1).data).not.toHaveProperty('kind');
  });
});
