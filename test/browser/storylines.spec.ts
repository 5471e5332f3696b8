import { Browser } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, textOf } from './support/eventually';

/** The seed demo on the desk, with API keys on: the glance, a storyline, a claim, and the past. */
describe('the desk in a browser: storylines', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;
  let seedPosition: number;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    ({ lastPosition: seedPosition } = await recordSeed(app.baseUrl, KEYS.editor));
    desk = await openDeskPage(browser);
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  const storylineRows = () => desk.page.locator('.storyline-list > li');

  it('asks once for the API key, keeps it for the tab and never puts it in an address', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk`);
    await page.getByLabel('API key').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'key-prompt');

    await enterApiKey(page, 'not-a-key-of-this-desk');
    await page.getByRole('alert').filter({ hasText: 'did not accept that key' }).waitFor();

    await enterApiKey(page, KEYS.reader);
    await page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
    expect(await page.evaluate('sessionStorage.getItem("factline.apiKey")')).toBe(KEYS.reader);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
    expect(await page.getByLabel('API key').count()).toBe(0);
    expect(desk.requests.filter((url) => url.includes(KEYS.reader))).toEqual([]);
  });

  it('shows every storyline of the seed at a glance, the most recent change first', async () => {
    const { page } = desk;
    await countOf(storylineRows(), Object.keys(SEED_STORYLINES).length);
    const guarantees = storylineRows().filter({ hasText: 'US–Ukraine security guarantees' });
    await textOf(guarantees.locator('.badge').first(), 'Disputed');
    expect(await guarantees.getByRole('list', { name: /by status/ }).innerText()).toMatch(
      /1\s+disputed[\s\S]*1\s+unverified/,
    );
    await guarantees.getByText(/Last development: US-Regierung contradicted a claim \(denial\)/).waitFor();
    // The guarantees storyline was the first the seed wrote to, so it comes last.
    expect(await storylineRows().last().innerText()).toContain('US–Ukraine security guarantees');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storylines');
  });

  it('filters by status, tag and text, and keeps the filters in the address', async () => {
    const { page } = desk;
    // Europe's defence is disputed only in opinions, which do not head a storyline.
    await page.getByLabel('Status', { exact: true }).selectOption('disputed');
    await countOf(storylineRows(), 1);
    expect(page.url()).toContain('status=disputed');
    expect(await storylineRows().first().innerText()).toContain('US–Ukraine security guarantees');
    await page.getByLabel('Text in title or summary').fill('Donbass');
    await countOf(storylineRows(), 1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Tag', { exact: true }).fill('pl');
    await countOf(storylineRows(), 1);
    expect(await storylineRows().first().innerText()).toContain('Irańskie wojsko');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await countOf(storylineRows(), Object.keys(SEED_STORYLINES).length);
  });

  it('opens a storyline: why it is disputed, its claims in their language, a timeline chart', async () => {
    const { page } = desk;
    await storylineRows().getByRole('link', { name: 'US–Ukraine security guarantees' }).click();
    await page.getByRole('heading', { level: 1, name: 'US–Ukraine security guarantees' }).waitFor();
    expect(page.url()).toBe(`${app.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}`);
    await page.getByRole('heading', { name: 'Why it is disputed' }).waitFor();

    const ft = page.locator('article.claim-card').filter({ hasText: 'Financial Times' });
    await ft.getByText('Anonymous: 8 sources').waitFor();
    // The mention as the reporter wrote it; the registry may name the party it resolves to beside it.
    await ft.getByText(/^US-Regierung.*\s+contradicts \(denial\)/).waitFor();
    await ft.getByText(/^Counts:/).waitFor();
    expect(await ft.locator('.badge').first().innerText()).toContain('Disputed');
    const statement = ft.locator('blockquote.statement');
    expect(await statement.getAttribute('lang')).toBe('de');
    expect(await statement.getAttribute('dir')).toBe('ltr');

    const chart = page.getByRole('group', { name: /^Timeline chart/ });
    await chart.waitFor();
    expect(await chart.locator('.marker-contradiction').count()).toBe(1);
    expect(await chart.locator('.marker-recorded').count()).toBe(2);
    // The seed gives days, not hours: the axis names days only.
    const ticks = await chart.locator('.tick text').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.filter((tick) => /\d{1,2}:\d{2}/.test(tick))).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storyline');
  });

  it('travels back to before the denial: the FT claim was unverified then, and the change since is marked', async () => {
    const { page } = desk;
    const history = await app.request(
      'GET',
      `/v1/claims/${SEED_CLAIMS.donbassCondition}/history?minPosition=${seedPosition}`,
      {
        as: 'reader',
      },
    );
    const [recorded, denial] = history.body.items as Array<{ type: string; metadata: { recordedAt: string } }>;
    expect([recorded.type, denial.type]).toEqual(['ClaimRecorded', 'ClaimContradicted']);
    const beforeDenial = recorded.metadata.recordedAt;
    if (Date.parse(beforeDenial) >= Date.parse(denial.metadata.recordedAt)) {
      throw new Error(
        'the seed recorded the FT claim and its denial in the same millisecond; no moment lies between them',
      );
    }

    const moments = page.getByLabel('Or just before a development was recorded');
    const justBeforeDenial = await moments
      .locator('option', { hasText: 'US-Regierung contradicts' })
      .getAttribute('value');
    await moments.selectOption(justBeforeDenial as string);
    await page.waitForURL(/asOf=/);
    await page
      .locator('.banner-past')
      .getByText(/^As the desk knew it at/)
      .waitFor();
    const asOf = new URL(page.url()).searchParams.get('asOf') as string;
    expect(Date.parse(asOf)).toBeLessThan(Date.parse(denial.metadata.recordedAt));

    // A deep link to the same moment, loaded from scratch.
    await page.goto(
      `${app.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}?asOf=${encodeURIComponent(beforeDenial)}`,
    );
    const ft = page.locator('article.claim-card').filter({ hasText: 'Financial Times' });
    await textOf(ft.locator('.badge').first(), 'Unverified');
    await ft.getByText(/Changed since: now disputed, 1 later development/).waitFor();
    await page.getByText(/Since then the storyline went from developing to disputed/).waitFor();
    expect(await page.getByRole('heading', { name: /^Disputed/ }).count()).toBe(0);
    const chart = page.getByRole('group', { name: /^Timeline chart/ });
    expect(await chart.locator('.marker-contradiction.marker-later').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storyline-as-of');

    await page.getByRole('button', { name: 'Back to now' }).first().click();
    await page.waitForURL((url) => !url.search.includes('asOf'));
    await textOf(ft.locator('.badge').first(), 'Disputed');
  });

  it('opens a claim: the explanation in words, its history with actors, and no ClaimReview without a verdict', async () => {
    const { page } = desk;
    await page
      .locator('article.claim-card')
      .filter({ hasText: 'Financial Times' })
      .getByRole('link', { name: 'Claim details' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Claim by Acht mit den Verhandlungen/ }).waitFor();
    // The denial names the party as the registry has it, not the article's German name for it.
    await page.getByText('Contradicted by US government (denial by the subject).').waitFor();
    await page.getByText(/at least one contradiction counts/).waitFor();
    const rows = page.locator('table.history tbody tr');
    await countOf(rows, 2);
    expect(await rows.nth(1).innerText()).toMatch(/Contradicted[\s\S]*editor-key/);
    expect(await page.getByRole('heading', { name: /ClaimReview/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'claim');
  });

  it('loads nothing from outside the service and breaks no rule of its own CSP', async () => {
    const origin = new URL(app.baseUrl).origin;
    expect(desk.requests.length).toBeGreaterThan(10);
    expect(desk.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(desk.errors.filter((error) => !/401 \(Unauthorized\)/.test(error))).toEqual([]);
  });
});
