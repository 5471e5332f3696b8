import { claimBody, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

describe('Idempotency-Key', () => {
  let app: TestApp;
  let storylineId: string;

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  });
  afterAll(() => app.close());

  const eventCount = async () => {
    const page = await app.request('GET', '/v1/events?limit=500', { as: 'reader' });
    return page.body.items.length as number;
  };

  it('appends once for the same key and body, and returns the same response', async () => {
    const headers = { 'idempotency-key': 'record-zelensky-quote-1' };
    const before = await eventCount();
    const first = await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(), headers });
    const second = await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount()).toBe(before + 1);
  });

  it('answers 422 for the same key with a different body, appending nothing', async () => {
    const headers = { 'idempotency-key': 'record-zelensky-quote-2' };
    await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(), headers });
    const before = await eventCount();
    const other = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ statement: 'Ein anderer Satz.' }),
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await eventCount()).toBe(before);
  });

  it('appends once when the same request races itself', async () => {
    const headers = { 'idempotency-key': 'record-race' };
    const before = await eventCount();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.request('POST', `/v1/storylines/${storylineId}/claims`, {
          body: claimBody({ statement: 'Race' }),
          headers,
        }),
      ),
    );
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(responses.every((response) => response.status === 201)).toBe(true);
    expect(await eventCount()).toBe(before + 1);
  });

  it('keeps keys of different requests apart', async () => {
    const before = await eventCount();
    for (const key of ['key-a', 'key-b']) {
      const response = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
        body: claimBody(),
        headers: { 'idempotency-key': key },
      });
      expect(response.status).toBe(201);
    }
    expect(await eventCount()).toBe(before + 2);
  });
});
