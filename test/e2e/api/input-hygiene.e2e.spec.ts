import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { logHead } from '../../support/log-head';
import { openStorylineWithClaim, startTestApp, TestApp, TestResponse } from '../../support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;
const fieldsOf = (response: TestResponse): string[] =>
  (response.body.errors ?? []).map((error: { field: string }) => error.field);

/** `levels` arrays inside one another around `inner`. */
const nestedArrays = (levels: number, inner: unknown = 'x'): unknown =>
  levels === 0 ? inner : [nestedArrays(levels - 1, inner)];

describe('input hygiene (issue 8, item 2)', () => {
  let app: TestApp;
  let storylineId: string;
  let claimId: string;
  let head: () => Promise<number>;

  beforeAll(async () => {
    app = await startTestApp();
    ({ storylineId, claimId } = await openStorylineWithClaim(app));
    head = logHead(app);
  });
  afterAll(() => app.close());

  /** Sends a command that must be refused with 400 naming `field`, and checks that nothing was appended. */
  async function refused(method: string, url: string, body: unknown, field: string): Promise<TestResponse> {
    const before = await head();
    const response = await app.request(method, url, { as: 'editor', body });
    expect({ url, field, status: response.status }).toEqual({ url, field, status: 400 });
    expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect({ url, field, fields: fieldsOf(response) }).toEqual({ url, field, fields: expect.arrayContaining([field]) });
    expect(await head()).toBe(before);
    return response;
  }

  describe('nesting depth', () => {
    it('accepts 32 levels as JSON (the DTO then refuses the shape) and refuses 33 as too deep', async () => {
      // The body object is level 1, the tags array level 2, so 30 more arrays make 32.
      const at32 = await app.request('POST', '/v1/storylines', { body: storylineBody({ tags: [nestedArrays(30)] }) });
      expect(at32.status).toBe(400);
      expect(JSON.stringify(at32.body.errors)).not.toMatch(/deeper/);
      const at33 = await refused(
        'POST',
        '/v1/storylines',
        storylineBody({ tags: [nestedArrays(31)] }),
        'tags.0' + '.0'.repeat(30),
      );
      expect(at33.body.detail).toMatch(/deeper than 32/);
    });

    it('answers 3,000 nested arrays and 5,000 nested objects with 400, not 500', async () => {
      const arrays = `{"title":"deep","tags":${'['.repeat(3000)}${']'.repeat(3000)}}`;
      let objects = '1';
      for (let level = 0; level < 5000; level++) objects = `{"a":${objects}}`;
      for (const rawBody of [arrays, `{"title":"deep","summary":${objects}}`]) {
        const response = await app.request('POST', '/v1/storylines', { rawBody });
        expect(response.status).toBe(400);
        expect(response.body.detail).toMatch(/deeper than 32/);
      }
    });
  });

  describe('Unicode', () => {
    it('refuses lone surrogates anywhere, naming the field', async () => {
      await refused('POST', '/v1/storylines', storylineBody({ title: 'a\ud83d' }), 'title');
      await refused('POST', '/v1/storylines', storylineBody({ tags: ['ok', '\udc00b'] }), 'tags.1');
      await refused(
        'POST',
        `/v1/storylines/${storylineId}/claims`,
        claimBody({ claimant: party('Kyiv\ud800') }),
        'claimant.name',
      );
      await refused(
        'POST',
        `/v1/claims/${claimId}/supports`,
        developmentBody(party('AP', 'media'), { kind: 'evidence', note: '\udfff' }),
        'note',
      );
      await refused('PATCH', `/v1/storylines/${storylineId}`, { ['key\ud83d']: 'x' }, 'key\ufffd');
    });

    it('keeps text exactly as sent: astral characters, decomposed letters, outer whitespace', async () => {
      const title = '  Zaz\u0307o\u0301łc\u0301 ge\u0328s\u0301la\u0328 jaz\u0301n\u0301 𝕏 🇺🇦  ';
      const opened = await app.request('POST', '/v1/storylines', { body: { id: 'kept-as-sent', title } });
      expect(opened.status).toBe(201);
      const view = await app.request('GET', `/v1/storylines/kept-as-sent?minPosition=${opened.body.position}`, {
        as: 'reader',
      });
      expect(view.body.title).toBe(title);
    });
  });

  describe('blank text', () => {
    const BLANKS = [' ', '\t\n', '\u00a0', '\u3000\u2003'];

    it.each(BLANKS.map((blank) => [JSON.stringify(blank), blank]))(
      'refuses %s in every text that must say something',
      async (_name, blank) => {
        const claims = `/v1/storylines/${storylineId}/claims`;
        const claim = `/v1/claims/${claimId}`;
        await refused('POST', '/v1/storylines', storylineBody({ title: blank }), 'title');
        await refused('PATCH', `/v1/storylines/${storylineId}`, { title: blank }, 'title');
        await refused('POST', '/v1/storylines', storylineBody({ tags: ['ok', blank] }), 'tags');
        await refused('POST', claims, claimBody({ statement: blank }), 'statement');
        await refused('POST', claims, claimBody({ claimant: party(blank, 'person', 'someone') }), 'claimant.name');
        await refused(
          'POST',
          claims,
          claimBody({ source: { url: 'https://example.org/', title: blank } }),
          'source.title',
        );
        await refused(
          'POST',
          claims,
          claimBody({ source: { url: 'https://example.org/', quote: blank } }),
          'source.quote',
        );
        await refused(
          'POST',
          `${claim}/supports`,
          developmentBody(party(blank, 'media', 'ap'), { kind: 'evidence' }),
          'by.name',
        );
        await refused(
          'POST',
          `${claim}/contradictions`,
          developmentBody(party('AP', 'media'), { kind: 'denial', note: blank }),
          'note',
        );
        await refused('POST', `${claim}/corrections`, { changes: { statement: 'Fixed' }, reason: blank }, 'reason');
        await refused(
          'POST',
          `${claim}/corrections`,
          { changes: { statement: blank }, reason: 'typo' },
          'changes.statement',
        );
        await refused('POST', `${claim}/verdict`, { verdict: 'refuted', rationale: blank }, 'rationale');
      },
    );

    it('lets an empty summary through: it is the one text that may be empty', async () => {
      const response = await app.request('POST', '/v1/storylines', {
        body: storylineBody({ title: 'Empty summary', summary: '' }),
      });
      expect(response.status).toBe(201);
    });
  });

  describe('unknown keys', () => {
    const ODD_NAMES = [
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '__proto__',
      'isPrototypeOf',
      '__defineGetter__',
      'toLocaleString',
      'priority',
      '',
      ' title',
      '💥',
      'Заголовок',
    ];
    /** A body with `name` as an own key, as JSON.parse makes it (`__proto__` included). */
    const withKey = (body: object, path: string[], name: string) => {
      const copy = JSON.parse(JSON.stringify(body));
      let target = copy;
      for (const step of path) target = target[step];
      Object.defineProperty(target, name, {
        value: { polluted: true },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    };

    it.each(ODD_NAMES.map((name) => [JSON.stringify(name), name]))(
      'refuses %s at the top and nested, naming it',
      async (_name, name) => {
        const claims = `/v1/storylines/${storylineId}/claims`;
        const named = (path: string[]) => [...path, name].join('.');
        await refused('POST', '/v1/storylines', withKey(storylineBody(), [], name), named([]));
        await refused('PATCH', `/v1/storylines/${storylineId}`, withKey({ summary: 'x' }, [], name), named([]));
        const fullClaim = claimBody({ source: { url: 'https://example.org/' } });
        await refused('POST', claims, withKey(fullClaim, ['claimant'], name), named(['claimant']));
        await refused('POST', claims, withKey(fullClaim, ['source'], name), named(['source']));
        const correction = { changes: { statement: 'Fixed', claimant: party('Kyiv') }, reason: 'typo' };
        await refused(
          'POST',
          `/v1/claims/${claimId}/corrections`,
          withKey(correction, ['changes'], name),
          named(['changes']),
        );
        await refused(
          'POST',
          `/v1/claims/${claimId}/corrections`,
          withKey(correction, ['changes', 'claimant'], name),
          named(['changes', 'claimant']),
        );
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    );

    it('names an odd key together with the other errors of the body', async () => {
      const body = withKey(storylineBody({ title: '' }), [], 'toString');
      const response = await refused('POST', '/v1/storylines', body, 'toString');
      expect(fieldsOf(response)).toContain('title');
    });

    it('refuses odd names in query strings too', async () => {
      for (const name of ['toString', 'constructor', '__proto__', 'prototype', 'unknown']) {
        const response = await app.request('GET', `/v1/claims?${encodeURIComponent(name)}=1`, { as: 'reader' });
        expect({ name, status: response.status, fields: fieldsOf(response) }).toEqual({
          name,
          status: 400,
          fields: [name],
        });
      }
    });
  });

  describe('errors the framework raises are problems too', () => {
    const cases: Array<{
      what: string;
      method: string;
      url: string;
      status: number;
      headers?: Record<string, string>;
      rawBody?: string;
    }> = [
      { what: 'bad percent-encoding in the path', method: 'GET', url: '/v1/claims/%E0%A4%A', status: 400 },
      { what: 'a percent-encoded lone surrogate', method: 'GET', url: '/v1/storylines/%ED%A0%80', status: 400 },
      { what: 'bad percent-encoding in the query', method: 'GET', url: '/v1/claims?q=%E0%A4%A', status: 400 },
      { what: 'a lone surrogate in the query', method: 'GET', url: '/v1/claims?q=a%ED%A0%80', status: 400 },
      { what: 'a percent sign without digits in the query', method: 'GET', url: '/v1/claims?q=100%', status: 400 },
      { what: 'a path segment over 100 characters', method: 'GET', url: `/v1/claims/${'a'.repeat(101)}`, status: 414 },
      { what: 'a URL over 8 KiB', method: 'GET', url: `/v1/claims?q=${'a'.repeat(9000)}`, status: 414 },
      { what: 'a URL over 16 KiB', method: 'GET', url: `/v1/claims?q=${'a'.repeat(17000)}`, status: 431 },
      {
        what: 'headers over 16 KiB',
        method: 'GET',
        url: '/v1/claims',
        status: 431,
        headers: { 'x-padding': 'a'.repeat(17000) },
      },
      { what: 'an unknown route', method: 'GET', url: '/v1/nothing-here', status: 404 },
      {
        what: 'a URL over 8 KiB on an unknown route',
        method: 'GET',
        url: `/nowhere?q=${'a'.repeat(9000)}`,
        status: 414,
      },
      { what: 'an unknown route under a known prefix', method: 'POST', url: `/v1/claims/${'x'}/likes`, status: 404 },
      { what: 'a method the path does not have', method: 'DELETE', url: '/v1/storylines', status: 405 },
      { what: 'PUT on a claim', method: 'PUT', url: '/v1/claims/some-claim', status: 405, rawBody: '{}' },
      { what: 'a method HTTP does not know', method: 'FROBNICATE', url: '/v1/claims', status: 400 },
      { what: 'an empty JSON body', method: 'POST', url: '/v1/storylines', status: 400, rawBody: '' },
      { what: 'broken JSON', method: 'POST', url: '/v1/storylines', status: 400, rawBody: '{"title": "x",}' },
      {
        what: 'a form body',
        method: 'POST',
        url: '/v1/storylines',
        status: 415,
        rawBody: 'title=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    ];

    it.each(cases)('$what → $status problem+json', async ({ method, url, status, headers, rawBody }) => {
      const before = await head();
      const response = await app.request(method, url, { as: 'editor', headers, rawBody });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        status,
        type: expect.stringMatching(/^\/problems\//),
        title: expect.any(String),
        detail: expect.any(String),
      });
      expect(await head()).toBe(before);
    });

    it('names the allowed methods of a 405 in Allow', async () => {
      const response = await app.request('DELETE', `/v1/claims/${claimId}`, { as: 'editor' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    });
  });
});
