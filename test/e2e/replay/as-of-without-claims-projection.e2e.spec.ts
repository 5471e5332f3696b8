import { appendDirectly } from '../../support/direct-append';
import { claimBody, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';
import { CONDITION_DEADLINE_MS } from '../../support/deadlines';

// A claimant without an id cannot be stored in the claims read model (its search columns need
// one), so the read models stop before it; the as-of views must still be folded from the whole log.
const claimWithoutClaimantId = {
  claimId: 'claimant-without-id',
  storylineId: 'elsewhere',
  statement: 'Written by an old tool',
  language: 'en',
  claimant: { name: 'Nobody in particular', kind: 'person' },
  attribution: 'on_record',
  occurredAt: '2026-01-20T10:00:00+01:00',
  tags: [],
};

describe('as-of views while the read models are stopped', () => {
  let app: TestApp;
  let storylineId: string;
  let position: number;

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody({ statement: 'Before' }) });
    await appendDirectly(app.sqlitePath, 'claim-claimant-without-id', [
      { type: 'ClaimRecorded', data: claimWithoutClaimantId },
    ]);
    const deadline = Date.now() + CONDITION_DEADLINE_MS;
    for (;;) {
      const { body } = await app.request('GET', '/v1/projections', { as: 'admin' });
      if (body.items.find((item: { name: string }) => item.name === 'claims').state === 'stopped') break;
      if (Date.now() > deadline) throw new Error(`read models did not stop: ${JSON.stringify(body.items)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const after = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ statement: 'After' }),
    });
    position = after.body.position;
  });
  afterAll(() => app.close());

  it('still counts a claim recorded after the read models stopped', async () => {
    const storyline = await app.request('GET', `/v1/storylines/${storylineId}?atPosition=${position}`, {
      as: 'reader',
    });
    expect(storyline.status).toBe(200);
    expect(storyline.body.claims.map((claim: { statement: string }) => claim.statement)).toEqual(['Before', 'After']);
    expect(storyline.body).toMatchObject({ claimCount: 2, status: 'developing', position });
    const live = await app.request('GET', `/v1/storylines/${storylineId}`, { as: 'reader' });
    expect(live.body.claimCount).toBe(1);
  });

  it('still shows that claim on the timeline at that position, and not before it', async () => {
    const url = `/v1/storylines/${storylineId}/timeline`;
    const now = await app.request('GET', `${url}?atPosition=${position}`, { as: 'reader' });
    expect(now.body.items.map((entry: { statement: string }) => entry.statement)).toEqual(['Before', 'After']);
    const before = await app.request('GET', `${url}?atPosition=${position - 1}`, { as: 'reader' });
    expect(before.body.items.map((entry: { statement: string }) => entry.statement)).toEqual(['Before']);
  });
});
