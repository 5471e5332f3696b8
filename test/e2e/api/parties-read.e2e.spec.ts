import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { expectProblem } from '../../support/problem-response';
import { KeyRole, startTestApp, TestApp } from '../../support/test-app';

const STORYLINE = 'party-reads';
const FT = party('Financial Times', 'media', 'financial-times');
const DUPLICATE_FT = party('The Financial Times', 'media', 'the-financial-times');
const ROLES_NONE = { claimant: 0, reporter: 0, supporter: 0, contradictor: 0, factChecker: 0, about: 0 };

/**
 * The registry's read side through HTTP, over one newsroom's registry and claims: names in several
 * scripts, a duplicate merged, a discredited party, affiliations bounded in time, and names mentioned
 * that nobody has registered yet.
 */
describe('the party registry read API', () => {
  let app: TestApp;
  /** The position of the last write: reads wait for the projections to have applied it. */
  let last = 0;
  const positions: Record<string, number> = {};

  const write = async (method: string, url: string, body: unknown, as: KeyRole = 'editor') => {
    const response = await app.request(method, url, { body, as });
    expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
      url,
      status: method === 'PATCH' ? 200 : 201,
      detail: undefined,
    });
    last = Math.max(last, response.body.position);
    return response.body.position as number;
  };
  const register = (id: string, name: string, kind: string, aliases: string[] = []) =>
    write('POST', '/v1/parties', { id, name, kind, aliases });
  const recordClaim = (id: string, overrides: Record<string, unknown>) =>
    write('POST', `/v1/storylines/${STORYLINE}/claims`, claimBody({ id, ...overrides }), 'reporter');
  const develop = (claimId: string, what: 'supports' | 'contradictions', by: object, kind: string) =>
    write(
      'POST',
      `/v1/claims/${claimId}/${what}`,
      developmentBody(by as ReturnType<typeof party>, { kind }),
      'reporter',
    );
  const read = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { as: 'reader' });
  const ids = async (url: string) => {
    const response = await read(url);
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return (response.body.items as Array<{ id: string }>).map((item) => item.id);
  };
  /** Every id of a listing, page by page of `limit`, following nextCursor to the end. */
  const walk = async (url: string, limit: number) => {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await read(`${url}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      all.push(...(response.body.items as Array<{ id: string }>).map((item) => item.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    return all;
  };
  const recordedAt = async (type: string) => {
    const events = (await read(`/v1/events?type=${type}`)).body.items as Array<{ metadata: { recordedAt: string } }>;
    expect(events.length).toBeGreaterThan(0);
    return Date.parse(events[0].metadata.recordedAt);
  };

  beforeAll(async () => {
    app = await startTestApp();
    positions.zelenskyRegistered = await register('volodymyr-zelensky', 'Volodymyr Zelensky', 'person', [
      'Wolodymyr Selenskyj',
      'Володимир Зеленський',
    ]);
    await register('financial-times', FT.name, 'media');
    await register('urzad-miasta-lodz', 'Urząd Miasta Łódź', 'government');
    await register('jane-roe', 'Jane Roe', 'person');
    await register('the-financial-times', DUPLICATE_FT.name, 'media');
    await register('fake-news-agency', 'Fake News Agency', 'organization');
    await write('PATCH', '/v1/parties/volodymyr-zelensky', { addAliases: ['Zelenskyy'] });

    positions.beforeAffiliations = last;
    positions.employed = await write('POST', '/v1/parties/jane-roe/affiliations', {
      partyId: 'financial-times',
      relation: 'employed_by',
      from: '2024-03-01T00:00:00Z',
      to: '2025-06-01T00:00:00Z',
    });
    await write('POST', '/v1/parties/jane-roe/affiliations', {
      partyId: 'urzad-miasta-lodz',
      relation: 'spokesperson_for',
      from: '2030-01-01T00:00:00Z',
    });
    await write('POST', '/v1/parties/jane-roe/affiliations', {
      partyId: 'the-financial-times',
      relation: 'affiliated_with',
    });

    await write('POST', '/v1/storylines', storylineBody({ id: STORYLINE }), 'reporter');
    // Jan Kowalski and Anna Nowak are registered by nobody: the to-do list's names.
    await recordClaim('c1-kowalski-ft', { claimant: party('Jan Kowalski'), reportedBy: FT });
    await develop('c1-kowalski-ft', 'supports', party('Anna Nowak'), 'corroboration');
    await develop('c1-kowalski-ft', 'supports', FT, 'corroboration');
    await recordClaim('c2-kowalski-duplicate', { claimant: party('JAN KOWALSKI'), reportedBy: DUPLICATE_FT });
    await develop('c2-kowalski-duplicate', 'contradictions', party('Anna Nowak'), 'denial');
    // By the alias's slug, not the party's id: the alias resolves it.
    await recordClaim('c3-selenskyj', { claimant: party('Wolodymyr Selenskyj') });
    await develop('c3-selenskyj', 'supports', party('Jan Kowalski'), 'corroboration');
    await recordClaim('c4-zelensky-opinion', {
      claimant: party('Volodymyr Zelensky', 'person', 'volodymyr-zelensky'),
      kind: 'opinion',
    });

    positions.beforeMerge = last;
    await write('POST', '/v1/parties/the-financial-times/merge', { into: 'financial-times' });
    positions.beforeDiscredit = last;
    await write('POST', '/v1/parties/fake-news-agency/discredit', {
      reason: 'Fabricated quotes in three interviews',
      source: { url: 'https://example.org/corrections/2026-01-30' },
    });
  });
  afterAll(() => app.close());

  describe('GET /v1/parties', () => {
    const ALL = [
      'volodymyr-zelensky',
      'financial-times',
      'urzad-miasta-lodz',
      'jane-roe',
      'the-financial-times',
      'fake-news-agency',
    ];

    it('lists every registered party in registration order, merged duplicates included', async () => {
      const response = await read('/v1/parties');

      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual(ALL);
      expect(response.body.nextCursor).toBeUndefined();
      expect(response.body.items[0]).toEqual({
        id: 'volodymyr-zelensky',
        name: 'Volodymyr Zelensky',
        kind: 'person',
        aliases: ['Wolodymyr Selenskyj', 'Володимир Зеленський', 'Zelenskyy'],
        mentions: 2,
      });
      expect(response.body.items[4]).toEqual({
        id: 'the-financial-times',
        name: 'The Financial Times',
        kind: 'media',
        aliases: [],
        mergedInto: 'financial-times',
        // The claims that mention it count for the party it was merged into, which it stands for.
        mentions: 2,
      });
    });

    it.each([
      ['an alias, in lower case', 'selenskyj', ['volodymyr-zelensky']],
      ['the name, in capitals', 'ZELENSKY', ['volodymyr-zelensky']],
      ['a Cyrillic alias, in lower case', 'зеленський', ['volodymyr-zelensky']],
      ['Polish with its diacritics', 'łódź', ['urzad-miasta-lodz']],
      ['Polish without them', 'lodz', ['urzad-miasta-lodz']],
      ['spacing that differs', '  FINANCIAL   times ', ['financial-times', 'the-financial-times']],
      ['nothing registered', 'Kowalski', []],
    ])('finds parties by %s (q=%s)', async (_how, q, expected) => {
      expect(await ids(`/v1/parties?q=${encodeURIComponent(q)}`)).toEqual(expected);
    });

    it('filters by kind and by discredited, also together with q', async () => {
      expect(await ids('/v1/parties?kind=media')).toEqual(['financial-times', 'the-financial-times']);
      expect(await ids('/v1/parties?kind=government')).toEqual(['urzad-miasta-lodz']);
      expect(await ids('/v1/parties?q=financial&kind=person')).toEqual([]);
      expect(await ids('/v1/parties?discredited=true')).toEqual(['fake-news-agency']);
      expect(await ids('/v1/parties?discredited=false')).toEqual(ALL.filter((id) => id !== 'fake-news-agency'));

      const [discredited] = (await read('/v1/parties?discredited=true')).body.items;
      expect(discredited.discredited).toEqual({
        reason: 'Fabricated quotes in three interviews',
        source: { url: 'https://example.org/corrections/2026-01-30' },
      });
    });

    it('pages with a cursor, each page continuing where the last ended', async () => {
      const seen: string[][] = [];
      let cursor: string | undefined;
      do {
        const response = await read(`/v1/parties?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        seen.push(response.body.items.map((item: { id: string }) => item.id));
        cursor = response.body.nextCursor;
      } while (cursor);

      expect(seen).toEqual([ALL.slice(0, 4), ALL.slice(4)]);
      expect(await walk('/v1/parties?', 1)).toEqual(ALL);
      expect(await walk('/v1/parties?discredited=false&', 2)).toEqual(ALL.filter((id) => id !== 'fake-news-agency'));
      const firstOfTwo = await read('/v1/parties?limit=1&kind=media');
      const second = await read(`/v1/parties?limit=1&kind=media&cursor=${firstOfTwo.body.nextCursor}`);
      expect([firstOfTwo.body.items[0].id, second.body.items[0].id, second.body.nextCursor]).toEqual([
        'financial-times',
        'the-financial-times',
        undefined,
      ]);
    });

    it('answers 400 for a bad kind, flag, limit, cursor or an unknown parameter', async () => {
      expectProblem(await read('/v1/parties?kind=celebrity'), 400);
      expectProblem(await read('/v1/parties?discredited=yes'), 400);
      expectProblem(await read('/v1/parties?limit=0'), 400);
      expectProblem(await read('/v1/parties?limit=501'), 400);
      expectProblem(await read('/v1/parties?limit=ten'), 400);
      expectProblem(await read('/v1/parties?name=Zelensky'), 400, /name is not a known field/);
      expectProblem(await read('/v1/parties?cursor=not-one-of-ours'), 400, /cursor/);
      const unregistered = await read('/v1/parties?unregistered=true&limit=1');
      expectProblem(await read(`/v1/parties?cursor=${unregistered.body.nextCursor}`), 400, /cursor/);
    });
  });

  describe('GET /v1/parties?unregistered=true', () => {
    const kowalski = {
      id: 'jan-kowalski',
      name: 'Jan Kowalski',
      kind: 'person',
      mentions: 3,
      roles: { ...ROLES_NONE, claimant: 2, supporter: 1 },
    };
    const nowak = {
      id: 'anna-nowak',
      name: 'Anna Nowak',
      kind: 'person',
      mentions: 2,
      roles: { ...ROLES_NONE, supporter: 1, contradictor: 1 },
    };

    it('lists the names no registered party answers to, most mentioned first, with counts by role', async () => {
      const response = await read('/v1/parties?unregistered=true');

      expect(response.status).toBe(200);
      // The spelling most claims use is shown: "JAN KOWALSKI" is one claim of three.
      expect(response.body).toEqual({ items: [kowalski, nowak] });
    });

    it('pages, and filters by any spelling mentioned and by kind', async () => {
      const first = await read('/v1/parties?unregistered=true&limit=1');
      const second = await read(`/v1/parties?unregistered=true&limit=1&cursor=${first.body.nextCursor}`);
      expect([first.body.items, second.body.items, second.body.nextCursor]).toEqual([[kowalski], [nowak], undefined]);

      expect(await ids('/v1/parties?unregistered=true&q=KOWAL')).toEqual(['jan-kowalski']);
      expect(await ids('/v1/parties?unregistered=true&q=jan%20%20kowalski&kind=person')).toEqual(['jan-kowalski']);
      expect(await ids('/v1/parties?unregistered=true&kind=organization')).toEqual([]);
    });

    it('refuses discredited with unregistered=true: only registered parties are discredited', async () => {
      expectProblem(await read('/v1/parties?unregistered=true&discredited=false'), 400, /only registered parties/);
      expectProblem(await read('/v1/parties?unregistered=maybe'), 400);
    });
  });

  describe('GET /v1/parties/:id', () => {
    it('shows the party with its aliases, mentions by role (aliases resolved), revision, position and ETag', async () => {
      const response = await read('/v1/parties/volodymyr-zelensky');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: 'volodymyr-zelensky',
        name: 'Volodymyr Zelensky',
        kind: 'person',
        aliases: ['Wolodymyr Selenskyj', 'Володимир Зеленський', 'Zelenskyy'],
        mergedFrom: [],
        affiliations: [],
        affiliated: [],
        mentions: { ...ROLES_NONE, claimant: 2 },
        history: [
          expect.objectContaining({ type: 'PartyRegistered', revision: 0, position: positions.zelenskyRegistered }),
          expect.objectContaining({
            type: 'PartyRevised',
            revision: 1,
            data: expect.objectContaining({ addAliases: ['Zelenskyy'] }),
          }),
        ],
        revision: 1,
        position: expect.any(Number),
      });
      expect(response.body.position).toBeGreaterThan(positions.zelenskyRegistered);
      expect(response.headers.get('etag')).toBe('"1"');
    });

    it("shows a party's affiliations and whether each is in effect now, and the other side's", async () => {
      const jane = (await read('/v1/parties/jane-roe')).body;
      expect(jane.affiliations).toEqual([
        {
          partyId: 'financial-times',
          name: 'Financial Times',
          relation: 'employed_by',
          from: '2024-03-01T00:00:00Z',
          to: '2025-06-01T00:00:00Z',
          inEffect: false,
        },
        {
          partyId: 'urzad-miasta-lodz',
          name: 'Urząd Miasta Łódź',
          relation: 'spokesperson_for',
          from: '2030-01-01T00:00:00Z',
          inEffect: false,
        },
        // Recorded with the duplicate, which was merged since: it is the party it went into.
        { partyId: 'financial-times', name: 'Financial Times', relation: 'affiliated_with', inEffect: true },
      ]);
      expect(jane.affiliated).toEqual([]);

      const lodz = (await read('/v1/parties/urzad-miasta-lodz')).body;
      expect(lodz.affiliated).toEqual([
        {
          partyId: 'jane-roe',
          name: 'Jane Roe',
          relation: 'spokesperson_for',
          from: '2030-01-01T00:00:00Z',
          inEffect: false,
        },
      ]);
    });

    it('judges affiliations at the asOf instant, and now at a log position', async () => {
      const in2030 = await read('/v1/parties/urzad-miasta-lodz?asOf=2030-06-01T00:00:00Z');
      expect(in2030.status).toBe(200);
      expect(in2030.body.affiliated).toEqual([expect.objectContaining({ partyId: 'jane-roe', inEffect: true })]);
      expect(in2030.headers.get('etag')).toBeNull();

      const atHead = await read(`/v1/parties/urzad-miasta-lodz?atPosition=${last}`);
      expect(atHead.body.affiliated).toEqual([expect.objectContaining({ partyId: 'jane-roe', inEffect: false })]);
    });

    it('shows the affiliations the registry held at the point: none before the first was recorded', async () => {
      const janeBefore = await read(`/v1/parties/jane-roe?atPosition=${positions.beforeAffiliations}`);
      const ftBefore = await read(`/v1/parties/financial-times?atPosition=${positions.beforeAffiliations}`);
      expect([janeBefore.status, janeBefore.body.affiliations, ftBefore.body.affiliated]).toEqual([200, [], []]);

      const employment = {
        relation: 'employed_by',
        from: '2024-03-01T00:00:00Z',
        to: '2025-06-01T00:00:00Z',
        inEffect: false,
      };
      const janeAfter = await read(`/v1/parties/jane-roe?atPosition=${positions.employed}`);
      expect(janeAfter.body.affiliations).toEqual([
        { partyId: 'financial-times', name: 'Financial Times', ...employment },
      ]);

      const affiliatedAt = await recordedAt('PartyAffiliated');
      const ftJustBefore = await read(`/v1/parties/financial-times?asOf=${new Date(affiliatedAt - 1).toISOString()}`);
      expect([ftJustBefore.status, ftJustBefore.body.affiliated]).toEqual([200, []]);
      const ftThen = await read(`/v1/parties/financial-times?asOf=${new Date(affiliatedAt).toISOString()}`);
      expect(ftThen.body.affiliated[0]).toEqual({ partyId: 'jane-roe', name: 'Jane Roe', ...employment });
      // asOf asks what the registry held then: inside the period it held no such party yet, not an employment in effect.
      const inPeriod = await read('/v1/parties/financial-times?asOf=2025-01-01T00:00:00Z');
      expect(inPeriod.status).toBe(404);
    });

    it('answers a merged duplicate with its own record and the party it went into; the target names it', async () => {
      const duplicate = (await read('/v1/parties/the-financial-times')).body;
      const target = (await read('/v1/parties/financial-times')).body;

      expect(duplicate).toMatchObject({
        id: 'the-financial-times',
        name: 'The Financial Times',
        mergedInto: 'financial-times',
        mergedFrom: [],
        affiliated: [{ partyId: 'jane-roe', name: 'Jane Roe', relation: 'affiliated_with', inEffect: true }],
      });
      expect(target).toMatchObject({ id: 'financial-times', mergedFrom: ['the-financial-times'] });
      expect(target.mergedInto).toBeUndefined();
      // c1 reported and supported by the FT, c2 reported by the duplicate: both count for the FT.
      expect(target.mentions).toEqual({ ...ROLES_NONE, reporter: 2, supporter: 1 });
      expect(duplicate.mentions).toEqual(target.mentions);
      expect(target.affiliated.map((a: { partyId: string; relation: string }) => [a.partyId, a.relation])).toEqual([
        ['jane-roe', 'employed_by'],
        ['jane-roe', 'affiliated_with'],
      ]);
    });

    it('shows the discredited state with its reason and source', async () => {
      const agency = (await read('/v1/parties/fake-news-agency')).body;
      expect(agency.discredited).toEqual({
        reason: 'Fabricated quotes in three interviews',
        source: { url: 'https://example.org/corrections/2026-01-30' },
      });
      expect(agency.revision).toBe(1);
    });

    it('shows the older state before a registry event, by position and by time', async () => {
      const beforeRevision = await read(`/v1/parties/volodymyr-zelensky?atPosition=${positions.zelenskyRegistered}`);
      expect(beforeRevision.body).toMatchObject({
        aliases: ['Wolodymyr Selenskyj', 'Володимир Зеленський'],
        revision: 0,
        position: positions.zelenskyRegistered,
      });

      const beforeMerge = await read(`/v1/parties/the-financial-times?atPosition=${positions.beforeMerge}`);
      expect(beforeMerge.status).toBe(200);
      expect(beforeMerge.body.mergedInto).toBeUndefined();
      expect((await read(`/v1/parties/financial-times?atPosition=${positions.beforeMerge}`)).body.mergedFrom).toEqual(
        [],
      );

      const events = (await read('/v1/events?type=PartyDiscredited,PartyMerged')).body.items as Array<{
        type: string;
        metadata: { recordedAt: string };
      }>;
      const discreditedAt = Date.parse(
        (events.find((event) => event.type === 'PartyDiscredited') as (typeof events)[number]).metadata.recordedAt,
      );
      const justBefore = new Date(discreditedAt - 1).toISOString();
      const then = await read(`/v1/parties/fake-news-agency?asOf=${justBefore}`);
      expect(then.status).toBe(200);
      expect(then.body.discredited).toBeUndefined();
      expect(then.body.revision).toBe(0);
      const atDiscredit = await read(`/v1/parties/fake-news-agency?asOf=${new Date(discreditedAt).toISOString()}`);
      expect(atDiscredit.body.discredited).toMatchObject({ reason: 'Fabricated quotes in three interviews' });
    });

    it('tells its registry history: affiliations, merges into it, discredit and reinstatement with reasons; as of a point too', async () => {
      const types = (view: { history: Array<{ type: string }> }) => view.history.map((event) => event.type);
      const ft = (await read('/v1/parties/financial-times')).body;
      expect(types(ft)).toEqual(['PartyRegistered', 'PartyMerged']);
      expect(ft.history[1]).toMatchObject({
        streamId: 'party-the-financial-times',
        data: { partyId: 'the-financial-times', intoPartyId: 'financial-times' },
      });
      expect(types((await read(`/v1/parties/financial-times?atPosition=${positions.beforeMerge}`)).body)).toEqual([
        'PartyRegistered',
      ]);

      const discredited = await write('POST', '/v1/parties/jane-roe/discredit', {
        reason: 'Invented a source',
        source: { url: 'https://example.org/corrections/jane-roe', title: 'Our correction' },
      });
      await write('POST', '/v1/parties/jane-roe/reinstate', { reason: 'The source was found and confirmed' });
      const jane = (await read('/v1/parties/jane-roe')).body;
      expect(jane.discredited).toBeUndefined();
      expect(types(jane)).toEqual([
        'PartyRegistered',
        'PartyAffiliated',
        'PartyAffiliated',
        'PartyAffiliated',
        'PartyDiscredited',
        'PartyReinstated',
      ]);
      expect(jane.history.slice(-2).map((event: { data: unknown }) => event.data)).toEqual([
        {
          partyId: 'jane-roe',
          reason: 'Invented a source',
          source: { url: 'https://example.org/corrections/jane-roe', title: 'Our correction' },
        },
        { partyId: 'jane-roe', reason: 'The source was found and confirmed' },
      ]);
      const then = (await read(`/v1/parties/jane-roe?atPosition=${discredited}`)).body;
      expect(then.discredited).toMatchObject({ reason: 'Invented a source' });
      expect(types(then).at(-1)).toBe('PartyDiscredited');
      const asOf = new Date(Date.parse(jane.history[4].metadata.recordedAt) - 1).toISOString();
      expect(types((await read(`/v1/parties/jane-roe?asOf=${asOf}`)).body).at(-1)).toBe('PartyAffiliated');
    });

    it('answers 404 for an unknown id, one not registered yet at the point, and one only mentioned', async () => {
      expectProblem(await read('/v1/parties/nobody-at-all'), 404, /^party nobody-at-all does not exist$/);
      expectProblem(await read('/v1/parties/Not%20A%20Slug'), 404);
      expectProblem(
        await read(`/v1/parties/fake-news-agency?atPosition=${positions.zelenskyRegistered}`),
        404,
        /^party fake-news-agency at position \d+ does not exist$/,
      );
      expectProblem(
        await read('/v1/parties/jan-kowalski'),
        404,
        /mentioned in 3 claims but not registered.*unregistered=true/,
      );
      expectProblem(await read('/v1/parties/jane-roe?asOf=2026-01-01T00:00:00Z&atPosition=1'), 400, /not both/);
      expectProblem(await read('/v1/parties/jane-roe?asOf=yesterday'), 400);
      expectProblem(await read('/v1/parties/jane-roe?atPosition=-1'), 400);
    });
  });

  describe('GET /v1/parties/:id/claims', () => {
    it('lists the claims that mention the party, one item per claim and role, in recorded order', async () => {
      const claims = await read('/v1/parties/financial-times/claims');
      const statusOf = async (claimId: string) => (await read(`/v1/claims/${claimId}`)).body.status;

      expect(claims.status).toBe(200);
      expect(claims.body).toEqual({
        items: [
          {
            claimId: 'c1-kowalski-ft',
            storylineId: STORYLINE,
            statement: claimBody().statement,
            role: 'reporter',
            status: await statusOf('c1-kowalski-ft'),
            kind: 'factual',
            mentionedAs: ['Financial Times'],
          },
          expect.objectContaining({ claimId: 'c1-kowalski-ft', role: 'supporter' }),
          expect.objectContaining({
            claimId: 'c2-kowalski-duplicate',
            role: 'reporter',
            status: 'disputed',
            mentionedAs: ['The Financial Times'],
          }),
        ],
      });
      expect((await read('/v1/parties/the-financial-times/claims')).body).toEqual(claims.body);
    });

    it('finds claims by the alias they used, with their kinds, and pages them', async () => {
      const first = await read('/v1/parties/volodymyr-zelensky/claims?limit=1');
      const second = await read(`/v1/parties/volodymyr-zelensky/claims?limit=1&cursor=${first.body.nextCursor}`);

      expect([...first.body.items, ...second.body.items]).toEqual([
        expect.objectContaining({
          claimId: 'c3-selenskyj',
          role: 'claimant',
          kind: 'factual',
          mentionedAs: ['Wolodymyr Selenskyj'],
        }),
        expect.objectContaining({
          claimId: 'c4-zelensky-opinion',
          role: 'claimant',
          kind: 'opinion',
          mentionedAs: ['Volodymyr Zelensky'],
        }),
      ]);
      expect(second.body.nextCursor).toBeUndefined();
    });

    it("lists an unregistered name's claims, and answers 404 for an id nobody mentions or registered", async () => {
      const kowalski = await read('/v1/parties/jan-kowalski/claims');
      expect(kowalski.body.items.map((item: { claimId: string; role: string }) => [item.claimId, item.role])).toEqual([
        ['c1-kowalski-ft', 'claimant'],
        ['c2-kowalski-duplicate', 'claimant'],
        ['c3-selenskyj', 'supporter'],
      ]);
      expectProblem(await read('/v1/parties/nobody-at-all/claims'), 404, /^party nobody-at-all does not exist$/);
      expectProblem(await read('/v1/parties/jan-kowalski/claims?cursor=not-one-of-ours'), 400, /cursor/);
      expectProblem(await read('/v1/parties/jan-kowalski/claims?limit=0'), 400);
      expectProblem(await read('/v1/parties/jan-kowalski/claims?kind=person'), 400, /kind is not a known field/);
      expect((await read('/v1/parties/jane-roe/claims')).body).toEqual({ items: [] });
    });
  });

  describe('registering a name from the to-do list', () => {
    it('takes its mentions over: it leaves the list and its view counts them', async () => {
      const firstPage = await read('/v1/parties?limit=5');
      await register('anna-nowak', 'Anna Nowak', 'person');
      // A party registered between two pages comes after every one before it: no gap, no repeat.
      const nextPage = await read(`/v1/parties?limit=5&cursor=${firstPage.body.nextCursor}`);
      expect(nextPage.body.items.map((item: { id: string }) => item.id)).toEqual(['fake-news-agency', 'anna-nowak']);

      expect(await ids('/v1/parties?unregistered=true')).toEqual(['jan-kowalski']);
      const nowak = await read('/v1/parties/anna-nowak');
      expect(nowak.body.mentions).toEqual({ ...ROLES_NONE, supporter: 1, contradictor: 1 });
      expect((await read('/v1/parties?q=nowak')).body.items).toEqual([
        { id: 'anna-nowak', name: 'Anna Nowak', kind: 'person', aliases: [], mentions: 2 },
      ]);
    });

    it('needs a key: 401 without one; readers may read', async () => {
      expect((await app.request('GET', '/v1/parties', { as: 'nobody' })).status).toBe(401);
      expect((await app.request('GET', '/v1/parties/jane-roe/claims', { as: 'reader' })).status).toBe(200);
    });
  });
});
