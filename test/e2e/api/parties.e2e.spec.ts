import { expectProblem } from '../../support/problem-response';
import { KeyRole, startTestApp, TestApp } from '../../support/test-app';

describe('the party registry write API', () => {
  let app: TestApp;
  const send = (
    method: string,
    url: string,
    body: unknown,
    options: { as?: KeyRole; headers?: Record<string, string> } = {},
  ) => app.request(method, url, { body, as: options.as ?? 'editor', headers: options.headers });
  const register = (body: Record<string, unknown>) => send('POST', '/v1/parties', body);
  const eventsOf = async (type: string) =>
    (await app.request('GET', `/v1/events?type=${type}&limit=500`, { as: 'reader' })).body.items as Array<{
      streamId: string;
      data: Record<string, unknown>;
    }>;
  const streamOf = async (partyId: string) =>
    (await app.request('GET', '/v1/events?limit=500', { as: 'reader' })).body.items.filter(
      (event: { streamId: string }) => event.streamId === `party-${partyId}`,
    );

  beforeAll(async () => {
    app = await startTestApp();
    for (const [id, name, kind] of [
      ['financial-times', 'Financial Times', 'media'],
      ['nikkei', 'Nikkei', 'media'],
      ['jane-roe', 'Jane Roe', 'person'],
    ]) {
      expect((await register({ id, name, kind })).status).toBe(201);
    }
  });
  afterAll(() => app.close());

  describe('POST /v1/parties', () => {
    it('registers a party: 201 with id, revision and position, an ETag and a Location', async () => {
      const response = await register({
        name: 'Volodymyr Zelensky',
        kind: 'person',
        aliases: ['Wolodymyr Selenskyj', 'WOLODYMYR SELENSKYJ', 'Selenskyj'],
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: 'volodymyr-zelensky', revision: 0, position: expect.any(Number) });
      expect(response.headers.get('etag')).toBe('"0"');
      expect(response.headers.get('location')).toBe('/v1/parties/volodymyr-zelensky');
      const [registered] = await streamOf('volodymyr-zelensky');
      expect(registered).toMatchObject({
        type: 'PartyRegistered',
        revision: 0,
        data: {
          partyId: 'volodymyr-zelensky',
          name: 'Volodymyr Zelensky',
          kind: 'person',
          aliases: ['Wolodymyr Selenskyj', 'Selenskyj'],
        },
        metadata: { actor: 'editor-key' },
      });
    });

    it.each([
      ['Cyrillic', 'Міністерство оборони України', 'міністерство-оборони-україни', ['Минобороны Украины']],
      ['Arabic', 'وزارة الخارجية', 'وزارة-الخارجية', ['الخارجية']],
      ['Polish', 'Wołodymyr Zełenski', 'wolodymyr-zelenski', ['Zełenski']],
    ])(
      'registers a party named in %s under the slug of its name, with a percent-encoded Location',
      async (_script, name, id, aliases) => {
        const response = await register({ name, kind: 'person', aliases });

        expect(response.status).toBe(201);
        expect(response.body.id).toBe(id);
        expect(response.headers.get('location')).toBe(`/v1/parties/${encodeURIComponent(id)}`);
        const [registered] = await streamOf(id);
        expect(registered.data).toEqual({ partyId: id, name, kind: 'person', aliases });
      },
    );

    it('answers 409 for an id that is taken', async () => {
      expectProblem(
        await register({ id: 'financial-times', name: 'Fake Times', kind: 'media' }),
        409,
        /financial-times already exists/,
      );
    });

    it('answers 422 when no id can be derived from the name', async () => {
      expectProblem(await register({ name: '„…“', kind: 'anonymous' }), 422, /send an id/);
    });

    it('answers 400 naming each invalid field, and for unknown fields', async () => {
      const response = await register({
        name: '',
        kind: 'celebrity',
        aliases: ['ok', 'x'.repeat(201)],
        id: 'Not A Slug',
      });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['aliases', 'id', 'kind', 'name'].sort(),
      );
      expectProblem(await register({ name: 'Reuters', kind: 'media', country: 'GB' }), 400);
    });

    it('needs the editor role: 401 without a key, 403 for reporters and readers', async () => {
      const body = { name: 'Reuters', kind: 'media' };
      expect((await app.request('POST', '/v1/parties', { body, as: 'nobody' })).status).toBe(401);
      for (const as of ['reader', 'reporter'] as const)
        expectProblem(await send('POST', '/v1/parties', body, { as }), 403);
      expect(await streamOf('reuters')).toEqual([]);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and appends once', async () => {
      const headers = { 'idempotency-key': 'register-ap-1' };
      const body = { name: 'Associated Press', kind: 'media', aliases: ['AP'] };
      const first = await send('POST', '/v1/parties', body, { headers });
      const again = await send('POST', '/v1/parties', body, { headers });

      expect(first.status).toBe(201);
      expect(again).toMatchObject({ status: 201, body: first.body });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe('/v1/parties/associated-press');
      expect(await streamOf('associated-press')).toHaveLength(1);
      expectProblem(await send('POST', '/v1/parties', { ...body, aliases: [] }, { headers }), 422);
    });
  });

  describe('PATCH /v1/parties/:id', () => {
    it('revises only what changes, keeping the old name as an alias', async () => {
      await register({ id: 'reuters', name: 'Reuters', kind: 'media' });
      const response = await send('PATCH', '/v1/parties/reuters', { name: 'Thomson Reuters', addAliases: ['Рейтер'] });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: 'reuters', revision: 1 });
      expect((await streamOf('reuters'))[1].data).toEqual({
        partyId: 'reuters',
        name: 'Thomson Reuters',
        addAliases: ['Reuters', 'Рейтер'],
      });
    });

    it('records nothing for a revision that changes nothing, and answers with the current revision', async () => {
      const response = await send('PATCH', '/v1/parties/reuters', { kind: 'media', addAliases: ['РЕЙТЕР'] });

      expect(response.status).toBe(200);
      expect(response.body.revision).toBe(1);
      expect(await streamOf('reuters')).toHaveLength(2);
    });

    it('answers 412 for a stale If-Match and writes with the current one', async () => {
      const stale = await send(
        'PATCH',
        '/v1/parties/reuters',
        { kind: 'organization' },
        { headers: { 'if-match': '"0"' } },
      );
      expectProblem(stale, 412);
      const current = await send(
        'PATCH',
        '/v1/parties/reuters',
        { kind: 'organization' },
        { headers: { 'if-match': '"1"' } },
      );
      expect({ status: current.status, etag: current.headers.get('etag') }).toEqual({ status: 200, etag: '"2"' });
    });

    it('answers 422 for removing an alias the party does not have, and 404 for an unknown party', async () => {
      expectProblem(await send('PATCH', '/v1/parties/reuters', { removeAliases: ['Reutors'] }), 422, /not an alias/);
      expectProblem(await send('PATCH', '/v1/parties/nobody-registered', { kind: 'media' }), 404);
      expectProblem(await send('PATCH', '/v1/parties/Not%20A%20Slug', { kind: 'media' }), 404);
    });
  });

  describe('affiliations', () => {
    it('affiliates a party with another for a period, and ends it', async () => {
      const affiliated = await send('POST', '/v1/parties/jane-roe/affiliations', {
        partyId: 'financial-times',
        relation: 'employed_by',
        from: '2024-03-01T00:00:00Z',
      });
      expect(affiliated).toMatchObject({ status: 201, body: { id: 'jane-roe', revision: 1 } });

      const ended = await send('POST', '/v1/parties/jane-roe/affiliations/end', {
        partyId: 'financial-times',
        to: '2026-01-01T00:00:00+01:00',
      });
      expect(ended).toMatchObject({ status: 201, body: { revision: 2 } });
      expect(
        (await streamOf('jane-roe')).map((event: { type: string; data: unknown }) => [event.type, event.data]),
      ).toEqual([
        ['PartyRegistered', expect.anything()],
        [
          'PartyAffiliated',
          {
            partyId: 'jane-roe',
            withPartyId: 'financial-times',
            relation: 'employed_by',
            from: '2024-03-01T00:00:00Z',
          },
        ],
        [
          'PartyAffiliationEnded',
          { partyId: 'jane-roe', withPartyId: 'financial-times', to: '2026-01-01T00:00:00+01:00' },
        ],
      ]);
    });

    it('ends an affiliation now when no end is given', async () => {
      await send('POST', '/v1/parties/nikkei/affiliations', {
        partyId: 'financial-times',
        relation: 'affiliated_with',
      });
      const before = Date.now();
      expect((await send('POST', '/v1/parties/nikkei/affiliations/end', { partyId: 'financial-times' })).status).toBe(
        201,
      );
      const [ended] = (await eventsOf('PartyAffiliationEnded')).filter((event) => event.streamId === 'party-nikkei');
      expect(Date.parse(String(ended.data.to))).toBeGreaterThanOrEqual(before - 1000);
    });

    it('answers 422 for an affiliation with itself, with a party not registered, or ending one not in effect', async () => {
      const affiliate = (partyId: string) =>
        send('POST', '/v1/parties/jane-roe/affiliations', { partyId, relation: 'member_of' });
      expectProblem(await affiliate('jane-roe'), 422, /itself/);
      expectProblem(await affiliate('nobody-registered'), 422, /not registered/);
      const notInEffect = await send('POST', '/v1/parties/jane-roe/affiliations/end', {
        partyId: 'financial-times',
        to: '2027-01-01T00:00:00Z',
      });
      expectProblem(notInEffect, 422, /no affiliation with financial-times in effect/);
    });

    it('answers 409 for an overlapping affiliation of the same relation', async () => {
      const body = { partyId: 'nikkei', relation: 'owned_by' };
      expect((await send('POST', '/v1/parties/financial-times/affiliations', body)).status).toBe(201);
      expectProblem(
        await send('POST', '/v1/parties/financial-times/affiliations', { ...body, from: '2020-01-01T00:00:00Z' }),
        409,
        /already owned_by nikkei/,
      );
    });

    it('answers 400 for an unknown relation or a time without offset, and 403 for a reporter', async () => {
      expectProblem(
        await send('POST', '/v1/parties/jane-roe/affiliations', { partyId: 'nikkei', relation: 'friend_of' }),
        400,
      );
      expectProblem(
        await send('POST', '/v1/parties/jane-roe/affiliations', {
          partyId: 'nikkei',
          relation: 'member_of',
          from: '2026-01-01',
        }),
        400,
      );
      expectProblem(
        await send(
          'POST',
          '/v1/parties/jane-roe/affiliations',
          { partyId: 'nikkei', relation: 'member_of' },
          { as: 'reporter' },
        ),
        403,
      );
    });

    it('answers 404 for a party that does not exist', async () => {
      expectProblem(
        await send('POST', '/v1/parties/nobody/affiliations', { partyId: 'nikkei', relation: 'member_of' }),
        404,
      );
    });
  });

  describe('merge, discredit and reinstate', () => {
    beforeAll(async () => {
      await register({ id: 'the-financial-times', name: 'The Financial Times', kind: 'media' });
      await register({ id: 'ft', name: 'FT', kind: 'media' });
    });

    it('merges a duplicate, after which every command on it is a 409 naming the party it went into', async () => {
      expect(await send('POST', '/v1/parties/the-financial-times/merge', { into: 'financial-times' })).toMatchObject({
        status: 201,
        body: { id: 'the-financial-times', revision: 1 },
      });
      const onMerged = [
        send('PATCH', '/v1/parties/the-financial-times', { kind: 'organization' }),
        send('POST', '/v1/parties/the-financial-times/discredit', { reason: 'x' }),
        send('POST', '/v1/parties/the-financial-times/affiliations', { partyId: 'nikkei', relation: 'owned_by' }),
      ];
      for (const response of await Promise.all(onMerged)) expectProblem(response, 409, /merged into financial-times/);
      expectProblem(
        await register({ id: 'the-financial-times', name: 'X', kind: 'media' }),
        409,
        /merged into financial-times/,
      );
    });

    it('refuses to merge into the merged duplicate (409 naming its target), into itself or into nobody (422)', async () => {
      expectProblem(
        await send('POST', '/v1/parties/ft/merge', { into: 'the-financial-times' }),
        409,
        /use financial-times/,
      );
      expectProblem(await send('POST', '/v1/parties/ft/merge', { into: 'ft' }), 422, /itself/);
      expectProblem(await send('POST', '/v1/parties/ft/merge', { into: 'nobody-registered' }), 422, /not registered/);
      expectProblem(await send('POST', '/v1/parties/ft/merge', { into: 'Not A Slug' }), 400);
    });

    it('discredits with a reason and a source, refuses twice, reinstates once', async () => {
      const discredit = {
        reason: 'Sfabrykowane cytaty w trzech wywiadach',
        source: { url: 'https://example.org/sprostowanie', quote: 'Wywiad nigdy się nie odbył.', quoteLanguage: 'pl' },
      };
      expect((await send('POST', '/v1/parties/jane-roe/discredit', discredit)).status).toBe(201);
      expectProblem(await send('POST', '/v1/parties/jane-roe/discredit', discredit), 409, /already discredited/);
      expect((await send('POST', '/v1/parties/jane-roe/reinstate', { reason: 'Cytaty potwierdzone' })).status).toBe(
        201,
      );
      expectProblem(await send('POST', '/v1/parties/jane-roe/reinstate', { reason: 'again' }), 409, /not discredited/);
      const [discredited] = (await eventsOf('PartyDiscredited')).filter((event) => event.streamId === 'party-jane-roe');
      expect(discredited.data).toEqual({ partyId: 'jane-roe', ...discredit });
    });

    it('answers 400 for a discredit without a reason, 403 for a reporter, 404 for nobody', async () => {
      expectProblem(await send('POST', '/v1/parties/ft/discredit', {}), 400);
      expectProblem(await send('POST', '/v1/parties/ft/discredit', { reason: 'x' }, { as: 'reporter' }), 403);
      expectProblem(await send('POST', '/v1/parties/nobody-registered/reinstate', { reason: 'x' }), 404);
    });

    it('answers retries of registry commands with the first answer', async () => {
      const headers = { 'idempotency-key': 'discredit-ft-1' };
      const first = await send('POST', '/v1/parties/ft/discredit', { reason: 'satire site' }, { headers });
      const again = await send('POST', '/v1/parties/ft/discredit', { reason: 'satire site' }, { headers });
      expect(again).toMatchObject({ status: first.status, body: first.body });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await streamOf('ft')).toHaveLength(2);
    });
  });

  it('describes every write in the OpenAPI document', async () => {
    const { body } = await app.request('GET', '/docs/openapi.json', { as: 'nobody' });
    for (const path of [
      '/v1/parties',
      '/v1/parties/{id}',
      '/v1/parties/{id}/affiliations',
      '/v1/parties/{id}/affiliations/end',
    ]) {
      expect(body.paths).toHaveProperty([path]);
    }
    expect(body.components.schemas.AffiliatePartyDto.properties.relation.enum).toEqual([
      'member_of',
      'employed_by',
      'part_of',
      'spokesperson_for',
      'owned_by',
      'affiliated_with',
    ]);
    expect(body.components.schemas.RegisterPartyDto.properties.aliases).toMatchObject({ maxItems: 50 });
  });
});
