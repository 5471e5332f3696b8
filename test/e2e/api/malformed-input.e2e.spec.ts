import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { TestResponse } from '../../support/http-client';
import { logHead } from '../../support/log-head';
import { startTestApp, TestApp } from '../../support/test-app';
import { seededRandom } from '../../support/workload';

/** Text as desks type it, and text that trips up naive code. */
const NON_ASCII = ['Україна', 'Łódź', 'Đà Nẵng', '東京', 'القدس', '🇺🇦💥', 'Zaz\u0307o\u0301łc\u0301'];
const BLANKS = [' ', '\t\n', '\u00a0', '\u3000', '\u2028'];
const LONE_SURROGATES = ['a\ud83d', '\udc00', 'x\udbffy', '\ud800\ud800'];
/** Names that code handling objects may treat specially. */
const ODD_KEYS = [
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  '__defineSetter__',
  'then',
  'length',
  '',
  ' ',
  'a.b',
  'Заголовок',
  '\ud83d',
  '💥',
];

const deep = (levels: number): unknown =>
  levels === 0 ? 'bottom' : levels % 2 ? [deep(levels - 1)] : { a: deep(levels - 1) };

/** Values of every JSON shape, plus the ones that trip up naive code. */
const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -0,
  2 ** 53 + 1,
  '',
  '\u0000',
  'x'.repeat(10_000),
  '💥'.repeat(50),
  '2026-13-45T99:99:99Z',
  '2026-01-27T12:00:00',
  'javascript:alert(1)',
  'ftp://example.org/',
  [],
  [null],
  {},
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  deep(33),
  deep(200),
  ...NON_ASCII,
  ...BLANKS,
  ...LONE_SURROGATES,
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** `name` as an own key of `target`, as JSON.parse makes it (`__proto__` included). */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** A valid body with one field, possibly nested, replaced by an odd value, added under an odd name, or removed. */
function mutate(body: Record<string, unknown>, random: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const odd = pick(random, ODD_VALUES);
  const key = pick(random, Object.keys(copy));
  const nested =
    typeof copy[key] === 'object' && copy[key] !== null ? (copy[key] as Record<string, unknown>) : undefined;
  const roll = random();
  if (roll < 0.4) copy[key] = odd;
  else if (roll < 0.5) delete copy[key];
  else if (roll < 0.65) setOwn(copy, pick(random, ODD_KEYS), odd);
  else if (roll < 0.75 && nested && !Array.isArray(nested)) setOwn(nested, pick(random, ODD_KEYS), odd);
  else if (roll < 0.9 && nested) nested[pick(random, Object.keys(nested)) ?? 'name'] = odd;
  else return odd;
  return copy;
}

const RAW_BODIES: Array<string | Uint8Array> = [
  '',
  ' ',
  '{',
  '{"title":',
  'null',
  '"a string"',
  '12',
  '[1,2',
  '{"title": "x"}garbage',
  '{"title": "x",}',
  "{'title': 'x'}",
  '{"title": "x", "title": "y"}',
  '\u0000\u0001',
  '\ufeff{"title": "BOM"}',
  '{"title": "\\ud83d"}',
  '{"title": "\\udc00\\ud83d"}',
  '{"title": "x", "__proto__": {"polluted": true}}',
  '{"title": "x", "constructor": {"prototype": {"polluted": true}}}',
  `{"title": "deep", "tags": ${'['.repeat(3000)}${']'.repeat(3000)}}`,
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
];

const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/plain',
  'application/json; charset=latin1',
  'application/merge-patch+json',
];

/** What every answer to malformed input must be: no 5xx, and every error a problem. */
interface Tally {
  requests: number;
  serverErrors: string[];
  nonProblemErrors: string[];
  appendedOnError: string[];
}

