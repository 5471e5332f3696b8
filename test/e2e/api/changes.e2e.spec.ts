import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';
import { runRandomWorkload, waitForLiveProjections } from '../../support/workload';

const usGovernment = party('US government', 'government', 'us-government');
const FT_CLAIM = 'ft-us-guarantees-conditional-on-donbass';
const ftReport = claimBody({
  id: FT_CLAIM,
  statement: 'The US ties its security guarantees to Ukraine ceding the rest of the Donbass.',
  language: 'en',
  claimant: party('People familiar with the talks', 'anonymous'),
  reportedBy: party('Financial Times', 'media'),
  attribution: 'anonymous',
  anonymousSourceCount: 8,
});
const CAPTION = 'polish-image-caption';

/**
 * One desk's day, step by step: each test writes the next developments and asks what changed since
 * the `next` of the answer before, as a desk tool polling the service would.
 */
describe('what changed since I last looked, over HTTP', () => {
  let app: TestApp;
  let storylineId: string;
  const next: number[] = [];
  let head = 0;

  const write = async (method: string, url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request(method, url, { body, as });
    expect(response.status).toBeLessThan(300);
    head = response.body.position;
    return response.body;
  };
  const changes = (query: string, path = '/v1/changes') =>
    app.request('GET', `${path}?${query}&minPosition=${head}`, { as: 'reader' });

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('tells of a storyline opened and a claim recorded since the start', async () => {
    storylineId = (await write('POST', '/v1/storylines', storylineBody())).id;
    await write('POST', `/v1/storylines/${storylineId}/claims`, ftReport);

    const { status, body } = await changes('since=0');

    expect(status).toBe(200);
    expect(body).toMatchObject({ since: 0, next: head, truncated: false, claimsChanged: [] });
    expect(body.storylines).toEqual([
      { id: storylineId, title: 'US–Ukraine security guarantees', after: 'developing' },
    ]);
    expect(body.claimsAdded).toEqual([
      expect.objectContaining({ id: FT_CLAIM, storylineId, status: 'unverified', position: head }),
    ]);
    next.push(body.next);
  });

  it('shows a denial moving the claim from unverified to disputed, decided by the denial, and the headline with it', async () => {
    await write('POST', `/v1/claims/${FT_CLAIM}/contradictions`, developmentBody(usGovernment, { kind: 'denial' }));
    const denial = (await app.request('GET', `/v1/claims/${FT_CLAIM}/history`, { as: 'reader' })).body.items[1];

    const { body } = await changes(`since=${next[0]}`);

    expect(body.claimsChanged).toEqual([
      expect.objectContaining({
        id: FT_CLAIM,
        before: 'unverified',
        after: 'disputed',
        explanation: expect.objectContaining({ rule: 'contradicted', summary: 'Contradicted by US government.' }),
        decidedBy: {
          eventId: denial.eventId,
          type: 'ClaimContradicted',
          position: head,
          recordedAt: denial.metadata.recordedAt,
        },
      }),
    ]);
    expect(body.storylines).toEqual([
      { id: storylineId, title: 'US–Ukraine security guarantees', before: 'developing', after: 'disputed' },
    ]);
    expect(body.developments.total).toMatchObject({ contradictions: 1, claimsRecorded: 0 });
    expect(body.claimsAdded).toEqual([]);
    next.push(body.next);
  });

  it('answers the morning call: new claims, a verdict, headlines moving, developments counted', async () => {
    await write('POST', `/v1/storylines/${storylineId}/claims`, claimBody({ id: 'zelensky-ready' }));
    await write('POST', '/v1/storylines', storylineBody({ id: CAPTION, title: 'Zdjęcie z Kijowa', tags: ['foto'] }));
    await write(
      'POST',
      `/v1/storylines/${CAPTION}/claims`,
      claimBody({ id: 'caption-kyiv', statement: 'Zdjęcie zrobiono w Kijowie w 2022 roku.', language: 'pl' }),
    );
    const verdict = {
      verdict: 'refuted',
      rationale: 'The draft was not final',
      occurredAt: '2026-01-28T09:00:00+01:00',
    };
    await write('POST', `/v1/claims/${FT_CLAIM}/verdict`, verdict, 'editor');

    const { body } = await changes(`since=${next[1]}`);

    expect(body).toMatchObject({ since: next[1], next: head, truncated: false });
    expect(body.claimsAdded.map((claim: { id: string; status: string }) => [claim.id, claim.status])).toEqual([
      ['zelensky-ready', 'unverified'],
      ['caption-kyiv', 'unverified'],
    ]);
    expect(body.claimsChanged).toEqual([
      expect.objectContaining({
        id: FT_CLAIM,
        before: 'disputed',
        after: 'refuted',
        decidedBy: expect.objectContaining({ type: 'ClaimVerdictIssued', position: head }),
      }),
    ]);
    expect(body.storylines).toEqual([
      { id: storylineId, title: 'US–Ukraine security guarantees', before: 'disputed', after: 'developing' },
      { id: CAPTION, title: 'Zdjęcie z Kijowa', after: 'developing' },
    ]);
    expect(body.developments).toEqual({
      total: {
        claimsRecorded: 2,
        supports: 0,
        contradictions: 0,
        retractions: 0,
        corrections: 0,
        verdicts: 1,
        factChecks: 0,
      },
      byStoryline: [
        {
          storylineId,
          claimsRecorded: 1,
          supports: 0,
          contradictions: 0,
          retractions: 0,
          corrections: 0,
          verdicts: 1,
          factChecks: 0,
        },
        {
          storylineId: CAPTION,
          claimsRecorded: 1,
          supports: 0,
          contradictions: 0,
          retractions: 0,
          corrections: 0,
          verdicts: 0,
          factChecks: 0,
        },
      ],
    });
    expect(body.totals).toEqual({ storylines: 2, claimsAdded: 2, claimsChanged: 1, storylinesWithDevelopments: 2 });
    expect(body.nextCursor).toBeUndefined();
    next.push(body.next);
  });

  it('tells one storyline of its own changes only', async () => {
    const { status, body } = await changes(`since=${next[1]}`, `/v1/storylines/${CAPTION}/changes`);
    expect(status).toBe(200);
    expect(body.claimsAdded.map((claim: { id: string }) => claim.id)).toEqual(['caption-kyiv']);
    expect(body.claimsChanged).toEqual([]);
    expect(body.storylines).toEqual([{ id: CAPTION, title: 'Zdjęcie z Kijowa', after: 'developing' }]);
    expect(body.developments.total).toMatchObject({ claimsRecorded: 1, verdicts: 0 });
    expect(body.next).toBe(next[2]);
  });

  it('gives a next that answers only what came after it', async () => {
    const idle = await changes(`since=${next[2]}`);
    expect(idle.body).toMatchObject({
      since: next[2],
      next: next[2],
      claimsAdded: [],
      claimsChanged: [],
      storylines: [],
    });

    const support = developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' });
    await write('POST', '/v1/claims/zelensky-ready/supports', support);
    const { body } = await changes(`since=${next[2]}`);

    expect(body.next).toBe(head);
    expect(body.claimsChanged.map(({ id, before, after }: Record<string, string>) => [id, before, after])).toEqual([
      ['zelensky-ready', 'unverified', 'corroborated'],
    ]);
    expect(body.developments.total).toMatchObject({ supports: 1, verdicts: 0, claimsRecorded: 0 });
    expect(body.claimsAdded).toEqual([]);
    expect(body.storylines).toEqual([]);
    next.push(body.next);
  });

  it('starts a sinceTime after the last position recorded at or before that moment, whatever the offset', async () => {
    const denial = (await app.request('GET', `/v1/claims/${FT_CLAIM}/history`, { as: 'reader' })).body.items[1];
    const kyivTime = new Date(Date.parse(denial.metadata.recordedAt) + 2 * 3600_000)
      .toISOString()
      .replace('Z', '+02:00');

    const byTime = await changes(`sinceTime=${encodeURIComponent(kyivTime)}`);
    const byPosition = await changes(`since=${denial.position}`);

    expect(byTime.status).toBe(200);
    expect(byTime.body.since).toBe(denial.position);
    expect(byTime.body.sinceTime).toBe(kyivTime);
    const { sinceTime: _sinceTime, ...rest } = byTime.body;
    expect(rest).toEqual(byPosition.body);

    const beforeTheLog = await changes(`sinceTime=${encodeURIComponent('2020-01-01T00:00:00+01:00')}`);
    expect(beforeTheLog.body.since).toBe(-1);
    expect(beforeTheLog.body.totals.claimsAdded).toBe(3);
  });

  it("pages long lists with a cursor; later pages keep the first page's window", async () => {
    const first = await changes(`since=${next[1]}&limit=1`);
    expect(first.body.claimsAdded.map((claim: { id: string }) => claim.id)).toEqual(['zelensky-ready']);
    expect(first.body.storylines).toHaveLength(1);
    expect(first.body.totals).toMatchObject({ claimsAdded: 2, storylines: 2 });
    expect(first.body.developments.total).toMatchObject({ claimsRecorded: 2, verdicts: 1, supports: 1 });
    expect(first.body.nextCursor).toEqual(expect.any(String));

    await write('POST', `/v1/storylines/${CAPTION}/claims`, claimBody({ id: 'caption-later' }));
    const second = await changes(`since=${next[1]}&limit=1&cursor=${first.body.nextCursor}`);

    expect(second.status).toBe(200);
    expect(second.body.next).toBe(first.body.next);
    expect(second.body.claimsAdded.map((claim: { id: string }) => claim.id)).toEqual(['caption-kyiv']);
    expect(second.body.storylines.map((storyline: { id: string }) => storyline.id)).toEqual([CAPTION]);
    expect(second.body.nextCursor).toBeUndefined();

    const elsewhere = await changes(`since=${next[0]}&limit=1&cursor=${first.body.nextCursor}`);
    expect(elsewhere.status).toBe(400);
  });

  it('refuses bad input with problem+json', async () => {
    const checkpoint = (await changes('since=0')).body.next;
    const cases: Array<[string, number]> = [
      ['since=-1', 400],
      ['since=1.5', 400],
      ['since=abc', 400],
      ['since=', 400],
      [`since=${checkpoint + 1}`, 400],
      ['', 400],
      [`since=0&sinceTime=${encodeURIComponent('2026-01-27T10:00:00+01:00')}`, 400],
      ['sinceTime=2026-01-27T10:00:00', 400],
      ['sinceTime=yesterday', 400],
      ['since=0&limit=0', 400],
      ['since=0&cursor=not-a-cursor', 400],
      ['since=0&unknown=1', 400],
    ];
    for (const [query, status] of cases) {
      const response = await app.request('GET', `/v1/changes?${query}`, { as: 'reader' });
      expect({ query, status: response.status }).toEqual({ query, status });
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const beyond = await app.request('GET', `/v1/changes?since=${checkpoint + 1}`, { as: 'reader' });
    expect(beyond.body.detail).toMatch(/beyond the read models' checkpoint/);

    const unknown = await app.request('GET', '/v1/storylines/no-such-storyline/changes?since=0', { as: 'reader' });
    expect(unknown.status).toBe(404);
    const anonymous = await app.request('GET', '/v1/changes?since=0', { as: 'nobody' });
    expect(anonymous.status).toBe(401);
  });

  it('waits with minPosition for a since just written', async () => {
    const { position } = await write(
      'POST',
      `/v1/claims/zelensky-ready/supports`,
      developmentBody(usGovernment, { kind: 'evidence' }),
    );
    const response = await app.request('GET', `/v1/changes?since=${position}&minPosition=${position}`, {
      as: 'reader',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ since: position, next: position });
  });

  it("weighs claims with their storyline's stakeholders at since and at next, as their views do", async () => {
    const peskov = party('Dmitry Peskov', 'person', 'dmitry-peskov');
    const statusOf = async (claimId: string) =>
      (await app.request('GET', `/v1/claims/${claimId}?minPosition=${head}`, { as: 'reader' })).body.status;
    const moved = (body: { claimsChanged: Array<Record<string, string>> }) =>
      body.claimsChanged.map(({ id, before, after }) => [id, before, after]);
    await write('POST', '/v1/parties', { id: 'kremlin', name: 'Kremlin', kind: 'government' }, 'editor');
    await write('POST', '/v1/parties', { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' }, 'editor');
    const tie = { partyId: 'kremlin', relation: 'spokesperson_for' };
    await write('POST', '/v1/parties/dmitry-peskov/affiliations', tie, 'editor');
    await write('POST', `/v1/storylines/${CAPTION}/claims`, claimBody({ id: 'caption-before-the-stake' }));
    await write(
      'POST',
      '/v1/claims/caption-before-the-stake/supports',
      developmentBody(peskov, { kind: 'corroboration' }),
    );
    expect(await statusOf('caption-before-the-stake')).toBe('corroborated');
    const beforeTheStake = head;

    const stake = { partyId: 'kremlin', reason: 'a belligerent of the war' };
    await write('POST', `/v1/storylines/${CAPTION}/stakeholders`, stake, 'editor');
    await write('POST', `/v1/storylines/${CAPTION}/claims`, claimBody({ id: 'caption-after-the-stake' }));
    await write(
      'POST',
      '/v1/claims/caption-after-the-stake/supports',
      developmentBody(peskov, { kind: 'corroboration' }),
    );
    expect(await statusOf('caption-before-the-stake')).toBe('unverified');
    expect(await statusOf('caption-after-the-stake')).toBe('unverified');

    const named = (await changes(`since=${beforeTheStake}`)).body;
    expect(named.claimsAdded).toEqual([
      expect.objectContaining({ id: 'caption-after-the-stake', status: 'unverified' }),
    ]);
    expect(moved(named)).toEqual([['caption-before-the-stake', 'corroborated', 'unverified']]);
    const withTheStake = head;

    await write('DELETE', `/v1/storylines/${CAPTION}/stakeholders/kremlin`, undefined, 'editor');
    const removed = (await changes(`since=${withTheStake}`)).body;
    expect(moved(removed).sort()).toEqual([
      ['caption-after-the-stake', 'unverified', 'corroborated'],
      ['caption-before-the-stake', 'unverified', 'corroborated'],
    ]);
    expect(await statusOf('caption-after-the-stake')).toBe('corroborated');
  });

  it('answers the same before and after the read models are rebuilt', async () => {
    const storyHead = head;
    head = await runRandomWorkload(app, 20260127, { storylines: 3, claims: 15, developments: 60 });
    const sinces = [0, ...next, storyHead, Math.floor((storyHead + head) / 2), head - 5];
    const queries = [...sinces.map((since) => `since=${since}`), `since=${next[1]}&limit=1`];
    const answers = async () => Promise.all(queries.map(async (query) => (await changes(query)).body));
    const before = await answers();

    const rebuild = await app.request('POST', '/v1/projections/claims/rebuild', { as: 'admin' });
    expect(rebuild.status).toBe(202);
    await waitForLiveProjections(app);

    expect(await answers()).toEqual(before);
    expect(before[0].totals.claimsAdded).toBe(6 + 15);
    expect(before.some((answer) => answer.claimsChanged.length > 0 && answer.storylines.length > 0)).toBe(true);
  });

  it('is described in the OpenAPI document, every field and status', async () => {
    const document = (await app.request('GET', '/docs/openapi.json', { as: 'nobody' })).body;
    const all = document.paths['/v1/changes'].get;
    const ofStoryline = document.paths['/v1/storylines/{id}/changes'].get;
    const answers = ['200', '400', '401', '403', '429', '500', '503'];
    expect(Object.keys(all.responses)).toEqual(expect.arrayContaining(answers));
    expect(Object.keys(all.responses)).not.toContain('404');
    expect(Object.keys(ofStoryline.responses)).toEqual(expect.arrayContaining([...answers, '404']));
    expect(all.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(
      ['cursor', 'limit', 'minPosition', 'since', 'sinceTime'].sort(),
    );
    expect(all.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Changes');
    const names = [
      'Changes',
      'StorylineHeadlineChange',
      'ClaimAdded',
      'ClaimStatusChange',
      'DecidingEvent',
      'Developments',
      'DevelopmentCounts',
      'StorylineDevelopments',
      'ChangeTotals',
    ];
    for (const name of names) {
      const schema = document.components.schemas[name];
      expect({ name, described: typeof schema?.description }).toEqual({ name, described: 'string' });
      for (const [field, property] of Object.entries(schema.properties as Record<string, { description?: string }>)) {
        expect({ name, field, described: typeof property.description }).toEqual({ name, field, described: 'string' });
      }
    }
  });
});
