import { storylineBody } from '../../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../../support/test-app';

const DESK = 'https://desk.example.org';
const PROBLEM_JSON = /^application\/problem\+json/;

describe('CORS (CORS_ORIGINS)', () => {
  it('is off when CORS_ORIGINS is unset: no browser origin is allowed', async () => {
    const app = await startTestApp();
    try {
      const response = await app.request('GET', '/v1/storylines', { as: 'reader', headers: { origin: DESK } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await app.request('OPTIONS', '/v1/storylines', {
        as: 'nobody',
        headers: { origin: DESK, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('content-type')).toMatch(PROBLEM_JSON);
    } finally {
      await app.close();
    }
  });

  describe('with CORS_ORIGINS set', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp({ env: { CORS_ORIGINS: `${DESK}, http://localhost:5173` } })));
    afterAll(() => app.close());

    it('answers a preflight from a listed origin with the API headers allowed', async () => {
      const preflight = await app.request('OPTIONS', '/v1/storylines', {
        as: 'nobody',
        headers: {
          origin: DESK,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(DESK);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
      // Removing a claim's relation (and a webhook) is a DELETE.
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
    });

    it('lets a listed origin read the answer and its ETag and Location', async () => {
      const response = await app.request('POST', '/v1/storylines', {
        body: storylineBody({ title: 'Opened from a browser' }),
        headers: { origin: 'http://localhost:5173' },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag.*Location/);
    });

    it('does not allow an origin that is not listed', async () => {
      const response = await app.request('GET', '/v1/storylines', {
        as: 'reader',
        headers: { origin: 'https://elsewhere.example.com' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('security headers', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('marks every kind of answer nosniff, errors of the framework included', async () => {
    const answers = [
      await app.request('GET', '/v1/storylines', { as: 'reader' }),
      await app.request('GET', '/v1/storylines', { as: 'nobody' }),
      await app.request('GET', '/v1/nothing-here', { as: 'reader' }),
      await app.request('GET', '/v1/claims/%E0%A4%A', { as: 'reader' }),
      await app.request('GET', '/v1/claims', { as: 'reader', headers: { 'x-padding': 'a'.repeat(17000) } }),
      await app.request('GET', '/health', { as: 'nobody' }),
      await app.request('GET', '/docs', { as: 'nobody' }),
    ];
    for (const answer of answers) expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives API answers a policy that loads nothing and frames nothing', async () => {
    const response = await app.request('GET', '/v1/storylines', { as: 'reader' });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });

  it('gives /docs a policy under which Swagger UI loads: its own scripts and styles, no inline script', async () => {
    const page = await app.request('GET', '/docs', { as: 'nobody' });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toMatch(/upgrade-insecure-requests/);
    const html = page.body as string;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\.\/docs\//);
      expect(inline.trim()).toBe('');
    }
    const assets = [...html.matchAll(/(?:src|href)="\.\/docs\/([^"]+)"/g)].map((match) => `/docs/${match[1]}`);
    for (const asset of assets) {
      const response = await app.request('GET', asset, { as: 'nobody' });
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('content-security-policy')).toBe(policy);
    }
  });

  it('keeps authenticated answers out of every cache, and leaves public ones alone', async () => {
    const authenticated = [
      await app.request('GET', '/v1/storylines', { as: 'reader' }),
      await app.request('GET', '/v1/storylines', { as: 'nobody' }),
      await app.request('POST', '/v1/storylines', { as: 'reader', body: storylineBody() }),
      await app.request('GET', '/v1/claims/no-such-claim', { as: 'reader' }),
    ];
    for (const answer of authenticated) expect(answer.headers.get('cache-control')).toBe('no-store');
    const health = await app.request('GET', '/health', { as: 'nobody' });
    expect(health.headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('rate limits', () => {
  it('refuses an address after 10 failed authentications a minute by default, whatever key it sends then', async () => {
    const app = await startTestApp();
    try {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const guess = await app.request('GET', '/v1/storylines', {
          as: 'nobody',
          headers: { authorization: `Bearer guess-${attempt}` },
        });
        expect({ attempt, status: guess.status }).toEqual({ attempt, status: 401 });
      }
      for (const authorization of ['Bearer guess-11', `Bearer ${KEYS.reader}`]) {
        const refused = await app.request('GET', '/v1/storylines', { as: 'nobody', headers: { authorization } });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('content-type')).toMatch(PROBLEM_JSON);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(refused.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
      }
      expect((await app.request('GET', '/health', { as: 'nobody' })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('counts failures per forwarded address behind a trusted proxy (TRUST_PROXY), and ignores the header otherwise', async () => {
    const failFrom = (app: TestApp, address: string) =>
      app.request('GET', '/v1/storylines', { as: 'nobody', headers: { 'x-forwarded-for': address } });
    const behindProxy = await startTestApp({ env: { TRUST_PROXY: 'true', AUTH_FAILURES_PER_MINUTE: '2' } });
    try {
      expect((await failFrom(behindProxy, '203.0.113.7')).status).toBe(401);
      expect((await failFrom(behindProxy, '203.0.113.7')).status).toBe(401);
      expect((await failFrom(behindProxy, '203.0.113.7')).status).toBe(429);
      expect((await failFrom(behindProxy, '203.0.113.8')).status).toBe(401);
    } finally {
      await behindProxy.close();
    }
    const direct = await startTestApp({ env: { AUTH_FAILURES_PER_MINUTE: '2' } });
    try {
      expect((await failFrom(direct, '203.0.113.7')).status).toBe(401);
      expect((await failFrom(direct, '203.0.113.8')).status).toBe(401);
      expect((await failFrom(direct, '203.0.113.9')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it('does not limit failed authentications with AUTH_FAILURES_PER_MINUTE=0', async () => {
    const app = await startTestApp({ env: { AUTH_FAILURES_PER_MINUTE: '0' } });
    try {
      for (let attempt = 1; attempt <= 15; attempt++) {
        expect((await app.request('GET', '/v1/storylines', { as: 'nobody' })).status).toBe(401);
      }
      expect((await app.request('GET', '/v1/storylines', { as: 'reader' })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('limits each API key to RATE_LIMIT_PER_MINUTE requests, each key on its own', async () => {
    const app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let request = 1; request <= 3; request++) {
        expect((await app.request('GET', '/v1/storylines', { as: 'reader' })).status).toBe(200);
      }
      const limited = await app.request('POST', '/v1/storylines', { as: 'reader', body: storylineBody() });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.detail).toMatch(/3 requests a minute/);
      expect((await app.request('GET', '/v1/storylines', { as: 'editor' })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('does not limit requests per key when RATE_LIMIT_PER_MINUTE is unset', async () => {
    const app = await startTestApp();
    try {
      const statuses = new Set<number>();
      for (let request = 0; request < 150; request++) {
        statuses.add((await app.request('GET', '/v1/storylines?limit=1', { as: 'reader' })).status);
      }
      expect([...statuses]).toEqual([200]);
    } finally {
      await app.close();
    }
  });
});
