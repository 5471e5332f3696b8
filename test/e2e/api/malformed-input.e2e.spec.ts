import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { openStorylineWithClaim, startTestApp, TestApp } from '../../support/test-app';
import { seededRandom } from '../../support/workload';

/** Values of every JSON shape, plus the ones that trip up naive code. */
const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -0,
  '',
  ' ',
  '\u0000',
  'x'.repeat(10_000),
  '💥'.repeat(50),
  '2026-13-45T99:99:99Z',
  [],
  [null],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse(`${'['.repeat(64)}${']'.repeat(64)}`),
];

/** A valid body with one field, possibly nested, replaced by an odd value, added, or removed. */
function mutate(body: Record<string, unknown>, random: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const odd = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  const keys = Object.keys(copy);
  const key = keys[Math.floor(random() * keys.length)];
  const roll = random();
  if (roll < 0.5) copy[key] = odd;
  else if (roll < 0.65) delete copy[key];
  else if (roll < 0.8) copy[`unexpected${Math.floor(random() * 9)}`] = odd;
  else if (roll < 0.9 && typeof copy[key] === 'object' && copy[key] !== null) {
    const inner = copy[key] as Record<string, unknown>;
    const innerKeys = Object.keys(inner);
    inner[innerKeys[Math.floor(random() * innerKeys.length)] ?? 'name'] = odd;
  } else return odd;
  return copy;
}

const RAW_BODIES = ['', '{', '{"title":', 'null', '"a string"', '12', '[1,2', '{"title": "x"}garbage', '\u0000\u0001'];

describe('malformed input never yields a 5xx or a partial write (SPEC §6)', () => {
  let app: TestApp;
  let storylineId: string;
  let claimId: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ storylineId, claimId } = await openStorylineWithClaim(app));
  });
  afterAll(() => app.close());

  /** The newest position in the log itself (the projections' view of the head may trail it). */
  let known = -1;
  const head = async (): Promise<number> => {
    for (;;) {
      const page = await app.request('GET', `/v1/events?after=${known}&limit=500`, { as: 'reader' });
      if (page.body.items.length === 0) return known;
      known = page.body.items.at(-1).position;
    }
  };

  const commands = () => [
    { method: 'POST', url: '/v1/storylines', body: storylineBody({ title: 'Fuzzed storyline' }) },
    { method: 'PATCH', url: `/v1/storylines/${storylineId}`, body: { title: 'Renamed', summary: 's', tags: ['t'] } },
    { method: 'POST', url: `/v1/storylines/${storylineId}/claims`, body: claimBody({ statement: 'Fuzzed claim' }) },
    {
      method: 'POST',
      url: `/v1/claims/${claimId}/supports`,
      body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
    },
    {
      method: 'POST',
      url: `/v1/claims/${claimId}/contradictions`,
      body: developmentBody(party('Kremlin', 'government', 'kremlin'), { kind: 'denial' }),
    },
    { method: 'POST', url: `/v1/claims/${claimId}/corrections`, body: { changes: { statement: 'x' }, reason: 'r' } },
    { method: 'POST', url: `/v1/claims/${claimId}/verdict`, body: { verdict: 'confirmed', rationale: 'r' } },
  ];

  it('answers mutated command bodies with 2xx or 4xx, and 4xx appends nothing', async () => {
    const random = seededRandom(20260127);
    const statuses = new Map<number, number>();
    for (let round = 0; round < 40; round++) {
      for (const { method, url, body } of commands()) {
        const before = await head();
        const sent = mutate(body, random);
        const response = await app.request(method, url, { as: 'editor', body: sent });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect({ url, sent, status: response.status < 500 }).toEqual({ url, sent, status: true });
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/problem\+json/);
          expect({ url, sent, head: await head() }).toEqual({ url, sent, head: before });
        }
      }
    }
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers broken JSON and odd content types with 4xx', async () => {
    for (const { method, url } of commands()) {
      for (const rawBody of RAW_BODIES) {
        const response = await app.request(method, url, { as: 'editor', rawBody });
        expect({ url, rawBody, status: response.status }).toEqual({ url, rawBody, status: expect.any(Number) });
        expect(response.status >= 400 && response.status < 500).toBe(true);
      }
      const form = await app.request(method, url, {
        as: 'editor',
        rawBody: 'title=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
    }
  });

  it('answers odd query strings, path ids and headers with 4xx', async () => {
    const random = seededRandom(7);
    const oddText = () => encodeURIComponent(String(ODD_VALUES[Math.floor(random() * ODD_VALUES.length)]));
    const reads = [
      '/v1/storylines?status=',
      '/v1/storylines?limit=',
      '/v1/storylines?cursor=',
      `/v1/storylines/${storylineId}?asOf=`,
      `/v1/storylines/${storylineId}?atPosition=`,
      `/v1/storylines/${storylineId}/timeline?cursor=`,
      '/v1/claims?q=',
      '/v1/claims?claimant=',
      `/v1/claims/${claimId}?minPosition=`,
      '/v1/events?after=',
      '/v1/events?type=',
      '/v1/claims/',
      '/v1/storylines/',
    ];
    for (let round = 0; round < 6; round++) {
      for (const read of reads) {
        const url = `${read}${oddText()}`;
        const response = await app.request('GET', url, { as: 'reader' });
        expect({ url, status: response.status < 500 }).toEqual({ url, status: true });
      }
    }
    for (const [name, value] of [
      ['if-match', '"99999999999999999999"'],
      ['if-match', 'W/"-1"'],
      ['idempotency-key', 'x'.repeat(500)],
      ['x-correlation-id', 'spaces are not allowed'],
      ['authorization', 'Bearer '],
    ]) {
      const response = await app.request('POST', `/v1/claims/${claimId}/supports`, {
        body: developmentBody(party('AP', 'media', 'ap'), { kind: 'evidence' }),
        headers: { [name]: value },
        as: name === 'authorization' ? 'nobody' : 'reporter',
      });
      expect({ name, value, status: response.status >= 400 && response.status < 500 }).toEqual({
        name,
        value,
        status: true,
      });
    }
  });
});
