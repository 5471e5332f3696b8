import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

describe('storyline endpoints', () => {
  let app: TestApp;
  let last = -1;
  const track = <T extends { body: { position?: number } }>(response: T): T => {
    last = Math.max(last, response.body.position ?? -1);
    return response;
  };
  const read = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { as: 'reader' });
  const open = async (title: string, tags: string[]) =>
    track(await app.request('POST', '/v1/storylines', { body: storylineBody({ title, tags }) })).body.id as string;
  const record = async (storylineId: string, overrides: Record<string, unknown> = {}) =>
    track(await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(overrides) })).body
      .id as string;
  const deny = async (claimId: string, occurredAt: string) =>
    track(
      await app.request('POST', `/v1/claims/${claimId}/contradictions`, {
        body: developmentBody(party('US government', 'government', 'us-government'), { kind: 'denial', occurredAt }),
      }),
    );

  let guarantees: string;
  let iran: string;

  beforeAll(async () => {
    app = await startTestApp();
    guarantees = await open('Security guarantees for Ukraine', ['ukraine', 'usa']);
    iran = await open('Iran protests', ['iran']);
    const disputed = await record(guarantees, { occurredAt: '2026-01-23T10:00:00Z' });
    await deny(disputed, '2026-01-27T12:00:00Z');
    await record(guarantees, { statement: 'Second claim', occurredAt: '2026-01-25T10:00:00Z' });
    await record(iran, { statement: 'Tłumy na ulicach Teheranu', language: 'pl' });
  });
  afterAll(() => app.close());

  it('opens a storyline with 201, Location, ETag and a slug id from the title', async () => {
    const response = await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Ceasefire talks' }) });
    track(response);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 'ceasefire-talks', revision: 0, position: expect.any(Number) });
    expect(response.headers.get('location')).toBe('/v1/storylines/ceasefire-talks');
    expect(response.headers.get('etag')).toBe('"0"');
  });

  it('revises title, summary and tags with PATCH', async () => {
    const response = track(
      await app.request('PATCH', `/v1/storylines/${iran}`, {
        body: { summary: 'Protests across Iran', tags: ['iran', 'protests'] },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.revision).toBe(1);
    const view = await read(`/v1/storylines/${iran}`);
    expect(view.body).toMatchObject({ summary: 'Protests across Iran', tags: ['iran', 'protests'], revision: 1 });
    expect(view.headers.get('etag')).toBe('"1"');
  });

  it('shows status, counts and each claim with its status', async () => {
    const view = await read(`/v1/storylines/${guarantees}`);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('disputed');
    expect(view.body.counts).toMatchObject({ disputed: 1, unverified: 1 });
    expect(view.body.claims.map((claim: { status: string }) => claim.status).sort()).toEqual([
      'disputed',
      'unverified',
    ]);
  });

  it('lists with filters on status, tag and text', async () => {
    const ids = async (query: string) =>
      (await read(`/v1/storylines?${query}`)).body.items.map((item: { id: string }) => item.id);
    expect(await ids('status=disputed')).toEqual([guarantees]);
    expect(await ids('tag=iran')).toEqual([iran]);
    expect(await ids('q=protests')).toEqual([iran]);
    expect(await ids('tag=nothing-tagged-so')).toEqual([]);
  });

  it('pages with nextCursor until the last page, which has none', async () => {
    const seen: string[] = [];
    let url = '/v1/storylines?limit=1';
    for (let pages = 0; pages < 10; pages++) {
      const page = await read(url);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      if (!page.body.nextCursor) break;
      url = `/v1/storylines?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`;
    }
    const all = (await read('/v1/storylines?limit=100')).body.items.map((item: { id: string }) => item.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(3);
  });

  it('orders the timeline by occurredAt, not by recording order', async () => {
    const timeline = await read(`/v1/storylines/${guarantees}/timeline`);
    expect(timeline.status).toBe(200);
    const times = timeline.body.items.map((entry: { occurredAt: string }) => Date.parse(entry.occurredAt));
    expect(times).toHaveLength(3);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline.body.items.map((entry: { type: string }) => entry.type)).toEqual([
      'ClaimRecorded',
      'ClaimRecorded',
      'ClaimContradicted',
    ]);
  });

  it('keeps the Polish caption in its own storyline, text intact', async () => {
    const view = await read(`/v1/storylines/${iran}`);
    expect(view.body.claims).toEqual([expect.objectContaining({ statement: 'Tłumy na ulicach Teheranu' })]);
  });

  it('answers a storyline titled in Cyrillic with its Location percent-encoded (a header holds ASCII only)', async () => {
    const response = track(
      await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Переговори в Абу-Дабі' }) }),
    );
    expect(response.status).toBe(201);
    expect(response.body.id).toBe('переговори-в-абу-дабі');
    expect(response.headers.get('location')).toBe(`/v1/storylines/${encodeURIComponent('переговори-в-абу-дабі')}`);
    expect((await read(response.headers.get('location') ?? '')).body.title).toBe('Переговори в Абу-Дабі');
  });
});
