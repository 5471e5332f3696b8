import fs from 'node:fs';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { KeyRole, startTestApp, TestApp } from '../../support/test-app';
import { appendEvents } from '../../support/webhooks';

const TARGET = 'http://127.0.0.1:9/hook';
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('the webhooks API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, hooks.example.org' } });
  });

  afterAll(() => app.close());

  it('registers a webhook (201, Location, a generated whsec_ secret shown once) that GET, list and DELETE see', async () => {
    const created = await app.request('POST', '/v1/webhooks', {
      as: 'admin',
      body: { url: TARGET, events: ['ClaimContradicted', 'ClaimVerdictIssued'] },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body;
    expect(created.headers.get('location')).toBe(`/v1/webhooks/${id}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(() => new Webhook(secret)).not.toThrow();
    expect(created.body).toMatchObject({
      url: TARGET,
      events: ['ClaimContradicted', 'ClaimVerdictIssued'],
      state: 'active',
      attempts: 0,
      delivered: 0,
      createdBy: 'admin-key',
    });
    expect(Number.isInteger(created.body.checkpoint)).toBe(true);

    const one = await app.request('GET', `/v1/webhooks/${id}`, { as: 'admin' });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ ...created.body, secret: undefined });
    expect(JSON.stringify(one.body)).not.toContain(secret);
    const list = await app.request('GET', '/v1/webhooks', { as: 'admin' });
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    expect((await app.request('DELETE', `/v1/webhooks/${id}`, { as: 'admin' })).status).toBe(204);
    expect((await app.request('GET', `/v1/webhooks/${id}`, { as: 'admin' })).status).toBe(404);
    const again = await app.request('DELETE', `/v1/webhooks/${id}`, { as: 'admin' });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('takes a secret of the caller and never answers it back', async () => {
    const created = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url: TARGET, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toBeUndefined();
    expect(created.body.events).toBeNull();
  });

  it('keeps subscriptions and secrets out of the factline log, in a file of their own', async () => {
    await appendEvents(app, 0);
    const before = await app.request('GET', '/v1/events?limit=1000', { as: 'reader' });
    const created = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url: TARGET } });
    const after = await app.request('GET', '/v1/events?limit=1000', { as: 'reader' });
    expect(after.body.items).toEqual(before.body.items);
    expect(JSON.stringify(after.body)).not.toContain(created.body.secret);
    expect(fs.existsSync(path.join(app.dir, 'factline.webhooks.db'))).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and registers once', async () => {
    const send = () =>
      app.request('POST', '/v1/webhooks', {
        as: 'admin',
        body: { url: 'http://127.0.0.1:9/idempotent' },
        headers: { 'idempotency-key': 'webhook-once' },
      });
    const first = await send();
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const list = await app.request('GET', '/v1/webhooks', { as: 'admin' });
    const matching = list.body.items.filter((item: { url: string }) => item.url === 'http://127.0.0.1:9/idempotent');
    expect(matching).toHaveLength(1);
  });

  it('is for admin keys only', async () => {
    const { body } = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url: TARGET } });
    const calls: Array<[string, string, unknown]> = [
      ['POST', '/v1/webhooks', { url: TARGET }],
      ['GET', '/v1/webhooks', undefined],
      ['GET', `/v1/webhooks/${body.id}`, undefined],
      ['DELETE', `/v1/webhooks/${body.id}`, undefined],
    ];
    const roles: Array<[KeyRole | 'nobody', number]> = [
      ['nobody', 401],
      ['reader', 403],
      ['reporter', 403],
      ['editor', 403],
    ];
    for (const [method, url, requestBody] of calls) {
      for (const [role, status] of roles) {
        const response = await app.request(method, url, { as: role, body: requestBody });
        expect({ method, url, role, status: response.status }).toEqual({ method, url, role, status });
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
    expect((await app.request('GET', `/v1/webhooks/${body.id}`, { as: 'admin' })).status).toBe(200);
  });

  it('refuses invalid bodies with 400, naming each field', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'url'],
      [{ url: 'ftp://127.0.0.1/hook' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: `http://127.0.0.1/${'x'.repeat(2001)}` }, 'url'],
      [{ url: TARGET, events: [] }, 'events'],
      [{ url: TARGET, events: ['NoSuchEvent'] }, 'events'],
      [{ url: TARGET, events: ['ClaimRecorded', 'ClaimRecorded'] }, 'events'],
      [{ url: TARGET, events: 'ClaimRecorded' }, 'events'],
      [{ url: TARGET, secret: 'plain-text-secret' }, 'secret'],
      [{ url: TARGET, secret: `whsec_${Buffer.alloc(8).toString('base64')}` }, 'secret'],
      [{ url: TARGET, secret: null }, 'secret'],
      [{ url: TARGET, colour: 'blue' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await app.request('POST', '/v1/webhooks', { as: 'admin', body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  it('refuses targets that WEBHOOK_ALLOWED_HOSTS does not allow, with 422 naming url', async () => {
    const cases: Array<[string, RegExp]> = [
      ['http://localhost:9/hook', /host localhost is not allowed by WEBHOOK_ALLOWED_HOSTS/],
      ['http://127.0.0.2:9/hook', /127\.0\.0\.2 is a loopback address/],
      ['http://10.1.2.3/hook', /10\.1\.2\.3 is a private address/],
      ['http://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is a link-local address/],
      ['http://[::1]:9/hook', /::1 is a loopback address/],
      ['http://[::ffff:127.0.0.2]:9/hook', /127\.0\.0\.2 is a loopback address/],
      ['https://user:pass@hooks.example.org/hook', /must not carry a user name or password/],
      ['https://elsewhere.example.net/hook', /host elsewhere\.example\.net is not allowed/],
    ];
    for (const [url, reason] of cases) {
      const response = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url } });
      expect({ url, status: response.status }).toEqual({ url, status: 422 });
      expect(response.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(reason) }]);
    }
  });

  it('describes every operation and its answers in the OpenAPI document', async () => {
    const { body } = await app.request('GET', '/docs/openapi.json', { as: 'nobody' });
    const collection = body.paths['/v1/webhooks'];
    const item = body.paths['/v1/webhooks/{id}'];
    expect(Object.keys(collection.post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '422']));
    expect(collection.post.responses['201'].headers).toHaveProperty('Location');
    expect(Object.keys(collection.get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    expect(Object.keys(item.get.responses)).toEqual(expect.arrayContaining(['200', '404']));
    expect(Object.keys(item.delete.responses)).toEqual(expect.arrayContaining(['204', '404']));
    const schemas = body.components.schemas;
    expect(schemas.CreateWebhookDto.required).toEqual(['url']);
    expect(schemas.CreateWebhookDto.properties.events.items.enum).toContain('ClaimVerdictIssued');
    expect(schemas.WebhookDto.properties.state.enum).toEqual(['active', 'failing', 'disabled']);
    expect(schemas.CreatedWebhookDto).toBeDefined();
  });
});

describe('the webhooks API with no WEBHOOK_ALLOWED_HOSTS', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('refuses every target, loopback included', async () => {
    const response = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url: TARGET } });
    expect(response.status).toBe(422);
    expect(response.body.detail).toMatch(/127\.0\.0\.1 is a loopback address/);
  });
});

describe('the webhooks API with WEBHOOK_ALLOWED_HOSTS=*', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '*' } });
  });

  afterAll(() => app.close());

  it('still refuses loopback, and a name that resolves to it, unless listed', async () => {
    for (const url of [TARGET, 'http://localhost:9/hook']) {
      const response = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url } });
      expect({ url, status: response.status }).toEqual({ url, status: 422 });
      expect(response.body.detail).toMatch(/loopback address; list it in WEBHOOK_ALLOWED_HOSTS/);
    }
  });
});
