import { STREAM_PREFIXES } from '../../../src/application/events/factline-event';
import { KurrentDbEventStore } from '../../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { FakeKurrentDb } from '../../support/fake-kurrentdb/fake-kurrentdb';
import { NodePreference } from '../../support/fake-kurrentdb/fake-kurrentdb-client';
import { claimBody, storylineBody } from '../../support/fixtures';
import { KEYS } from '../../support/http-client';
import { openSse } from '../../support/sse-client';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * The service's answers on KurrentDB (the adapter on FakeKurrentDb): outages are 503 problems and
 * /health says so, a stored write is answered with its position whichever node reads prefer, and
 * a live stream resumes after an off-by-one Last-Event-ID from the next event.
 */
describe('answers on KurrentDB (fake server)', () => {
  let server: FakeKurrentDb;
  let app: TestApp;
  const start = async (nodePreference: NodePreference = 'leader') => {
    server = new FakeKurrentDb();
    app = await startTestApp({
      holdStore: false,
      eventStore: new KurrentDbEventStore(server.connect({ nodePreference }), STREAM_PREFIXES),
    });
  };
  afterEach(() => app?.close());

  it('answers a write during an outage 503 store-unavailable with Retry-After, and /health 503 naming no address', async () => {
    await start();
    server.failNext('append', 'dropped-channel');
    const write = await app.request('POST', '/v1/storylines', { body: storylineBody() });
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).not.toBeNull();
    expect(write.body).toMatchObject({ type: '/problems/store-unavailable' });

    server.failNext('read', 'server-error');
    const health = await app.request('GET', '/health', { as: 'nobody' });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ eventStore: 'down' });
    expect(JSON.stringify(health.body)).not.toMatch(/kurrentdb-2|\d+\.\d+\.\d+\.\d+/);

    await expect(app.request('POST', '/v1/storylines', { body: storylineBody() })).resolves.toMatchObject({
      status: 201,
    });
  });

  it('answers stored writes with their positions while reads prefer a follower that lags', async () => {
    await start('follower');
    server.pauseReplication();
    const storyline = await app.request('POST', '/v1/storylines', { body: storylineBody() });
    const claim = await app.request('POST', `/v1/storylines/${storyline.body.id}/claims`, { body: claimBody() });
    expect([storyline.status, claim.status]).toEqual([201, 201]);
    const positions = server.positions().map(Number);
    expect(claim.body.position).toBe(positions[positions.length - 1]);
  });

  it('resumes a live stream after an off-by-one Last-Event-ID from the next event', async () => {
    await start();
    const first = await app.request('POST', '/v1/storylines', { body: storylineBody() });
    const second = await app.request('POST', `/v1/storylines/${first.body.id}/claims`, { body: claimBody() });
    const stream = await openSse(`${app.baseUrl}/v1/events/live`, {
      authorization: `Bearer ${KEYS.reader}`,
      'last-event-id': String(second.body.position - 1),
    });
    try {
      expect(stream.status).toBe(200);
      expect((await stream.next()).id).toBe(String(second.body.position));
      expect(first.body.position).toBeLessThan(second.body.position - 1);
    } finally {
      stream.close();
    }
  });
});
