import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

describe('the global log, read-your-writes, health and docs', () => {
  let app: TestApp;
  let claimId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    claimId = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;
    for (const [index, outlet] of ['reuters', 'bbc', 'le-monde'].entries()) {
      await app.request('POST', `/v1/claims/${claimId}/supports`, {
        body: developmentBody(party(outlet, 'media', outlet), {
          kind: 'corroboration',
          occurredAt: `2026-01-2${index}T08:00:00Z`,
        }),
      });
    }
  });
  afterAll(() => app.close());

  it('lists the log in position order, pages with after/limit and filters by type', async () => {
    const all = await app.request('GET', '/v1/events', { as: 'reader' });
    expect(all.status).toBe(200);
    const positions = all.body.items.map((event: { position: number }) => event.position);
    expect(positions).toHaveLength(5);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(all.body.nextCursor).toBeUndefined();

    const firstTwo = await app.request('GET', '/v1/events?limit=2', { as: 'reader' });
    expect(firstTwo.body.items).toHaveLength(2);
    expect(firstTwo.body.nextCursor).toBe(String(positions[1]));
    const rest = await app.request('GET', `/v1/events?after=${firstTwo.body.nextCursor}`, { as: 'reader' });
    expect(rest.body.items.map((event: { position: number }) => event.position)).toEqual(positions.slice(2));

    const supports = await app.request('GET', '/v1/events?type=ClaimSupported', { as: 'reader' });
    expect(supports.body.items.map((event: { type: string }) => event.type)).toEqual(Array(3).fill('ClaimSupported'));
    expect(supports.body.items[0]).toMatchObject({
      streamId: `claim-${claimId}`,
      revision: 1,
      data: { kind: 'corroboration' },
    });
  });

  it('waits for minPosition, and answers 503 with Retry-After for a position that never comes', async () => {
    const head = (await app.request('GET', '/v1/events?limit=500', { as: 'reader' })).body.items.at(-1).position;
    const reached = await app.request('GET', `/v1/claims/${claimId}?minPosition=${head}`, { as: 'reader' });
    expect(reached.status).toBe(200);
    const future = await app.request('GET', `/v1/claims/${claimId}?minPosition=${head + 1000}`, { as: 'reader' });
    expect(future.status).toBe(503);
    expect(future.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('reports health with the event store and every projection', async () => {
    const health = await app.request('GET', '/health', { as: 'nobody' });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', eventStore: 'up', head: expect.any(Number) });
    expect(health.body.projections.length).toBeGreaterThanOrEqual(3);
  });

  it('serves Swagger UI and an OpenAPI document generated from the DTOs', async () => {
    const ui = await app.request('GET', '/docs', { as: 'nobody' });
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toMatch(/swagger/i);
    const openapi = await app.request('GET', '/docs/openapi.json', { as: 'nobody' });
    expect(openapi.body.paths).toHaveProperty(['/v1/storylines/{id}/claims']);
    expect(openapi.body.paths).toHaveProperty(['/v1/claims/{id}/verdict']);
    expect(Object.keys(openapi.body.components.schemas)).toEqual(
      expect.arrayContaining(['RecordClaimDto', 'VerdictDto']),
    );
    expect(openapi.body.components.schemas.VerdictDto.properties.verdict.enum).toEqual([
      'confirmed',
      'refuted',
      'misleading',
      'unproven',
    ]);
  });
});
