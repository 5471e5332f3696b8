import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { waitUntil } from '../../support/deadlines';
import { startTestApp, TestApp } from '../../support/test-app';
import { postCreated } from '../../support/http-client';

const japan = party('Japanese foreign ministry', 'government', 'japan-mofa');
const korea = party('South Korean foreign ministry', 'government', 'korea-mofa');

/**
 * A report published in New York at 10:00 there (15:00 UTC), answered "on the 23rd" by two
 * ministries known only to the day, one dated in Tokyo's offset; and two other claims of that day,
 * one said in Berlin (known to the day), one at 20:00 UTC the evening before.
 */
async function recordTheDay(app: TestApp): Promise<number> {
  let last = -1;
  const send = async (url: string, body: unknown) => {
    last = Math.max(last, (await postCreated(app, url, body)).position);
  };
  await send('/v1/storylines', storylineBody({ id: 'missile-test', title: 'Missile test' }));
  const claim = (id: string, statement: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
    send('/v1/storylines/missile-test/claims', claimBody({ id, statement, language: 'en', occurredAt, ...extra }));
  await claim('nyt-report', 'A missile was launched at dawn.', '2026-01-23T10:00:00-05:00');
  // Recorded before the report's answers: the order must not follow the log.
  await claim('late-evening', 'Tests are planned this week.', '2026-01-22T20:00:00Z');
  await send(
    '/v1/claims/nyt-report/contradictions',
    developmentBody(japan, { kind: 'denial', occurredAt: '2026-01-23T00:00:00+09:00', occurredAtPrecision: 'day' }),
  );
  await send(
    '/v1/claims/nyt-report/supports',
    developmentBody(korea, { kind: 'corroboration', occurredAt: '2026-01-23T00:00:00Z', occurredAtPrecision: 'day' }),
  );
  await claim('berlin-day', 'Berlin asks for restraint.', '2026-01-23T00:00:00+01:00', { occurredAtPrecision: 'day' });
  return last;
}

async function timelineOf(app: TestApp, query: string): Promise<string[]> {
  const response = await app.request('GET', `/v1/storylines/missile-test/timeline?${query}`, { as: 'reader' });
  expect(response.status).toBe(200);
  return response.body.items.map((entry: { type: string; claimId: string }) => `${entry.type}:${entry.claimId}`);
}

const answersAfterTheReport = ['ClaimRecorded:nyt-report', 'ClaimContradicted:nyt-report', 'ClaimSupported:nyt-report'];

describe.each([
  ['America/New_York', ['ClaimRecorded:late-evening', 'ClaimRecorded:berlin-day']],
  ['Asia/Tokyo', ['ClaimRecorded:berlin-day', 'ClaimRecorded:late-evening']],
])('the timeline with DESK_TIME_ZONE=%s', (zone, before) => {
  let app: TestApp;
  let last: number;

  beforeAll(async () => {
    app = await startTestApp({ env: { DESK_TIME_ZONE: zone } });
    last = await recordTheDay(app);
  });
  afterAll(() => app.close());

  it('orders the days in the desk zone, and the same-day answers after the report they answer', async () => {
    expect(await timelineOf(app, `minPosition=${last}`)).toEqual([...before, ...answersAfterTheReport]);
  });

  it('gives the same order as of the latest position, and across pages', async () => {
    expect(await timelineOf(app, `atPosition=${last}`)).toEqual([...before, ...answersAfterTheReport]);
    const first = await app.request('GET', `/v1/storylines/missile-test/timeline?limit=2&minPosition=${last}`, {
      as: 'reader',
    });
    const rest = await timelineOf(app, `limit=50&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([
      ...first.body.items.map((entry: { type: string; claimId: string }) => `${entry.type}:${entry.claimId}`),
      ...rest,
    ]).toEqual([...before, ...answersAfterTheReport]);
  });

  it('keeps each entry’s own time and precision as recorded', async () => {
    const response = await app.request('GET', `/v1/storylines/missile-test/timeline?minPosition=${last}`, {
      as: 'reader',
    });
    const denial = response.body.items.find((entry: { type: string }) => entry.type === 'ClaimContradicted');
    expect(denial).toMatchObject({ occurredAt: '2026-01-23T00:00:00+09:00', occurredAtPrecision: 'day' });
  });

  it('says where each entry is placed, live and as of a position alike: the answer at the report, the day in the zone', async () => {
    const placed = async (query: string) => {
      const response = await app.request('GET', `/v1/storylines/missile-test/timeline?${query}`, { as: 'reader' });
      return Object.fromEntries(
        response.body.items.map((entry: { type: string; claimId: string; placedAt: string }) => [
          `${entry.type}:${entry.claimId}`,
          entry.placedAt,
        ]),
      );
    };
    const berlinDay = zone === 'Asia/Tokyo' ? '2026-01-22T15:00:00.000Z' : '2026-01-23T05:00:00.000Z';
    const expected = {
      'ClaimRecorded:late-evening': '2026-01-22T20:00:00.000Z',
      'ClaimRecorded:berlin-day': berlinDay,
      'ClaimRecorded:nyt-report': '2026-01-23T15:00:00.000Z',
      'ClaimContradicted:nyt-report': '2026-01-23T15:00:00.000Z',
      'ClaimSupported:nyt-report': '2026-01-23T15:00:00.000Z',
    };
    expect(await placed(`minPosition=${last}`)).toEqual(expected);
    expect(await placed(`atPosition=${last}`)).toEqual(expected);
  });
});

describe('a change of DESK_TIME_ZONE', () => {
  it('rebuilds the read models at start, and the timeline follows the new zone', async () => {
    const first = await startTestApp({ env: { DESK_TIME_ZONE: 'America/New_York' } });
    let last: number;
    try {
      last = await recordTheDay(first);
      expect(await timelineOf(first, `minPosition=${last}`)).toEqual([
        'ClaimRecorded:late-evening',
        'ClaimRecorded:berlin-day',
        ...answersAfterTheReport,
      ]);
    } finally {
      await first.stop();
    }

    const again = await startTestApp({ dir: first.dir, env: { DESK_TIME_ZONE: 'Asia/Tokyo' } });
    try {
      const tokyoOrder = ['ClaimRecorded:berlin-day', 'ClaimRecorded:late-evening', ...answersAfterTheReport];
      await waitUntil(
        'the timeline in Tokyo days',
        () => timelineOf(again, `minPosition=${last}`),
        (order) => JSON.stringify(order) === JSON.stringify(tokyoOrder),
      );
      const projections = await again.request('GET', '/v1/projections', { as: 'admin' });
      expect(projections.body.items).toContainEqual(expect.objectContaining({ name: 'timeline', state: 'live' }));
    } finally {
      await again.close();
    }
  });
});
