import { Browser } from 'playwright-core';
import { claimBody, developmentBody, party, storylineBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { textOf } from './support/eventually';

/** The time control's two times on a story recorded today about events of February and March 2023. */
describe('the desk in a browser: world time beside knowledge time', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;
  let storylineId: string;
  let beforeUkraineDenial: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const post = async (url: string, body: unknown) => {
      const response = await app.request('POST', url, { body });
      expect(response.status).toBeLessThan(300);
      return response.body;
    };
    storylineId = (await post('/v1/storylines', storylineBody({ title: 'Nord Stream sabotage', tags: [] }))).id;
    const hersh = await post(
      `/v1/storylines/${storylineId}/claims`,
      claimBody({
        statement: 'US Navy divers planted the explosives that destroyed the Nord Stream pipelines.',
        language: 'en',
        claimant: party('Seymour Hersh', 'person', 'seymour-hersh'),
        occurredAt: '2023-02-08T00:00:00-05:00',
        occurredAtPrecision: 'day',
      }),
    );
    await post(
      `/v1/claims/${hersh.id}/contradictions`,
      developmentBody(party('White House', 'government', 'white-house'), {
        kind: 'denial',
        occurredAt: '2023-02-08T00:00:00-05:00',
        occurredAtPrecision: 'day',
      }),
    );
    const group = await post(
      `/v1/storylines/${storylineId}/claims`,
      claimBody({
        statement: 'A pro-Ukrainian group carried out the attack on the Nord Stream pipelines.',
        language: 'en',
        claimant: party('US officials', 'anonymous', 'us-officials'),
        reportedBy: party('The New York Times', 'media', 'new-york-times'),
        attribution: 'anonymous',
        occurredAt: '2023-03-07T00:00:00-05:00',
        occurredAtPrecision: 'day',
      }),
    );
    const history = await app.request('GET', `/v1/claims/${group.id}/history`, { as: 'reader' });
    beforeUkraineDenial = history.body.items.at(-1).metadata.recordedAt;
    // recordedAt is the server's clock in milliseconds: keep the denial out of the recording's millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await post(
      `/v1/claims/${group.id}/contradictions`,
      developmentBody(party('Ukrainian government', 'government', 'ukrainian-government'), {
        kind: 'denial',
        occurredAt: '2023-03-08T00:00:00+02:00',
        occurredAtPrecision: 'day',
      }),
    );
    desk = await openDeskPage(browser, { timezoneId: 'Europe/Berlin' });
    await desk.page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  const card = (claimant: string) => desk.page.locator('article.claim-card').filter({ hasText: claimant });

  it('shows the world as it stood on a day typed in, and says that it does', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/storylines/${storylineId}`);
    const control = page.locator('section.time-control');
    await textOf(control.locator('.time-shown'), /Shown: Now: everything the desk has recorded/);
    await textOf(card('US officials').locator('.badge').first(), 'Disputed');

    await page.getByLabel('As things stood in the world at').fill('2023-03-06T12:00:00');
    await control.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asOccurred=/);
    expect(new URL(page.url()).searchParams.get('asOccurred')).toBe('2023-03-06T11:00:00.000Z');
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    await page
      .locator('.banner-past')
      .getByText(/^As things stood in the world at 6 Mar 2023/)
      .waitFor();
    await textOf(control.locator('.time-shown'), /as the desk knows it now/);
    await textOf(card('Seymour Hersh').locator('.badge').first(), 'Disputed');
    // The claim made on 7 March is listed apart, as made after the moment shown.
    const later = page.locator('section[aria-labelledby="group-added"]');
    await textOf(later.locator('h3'), /Made or recorded after the moment shown \(1\)/);
    await textOf(later.locator('article.claim-card'), /US officials/);
    expect(await page.locator('section.claim-group').filter({ hasText: 'Disputed (' }).locator('article').count()).toBe(
      1,
    );
    expect(await page.getByRole('group', { name: 'Record on this storyline' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storyline-as-occurred');
  });

  it('travels to just after a development happened, and back to now', async () => {
    const { page } = desk;
    const moments = page.getByLabel('Or the world just after a development happened');
    const afterClaim = await moments.locator('option', { hasText: 'US officials claims' }).getAttribute('value');
    await moments.selectOption(afterClaim as string);
    await page.waitForURL((url) => url.searchParams.get('asOccurred') === afterClaim);
    await textOf(card('US officials').locator('.badge').first(), /Unverified|Corroborated/);

    await page.getByRole('button', { name: 'Back to now' }).first().click();
    await page.waitForURL((url) => !url.search.includes('asOccurred'));
    await textOf(card('US officials').locator('.badge').first(), 'Disputed');
  });

  it('shows what the desk knew at one time about the world at another, from a deep link', async () => {
    const { page } = desk;
    const query = `asOf=${encodeURIComponent(beforeUkraineDenial)}&asOccurred=${encodeURIComponent('2023-03-09T00:00:00Z')}`;
    await page.goto(`${app.baseUrl}/desk/storylines/${storylineId}?${query}`);
    await page
      .locator('.banner-past')
      .getByText(/^What the desk knew at .* about the world at 9 Mar 2023/)
      .waitFor();
    await textOf(card('US officials').locator('.badge').first(), /Unverified|Corroborated/);
    expect(await page.getByLabel('As the desk knew it at').inputValue()).not.toBe('');
    expect(await page.getByLabel('As things stood in the world at').inputValue()).toMatch(/^2023-03-09T01:00(:00)?$/);
    // A claim's link keeps both times.
    const link = await card('US officials').getByRole('link', { name: 'Claim details' }).getAttribute('href');
    expect(link).toContain('asOccurred=');
    expect(link).toContain('asOf=');
  });
});
