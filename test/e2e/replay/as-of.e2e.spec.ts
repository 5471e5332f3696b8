import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

/** The same instant written with another UTC offset, as a desk in Kyiv (+02:00) would type it. */
function atOffset(iso: string, offsetHours: number): string {
  const shifted = new Date(Date.parse(iso) + offsetHours * 3600_000).toISOString().replace('Z', '');
  return `${shifted}+${String(offsetHours).padStart(2, '0')}:00`;
}

describe('views as they stood at a past point (asOf / atPosition)', () => {
  let app: TestApp;
  let storylineId: string;
  let claimId: string;
  const positions = { recorded: 0, contradicted: 0, verdict: 0 };
  const recordedAt = { recorded: '', contradicted: '', verdict: '' };

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    const recorded = await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() });
    claimId = recorded.body.id;
    positions.recorded = recorded.body.position;
    const denial = developmentBody(party('US government', 'government', 'us-government'), { kind: 'denial' });
    positions.contradicted = (
      await app.request('POST', `/v1/claims/${claimId}/contradictions`, { body: denial })
    ).body.position;
    // recordedAt is the server's clock in milliseconds: keep the verdict out of the contradiction's millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const verdict = {
      verdict: 'refuted',
      rationale: 'The draft was not final',
      occurredAt: '2026-01-28T09:00:00+01:00',
    };
    positions.verdict = (
      await app.request('POST', `/v1/claims/${claimId}/verdict`, { as: 'editor', body: verdict })
    ).body.position;
    const history = await app.request('GET', `/v1/claims/${claimId}/history`, { as: 'reader' });
    const byType = (type: string) =>
      history.body.items.find((event: { type: string }) => event.type === type).metadata.recordedAt as string;
    recordedAt.recorded = byType('ClaimRecorded');
    recordedAt.contradicted = byType('ClaimContradicted');
    recordedAt.verdict = byType('ClaimVerdictIssued');
  });
  afterAll(() => app.close());

  const get = (url: string) => app.request('GET', url, { as: 'reader' });

  it('shows the claim disputed as of the contradiction, and refuted now', async () => {
    expect(Date.parse(recordedAt.verdict)).toBeGreaterThan(Date.parse(recordedAt.contradicted));

    const then = await get(`/v1/claims/${claimId}?asOf=${encodeURIComponent(recordedAt.contradicted)}`);
    expect(then.status).toBe(200);
    expect(then.body.status).toBe('disputed');
    expect(then.body.verdict).toBeUndefined();
    expect(then.body.contradictions).toHaveLength(1);

    const sameInstantElsewhere = await get(
      `/v1/claims/${claimId}?asOf=${encodeURIComponent(atOffset(recordedAt.contradicted, 2))}`,
    );
    // The same view; the answer echoes the time as it was asked.
    expect(sameInstantElsewhere.body).toEqual({ ...then.body, asOf: atOffset(recordedAt.contradicted, 2) });

    const atRecording = await get(`/v1/claims/${claimId}?asOf=${encodeURIComponent(recordedAt.recorded)}`);
    expect(atRecording.body.status).toBe('unverified');

    const now = await get(`/v1/claims/${claimId}?minPosition=${positions.verdict}`);
    expect(now.body.status).toBe('refuted');
    expect(now.body.verdict.verdict).toBe('refuted');
  });

  it('folds the claim by log position too', async () => {
    const atContradiction = await get(`/v1/claims/${claimId}?atPosition=${positions.contradicted}`);
    expect(atContradiction.body.status).toBe('disputed');
    expect(atContradiction.body.position).toBe(positions.contradicted);
    const atVerdict = await get(`/v1/claims/${claimId}?atPosition=${positions.verdict}`);
    expect(atVerdict.body.status).toBe('refuted');
  });

  it('shows the storyline disputed at the contradiction position and settled now', async () => {
    const then = await get(`/v1/storylines/${storylineId}?atPosition=${positions.contradicted}`);
    expect(then.status).toBe(200);
    expect(then.body.status).toBe('disputed');
    expect(then.body.counts.disputed).toBe(1);
    expect(then.body.claims.map((claim: { status: string }) => claim.status)).toEqual(['disputed']);

    const asOf = await get(`/v1/storylines/${storylineId}?asOf=${encodeURIComponent(recordedAt.contradicted)}`);
    expect(asOf.body).toEqual({ ...then.body, atPosition: undefined, asOf: recordedAt.contradicted });

    const now = await get(`/v1/storylines/${storylineId}?minPosition=${positions.verdict}`);
    expect(now.body.status).toBe('settled');
    expect(now.body.counts.refuted).toBe(1);
  });

  it('cuts the timeline at the position', async () => {
    const positionsOf = (body: { items: Array<{ position: number }> }) => body.items.map((entry) => entry.position);
    const then = await get(`/v1/storylines/${storylineId}/timeline?atPosition=${positions.contradicted}`);
    expect(then.status).toBe(200);
    expect(positionsOf(then.body)).toEqual([positions.recorded, positions.contradicted]);

    const now = await get(`/v1/storylines/${storylineId}/timeline?minPosition=${positions.verdict}`);
    expect(positionsOf(now.body)).toEqual([positions.recorded, positions.contradicted, positions.verdict]);
  });

  it.each([
    ['asOf=yesterday'],
    ['asOf=2026-01-27T10:00:00'],
    ['atPosition=-1'],
    ['atPosition=1.5'],
    ['atPosition=first'],
    ['asOf=2026-01-27T10:00:00Z&atPosition=3'],
  ])('answers 400 problem+json to %s on the claim, the storyline and the timeline', async (query) => {
    for (const url of [
      `/v1/claims/${claimId}`,
      `/v1/storylines/${storylineId}`,
      `/v1/storylines/${storylineId}/timeline`,
    ]) {
      const response = await get(`${url}?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.status).toBe(400);
    }
  });

  it('answers 404 for a point before the claim or the storyline existed', async () => {
    const before = new Date(Date.parse(recordedAt.recorded) - 60_000).toISOString();
    expect((await get(`/v1/claims/${claimId}?asOf=${encodeURIComponent(before)}`)).status).toBe(404);
    expect((await get(`/v1/claims/${claimId}?atPosition=${positions.recorded - 1}`)).status).toBe(404);
    const storyline = await get(`/v1/storylines/${storylineId}?asOf=2000-01-01T00:00:00Z`);
    expect(storyline.status).toBe(404);
    expect(storyline.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await get(`/v1/storylines/${storylineId}/timeline?atPosition=0`)).status).toBe(404);
  });
});
