import { claimBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const REUTERS = party('Reuters', 'media', 'reuters');

/** A party's claims as of a point: the claims that named it then, as they stood then. */
describe('GET /v1/parties/:id/claims with asOf / atPosition', () => {
  let app: TestApp;
  let head = -1;
  let correctedId: string;
  let laterId: string;
  /** The recording of the claim later corrected to another claimant. */
  let recorded: { position: number; recordedAt: string };

  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status, detail: response.body?.detail }).toMatchObject({ url, status: 201 });
    head = Math.max(head, response.body.position);
    return response.body as { id: string; position: number };
  };
  const get = (url: string) =>
    app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${head}`, { as: 'reader' });
  const claimsOf = async (partyId: string, query = '') => {
    const response = await get(`/v1/parties/${partyId}/claims${query ? `?${query}` : ''}`);
    expect({ status: response.status, detail: response.body?.detail }).toEqual({ status: 200, detail: undefined });
    return response.body.items as Array<{ claimId: string; role: string; status: string; mentionedAs: string[] }>;
  };
  /** Waits until the clock has passed an instant, so the next event is recorded after it. */
  const clockPast = async (instant: string) => {
    const deadline = Date.now() + 30_000;
    while (Date.now() <= Date.parse(instant) && Date.now() < deadline) await new Promise(setImmediate);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await send(
      '/v1/parties',
      { id: 'financial-times', name: 'Financial Times', kind: 'media', aliases: ['FT'] },
      'editor',
    );
    const storylineId = (await send('/v1/storylines', storylineBody())).id;
    const recording = await send(
      `/v1/storylines/${storylineId}/claims`,
      claimBody({ claimant: party('FT', 'media', 'ft'), statement: 'The guarantees are conditional.' }),
    );
    correctedId = recording.id;
    const [event] = (await get(`/v1/events?after=${recording.position - 1}&limit=1`)).body.items;
    recorded = { position: recording.position, recordedAt: event.metadata.recordedAt };
    await clockPast(recorded.recordedAt);
    await send(
      `/v1/claims/${correctedId}/corrections`,
      { changes: { claimant: REUTERS }, reason: 'Reuters said it first' },
      'editor',
    );
    laterId = (await send(`/v1/storylines/${storylineId}/claims`, claimBody({ claimant: FT }))).id;
  }, 120_000);

  afterAll(() => app?.close());

  it('now: the claim corrected to another claimant is gone, the later claim is listed', async () => {
    expect((await claimsOf('financial-times')).map((item) => item.claimId)).toEqual([laterId]);
  });

  it.each([
    ['asOf', () => `asOf=${encodeURIComponent(recorded.recordedAt)}`],
    ['atPosition', () => `atPosition=${recorded.position}`],
  ])('%s between: the first claim as it was, by the alias it used, and not the later one', async (_, query) => {
    expect(await claimsOf('financial-times', query())).toEqual([
      expect.objectContaining({ claimId: correctedId, role: 'claimant', status: 'unverified', mentionedAs: ['FT'] }),
    ]);
    // Reuters, unregistered, named no claim then: not found at that point.
    expect((await get(`/v1/parties/reuters/claims?${query()}`)).status).toBe(404);
  });

  it('a point before the party was registered and mentioned is 404, a bad asOf 400', async () => {
    expect((await get('/v1/parties/financial-times/claims?atPosition=0')).status).toBe(404);
    expect((await get('/v1/parties/financial-times/claims?asOf=yesterday')).status).toBe(400);
  });
});