describe('malformed input never yields a 5xx, a non-problem error or a partial write (SPEC §6)', () => {
  let app: TestApp;
  let head: () => Promise<number>;
  const tally: Tally = { requests: 0, serverErrors: [], nonProblemErrors: [], appendedOnError: [] };
  const targets: Array<{ storylineId: string; claimId: string }> = [];

  beforeAll(async () => {
    // Failed authentications are fuzzed too; an address locked out would turn every answer into 429.
    app = await startTestApp({ env: { AUTH_FAILURES_PER_MINUTE: '0' } });
    head = logHead(app);
    for (const [storylineId, claimId] of [
      ['fuzzed-storyline', 'fuzzed-claim'],
      ['україна-фаззинг', 'заява-для-фаззингу'],
    ]) {
      await app.request('POST', '/v1/storylines', { body: storylineBody({ id: storylineId, title: storylineId }) });
      const claim = claimBody({ id: claimId, reportedBy: party('Financial Times', 'media', 'financial-times') });
      await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claim });
      targets.push({ storylineId, claimId });
    }
  });
  afterAll(async () => {
    await app.close();
    process.stdout.write(
      `malformed-input fuzz: ${tally.requests} requests, ${tally.serverErrors.length} 5xx, ` +
        `${tally.nonProblemErrors.length} errors not problem+json, ${tally.appendedOnError.length} appends on an error\n`,
    );
  });

  /** Sends one request and checks the invariants; for commands, also that a refused one appended nothing. */
  async function send(
    method: string,
    url: string,
    options: Parameters<TestApp['request']>[2] = {},
    command = method !== 'GET' && method !== 'HEAD',
  ): Promise<TestResponse> {
    const before = command ? await head() : undefined;
    const response = await app.request(method, url, { as: 'editor', ...options });
    tally.requests += 1;
    const what = `${method} ${url.slice(0, 200)} ${JSON.stringify(options.body ?? '').slice(0, 200)}`;
    if (response.status >= 500) tally.serverErrors.push(`${response.status} ${what}`);
    if (response.status >= 400) {
      const isProblem =
        /^application\/problem\+json/.test(response.headers.get('content-type') ?? '') &&
        (method === 'HEAD' || (response.body?.status === response.status && typeof response.body?.type === 'string'));
      if (!isProblem) tally.nonProblemErrors.push(`${response.status} ${what}`);
      if (before !== undefined && (await head()) !== before) tally.appendedOnError.push(`${response.status} ${what}`);
    }
    return response;
  }

  const commands = ({ storylineId, claimId }: { storylineId: string; claimId: string }) => [
    { method: 'POST', url: '/v1/storylines', body: storylineBody({ title: 'Fuzzed storyline' }) },
    { method: 'PATCH', url: `/v1/storylines/${storylineId}`, body: { title: 'Renamed', summary: 's', tags: ['t'] } },
    {
      method: 'POST',
      url: `/v1/storylines/${storylineId}/claims`,
      body: claimBody({ statement: 'Fuzzed claim', source: { url: 'https://example.org/', title: 'Example' } }),
    },
    {
      method: 'POST',
      url: `/v1/claims/${claimId}/supports`,
      body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration', note: 'n' }),
    },
    {
      method: 'POST',
      url: `/v1/claims/${claimId}/contradictions`,
      body: developmentBody(party('Kremlin', 'government', 'kremlin'), { kind: 'denial' }),
    },
    {
      method: 'POST',
      url: `/v1/claims/${claimId}/retraction`,
      body: developmentBody(party('Financial Times', 'media', 'financial-times')),
    },
    {
      method: 'POST',
      url: `/v1/claims/${claimId}/corrections`,
      body: { changes: { statement: 'x', reportedBy: null, claimant: party('Kyiv') }, reason: 'r' },
    },
    { method: 'POST', url: `/v1/claims/${claimId}/verdict`, body: { verdict: 'confirmed', rationale: 'r' } },
  ];

  it('answers mutated command bodies with 2xx or a 4xx problem, and a 4xx appends nothing', async () => {
    const random = seededRandom(20260127);
    let refused = 0;
    for (let round = 0; round < 60; round++) {
      for (const { method, url, body } of commands(pick(random, targets))) {
        const response = await send(method, url, { body: mutate(body, random) });
        if (response.status === 400) refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(200);
    expect(tally).toMatchObject({ serverErrors: [], nonProblemErrors: [], appendedOnError: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers broken JSON, bytes that are not UTF-8 and other content types with a 4xx problem', async () => {
    for (const target of targets) {
      for (const { method, url } of commands(target)) {
        for (const rawBody of RAW_BODIES) await send(method, url, { rawBody });
        for (const type of CONTENT_TYPES) {
          await send(method, url, { rawBody: '{"title":"x"}', headers: { 'content-type': type } });
        }
      }
    }
    expect(tally).toMatchObject({ serverErrors: [], nonProblemErrors: [], appendedOnError: [] });
  });

  it('answers odd paths, query strings and methods with a 4xx problem', async () => {
    const random = seededRandom(7);
    const { storylineId, claimId } = targets[1];
    const encoded = (value: unknown) => encodeURIComponent(String(value).replace(/\p{Cs}/gu, '\ufffd'));
    const oddIds = [
      'a'.repeat(81),
      'a'.repeat(100),
      'a'.repeat(101),
      'a'.repeat(1000),
      'UPPER',
      '--',
      '%E0%A4%A',
      '%ED%A0%80',
      '%ZZ',
      '%00',
      '..%2F..%2Fetc',
      encodeURIComponent('україна фаззинг'),
      encodeURIComponent('東京'),
      encodeURIComponent(' '),
    ];
    const reads = [
      '/v1/storylines?status=',
      '/v1/storylines?limit=',
      '/v1/storylines?cursor=',
      '/v1/storylines?tag=',
      '/v1/storylines?q=',
      `/v1/storylines/${encodeURIComponent(storylineId)}?asOf=`,
      `/v1/storylines/${encodeURIComponent(storylineId)}?atPosition=`,
      `/v1/storylines/${encodeURIComponent(storylineId)}/timeline?cursor=`,
      '/v1/claims?q=',
      '/v1/claims?claimant=',
      '/v1/claims?storyline=',
      `/v1/claims/${encodeURIComponent(claimId)}?minPosition=`,
      `/v1/claims/${encodeURIComponent(claimId)}/history?limit=`,
      '/v1/events?after=',
      '/v1/events?type=',
      '/v1/claims/',
      '/v1/storylines/',
    ];
    for (let round = 0; round < 8; round++) {
      for (const read of reads) await send('GET', `${read}${encoded(pick(random, ODD_VALUES))}`, { as: 'reader' });
      await send('GET', `/v1/claims?${encoded(pick(random, ODD_KEYS))}=1`, { as: 'reader' });
    }
    for (const read of reads) {
      await send('GET', `${read}%E0%A4%A`, { as: 'reader' });
      await send('GET', `${read}${'a'.repeat(9000)}`, { as: 'reader' });
      await send('GET', `${read}${'a'.repeat(17000)}`, { as: 'reader' });
    }
    for (const id of oddIds) {
      await send('GET', `/v1/claims/${id}`, { as: 'reader' });
      await send('GET', `/v1/storylines/${id}/timeline`, { as: 'reader' });
      await send('POST', `/v1/claims/${id}/supports`, {
        body: developmentBody(party('AP', 'media'), { kind: 'evidence' }),
      });
      await send('PATCH', `/v1/storylines/${id}`, { body: { summary: 'x' } });
    }
    const oddRoutes = ['/', '/v1', '/v1/', '/v2/claims', '/v1/claims/x/y/z', '/v1/storylines/x/claims/y', '/docs/nope'];
    for (const route of oddRoutes) await send('GET', route, { as: 'reader' });
    for (const method of ['DELETE', 'PUT', 'OPTIONS', 'PROPFIND', 'PURGE', 'FROBNICATE', 'get']) {
      for (const url of ['/v1/storylines', `/v1/claims/${encodeURIComponent(claimId)}`, '/health', '/nowhere']) {
        await send(method, url, { rawBody: method === 'PUT' ? '{}' : undefined });
      }
    }
    // A valid start would open an endless stream; these are all refused before it starts.
    for (const after of ['-2', '1.5', 'abc', '1e3', '9'.repeat(16), encodeURIComponent('١٢')]) {
      await send('GET', `/v1/events/live?after=${after}`, { as: 'reader' });
    }
    expect(tally).toMatchObject({ serverErrors: [], nonProblemErrors: [], appendedOnError: [] });
  });

  it('answers odd headers with a 4xx problem', async () => {
    const { claimId } = targets[0];
    const oddHeaders: Array<[string, string]> = [
      ['if-match', '"99999999999999999999"'],
      ['if-match', 'W/"-1"'],
      ['if-match', '*'],
      ['if-match', '"0", "1"'],
      ['idempotency-key', 'x'.repeat(500)],
      ['idempotency-key', 'spaces are not tokens'],
      ['idempotency-key', ''],
      ['x-correlation-id', 'spaces are not allowed'],
      ['x-causation-id', '%E0%A4%A'],
      ['last-event-id', 'seven'],
      ['authorization', 'Bearer '],
      ['authorization', `Bearer ${'k'.repeat(8000)}`],
      ['authorization', 'Basic dXNlcjpwYXNz'],
      ['authorization', 'Bearer reader-secret-1 reader-secret-1'],
      ['x-padding', 'p'.repeat(17000)],
    ];
    /** Only these refuse a live stream before it starts; with any other, it would stay open. */
    const refusingLive = new Set(['last-event-id', 'authorization', 'x-padding']);
    for (const [name, value] of oddHeaders) {
      await send('POST', `/v1/claims/${claimId}/supports`, {
        body: developmentBody(party('AP', 'media', 'ap'), { kind: 'evidence' }),
        headers: { [name]: value },
        as: name === 'authorization' ? 'nobody' : 'reporter',
      });
      if (refusingLive.has(name)) {
        await send('GET', '/v1/events/live', {
          headers: { [name]: value },
          as: name === 'authorization' ? 'nobody' : 'reader',
        });
      }
    }
    expect(tally).toMatchObject({ serverErrors: [], nonProblemErrors: [], appendedOnError: [] });
  });
});
