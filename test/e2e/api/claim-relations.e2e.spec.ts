import { claimBody, storylineBody } from '../../support/fixtures';
import { openSse } from '../../support/sse-client';
import { KEYS, startTestApp, TestApp } from '../../support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../../support/webhook-receiver';
import { logAfter, registerWebhook } from '../../support/webhooks';

const CONFIRMED = { verdict: 'confirmed', rationale: 'The divers’ boat was traced.' };

describe('claims related to each other over HTTP', () => {
  let app: TestApp;
  let hook: WebhookReceiver;
  let last = -1;

  const send = async (method: string, url: string, body?: unknown, status = 201) => {
    const response = await app.request(method, url, { body, as: 'editor' });
    expect({ url, status: response.status, body: response.body }).toMatchObject({ url, status });
    if (typeof response.body?.position === 'number') last = Math.max(last, response.body.position);
    return response;
  };
  const claim = async (id: string) => {
    const response = await app.request('GET', `/v1/claims/${id}?minPosition=${last}`, { as: 'reader' });
    expect(response.status).toBe(200);
    return response.body;
  };
  const record = async (storylineId: string, id: string) =>
    (await send('POST', `/v1/storylines/${storylineId}/claims`, claimBody({ id, statement: `Statement ${id}` }))).body
      .id as string;

  let divers: string;
  let stateActor: string;
  let duplicate: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    hook = await startWebhookReceiver();
    await registerWebhook(app, hook, { events: ['ClaimRelated', 'ClaimUnrelated'] });
    const sabotage = (await send('POST', '/v1/storylines', storylineBody({ title: 'Pipeline sabotage' }))).body.id;
    const investigation = (await send('POST', '/v1/storylines', storylineBody({ title: 'The investigation' }))).body.id;
    divers = await record(sabotage, 'divers-placed-the-charges');
    stateActor = await record(investigation, 'a-state-actor-placed-the-charges');
    duplicate = await record(investigation, 'divers-placed-the-charges-again');
  });
  afterAll(async () => {
    await app.close();
    await hook.close();
  });

  it('relates two claims in two storylines; each shows the other with its status', async () => {
    const response = await send('POST', `/v1/claims/${divers}/relations`, { claimId: duplicate, relation: 'same_as' });
    expect(response.body).toMatchObject({ id: divers, revision: 1 });
    expect(response.headers.get('etag')).toBe('"1"');

    expect((await claim(divers)).relations).toEqual([
      expect.objectContaining({ claimId: duplicate, relation: 'same_as', status: 'unverified', needsReview: false }),
    ]);
    expect((await claim(duplicate)).relations).toEqual([
      expect.objectContaining({ claimId: divers, relation: 'same_as', statement: `Statement ${divers}` }),
    ]);
  });

  it('appends nothing for the same relation again, from either side', async () => {
    const before = last;
    const again = await send('POST', `/v1/claims/${duplicate}/relations`, { claimId: divers, relation: 'same_as' });
    expect(again.body.position).toBe(before);
    expect(await logAfter(app, before)).toEqual([]);
  });

  it('answers a retry with the same Idempotency-Key from the stored events of both sides', async () => {
    const options = {
      body: { claimId: divers, relation: 'rival_of' },
      as: 'editor' as const,
      headers: { 'idempotency-key': 'relate-state-actor-and-divers' },
    };
    const first = await app.request('POST', `/v1/claims/${stateActor}/relations`, options);
    expect(first.status).toBe(201);
    last = Math.max(last, first.body.position);
    const retry = await app.request('POST', `/v1/claims/${stateActor}/relations`, options);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await logAfter(app, last)).toEqual([]);
  });

  it('asks for a review of a rival when one is confirmed, saying why', async () => {
    await send('POST', `/v1/claims/${divers}/verdict`, CONFIRMED);

    const rival = await claim(stateActor);
    expect(rival).toMatchObject({ status: 'unverified', needsReview: true });
    expect(rival.explanation.confirmedRivals).toEqual([divers]);
    expect(rival.explanation.summary).toContain('A rival explanation was confirmed');
    expect((await claim(duplicate)).relations[0]).toMatchObject({ claimId: divers, status: 'confirmed' });
    const review = await app.request('GET', `/v1/claims?needsReview=true&minPosition=${last}`, { as: 'reader' });
    expect(review.body.items.map((item: { id: string }) => item.id)).toEqual([stateActor]);

    await send('POST', `/v1/claims/${stateActor}/verdict`, { verdict: 'refuted', rationale: 'Ruled out.' });
    expect(await claim(stateActor)).toMatchObject({ status: 'refuted', needsReview: false });
  });

  it('shows the rival as it stood before the confirmation (asOf)', async () => {
    const history = await app.request('GET', `/v1/claims/${divers}/history`, { as: 'reader' });
    const verdict = history.body.items.find((event: { type: string }) => event.type === 'ClaimVerdictIssued');
    const before = await app.request('GET', `/v1/claims/${stateActor}?atPosition=${verdict.position - 1}`, {
      as: 'reader',
    });
    expect(before.body).toMatchObject({
      needsReview: false,
      relations: [{ claimId: divers, relation: 'rival_of', status: 'unverified' }],
    });
  });

  it('removes a relation from both claims, and again appends nothing', async () => {
    const response = await send('DELETE', `/v1/claims/${duplicate}/relations/${divers}`, undefined, 200);
    expect(response.body).toMatchObject({ id: duplicate });
    expect((await claim(duplicate)).relations).toEqual([]);
    expect((await claim(divers)).relations.map((relation: { claimId: string }) => relation.claimId)).toEqual([
      stateActor,
    ]);
    const again = await send('DELETE', `/v1/claims/${divers}/relations/${duplicate}`, undefined, 200);
    expect(again.body.position).toBe(last);
  });

  it('puts both sides in the log, the live feed and the webhook deliveries', async () => {
    const isRelation = (type: string) => type === 'ClaimRelated' || type === 'ClaimUnrelated';
    const relationEvents = (await logAfter(app, -1)).filter((event) => isRelation(event.type));
    expect(relationEvents.map((event) => [event.type, event.streamId, event.data.relatedClaimId])).toEqual([
      ['ClaimRelated', `claim-${divers}`, duplicate],
      ['ClaimRelated', `claim-${duplicate}`, divers],
      ['ClaimRelated', `claim-${stateActor}`, divers],
      ['ClaimRelated', `claim-${divers}`, stateActor],
      ['ClaimUnrelated', `claim-${duplicate}`, divers],
      ['ClaimUnrelated', `claim-${divers}`, duplicate],
    ]);
    const lastId = relationEvents[relationEvents.length - 1].eventId;

    const stream = await openSse(`${app.baseUrl}/v1/events/live?after=-1`, { authorization: `Bearer ${KEYS.reader}` });
    try {
      const live = (await stream.takeUntil((message) => message.data.includes(lastId))).map((message) =>
        JSON.parse(message.data),
      );
      expect(live.filter((event) => isRelation(event.type))).toEqual(relationEvents);
    } finally {
      stream.close();
    }

    await hook.waitFor('six relation deliveries', (receiver) => receiver.accepted().length >= 6);
    expect(hook.accepted().map((delivery) => [delivery.verified, delivery.event.type, delivery.event.data])).toEqual(
      relationEvents.map((event) => [true, event.type, event.data]),
    );
  });

  describe('refuses', () => {
    it.each([
      [
        'an unknown claim in the path',
        () => `/v1/claims/no-such-claim/relations`,
        () => ({ claimId: divers, relation: 'same_as' }),
        404,
      ],
      [
        'an unknown claim in the body',
        () => `/v1/claims/${divers}/relations`,
        () => ({ claimId: 'no-such-claim', relation: 'rival_of' }),
        404,
      ],
      [
        'a claim related to itself',
        () => `/v1/claims/${divers}/relations`,
        () => ({ claimId: divers, relation: 'same_as' }),
        422,
      ],
      [
        'an unknown relation',
        () => `/v1/claims/${divers}/relations`,
        () => ({ claimId: duplicate, relation: 'cousin_of' }),
        400,
      ],
      ['a missing claimId', () => `/v1/claims/${divers}/relations`, () => ({ relation: 'same_as' }), 400],
    ])('%s, as problem+json', async (_what, url, body, status) => {
      const before = last;
      const response = await app.request('POST', url(), { body: body(), as: 'editor' });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await logAfter(app, before)).toEqual([]);
    });

    it('a reporter: relations are the desk’s (editor)', async () => {
      const response = await app.request('POST', `/v1/claims/${divers}/relations`, {
        body: { claimId: duplicate, relation: 'same_as' },
        as: 'reporter',
      });
      expect(response.status).toBe(403);
    });

    it('removal for an unknown claim', async () => {
      const response = await app.request('DELETE', `/v1/claims/${divers}/relations/no-such-claim`, { as: 'editor' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    });
  });
});
