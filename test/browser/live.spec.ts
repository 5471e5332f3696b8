import { Server } from 'node:http';
import { Browser, Request } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, eventually, textOf } from './support/eventually';

/** SPEC §4's live feed on the desk: developments appear without a reload, and a dropped feed resumes. */
describe('the desk in a browser: live', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;
  const liveRequests: Request[] = [];

  const record = async (url: string, body: unknown) => {
    const response = await app.request('POST', url, { body, as: 'reporter' });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    return response.body.position as number;
  };
  const zelensky = () => desk.page.locator('article.claim-card').filter({ hasText: 'Wolodymyr Selenskyj' });

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await recordSeed(app.baseUrl, KEYS.editor);
    desk = await openDeskPage(browser);
    desk.page.on('request', (request) => {
      if (request.url().includes('/v1/events/live')) liveRequests.push(request);
    });
    await desk.page.goto(`${app.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'US–Ukraine security guarantees' }).waitFor();
    await desk.page.getByRole('status', { name: 'Live updates: Live' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('shows a contradiction recorded through the API without a reload', async () => {
    await textOf(zelensky().locator('.badge').first(), 'Unverified');
    await record(`/v1/claims/${SEED_CLAIMS.documentReady}/contradictions`, {
      by: { name: 'Kremlin spokesman', kind: 'government' },
      kind: 'denial',
      occurredAt: '2026-01-24T12:00:00+01:00',
    });
    // The page has to change by itself; how fast it does is not this test's to say on a busy machine.
    await textOf(zelensky().locator('.badge').first(), 'Disputed');
    await zelensky()
      .getByText(/Kremlin spokesman\s+contradicts \(denial\)/)
      .waitFor();
    expect(desk.page.url()).toBe(`${app.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}`);
    expect(await desk.page.evaluate('performance.getEntriesByType("navigation").length')).toBe(1);
  });

  it('says the page may be behind while the feed is down, then resumes after the last event it saw', async () => {
    const { page, context } = desk;
    const beforeDrop = liveRequests.length;
    const lastSeen = await record(`/v1/claims/${SEED_CLAIMS.donbassCondition}/supports`, {
      by: { name: 'Reuters', kind: 'media' },
      kind: 'corroboration',
      occurredAt: '2026-01-27T11:00:00+01:00',
    });
    await page
      .locator('article.claim-card')
      .getByText(/Reuters\s+supports \(corroboration\)/)
      .waitFor();

    // The server cuts every connection, the live feed's included; offline, the page cannot reconnect yet.
    await context.setOffline(true);
    (app.app.getHttpServer() as Server).closeAllConnections();
    const banner = page.getByRole('alert').filter({ hasText: 'This page may be behind' });
    await banner.waitFor();
    await screenshot(page, 'live-behind');
    // Recorded while the page cannot hear: only a resume from Last-Event-ID brings it.
    await record(`/v1/claims/${SEED_CLAIMS.donbassCondition}/contradictions`, {
      by: { name: 'State Department', kind: 'government' },
      kind: 'denial',
      occurredAt: '2026-01-27T19:00:00+01:00',
    });
    await context.setOffline(false);

    await page
      .locator('article.claim-card')
      .getByText(/State Department\s+contradicts \(denial\)/)
      .waitFor();
    await countOf(banner, 0);
    const resumed = await eventually(
      'a reconnect of the live feed',
      async () => liveRequests.slice(beforeDrop).filter((request) => request.headers()['last-event-id'] !== undefined),
      (requests) => requests.length > 0,
    );
    expect(resumed.map((request) => request.headers()['last-event-id'])).toContain(String(lastSeen));
    for (const request of liveRequests) {
      expect(request.url()).toBe(`${app.baseUrl}/v1/events/live`);
      expect(request.headers().authorization).toBe(`Bearer ${KEYS.reader}`);
    }
  });

  it('asks nothing of any other origin', () => {
    const origin = new URL(app.baseUrl).origin;
    expect(desk.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
