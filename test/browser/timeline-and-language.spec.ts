import { Browser, Page } from 'playwright-core';
import { party } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf } from './support/eventually';

const MAY = party('Theresa May', 'person', 'theresa-may');
const FIRST = 'Russia was highly likely responsible for the Salisbury poisoning.';
const SECOND = 'Großbritannien weist binnen einer Woche 23 russische Diplomaten aus.';

/** German words the browser's own locale would put on the page, and what they would have replaced. */
const GERMAN_WORDS = [
  /\bvor \d/,
  /\bjetzt\b/,
  /\bEnglisch\b/,
  /\bDeutsch\b/,
  /\bMEZ\b/,
  /\bMESZ\b/,
  /\d+\. [A-Z][a-z]{2}\./,
];

/**
 * A story of 2018 and 2019 with a desk verdict recorded today, two claims by one claimant and two
 * developments on the same day, read in a browser set to German in Berlin: the page stays English,
 * names its time zone, and keeps the story's years readable on a desktop and on a phone.
 */
describe('the desk in a browser: one language and a timeline people can read', () => {
  let app: TestApp;
  let browser: Browser;
  let storylineId: string;
  const opened: DeskPage[] = [];

  const write = (url: string, body: unknown) => app.request('POST', url, { as: 'editor', body });

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    storylineId = (
      await write('/v1/storylines', { title: 'Salisbury poisoning', summary: 'Who poisoned Sergei Skripal', tags: [] })
    ).body.id;
    const claim = async (statement: string, occurredAt: string, language = 'en') =>
      (
        await write(`/v1/storylines/${storylineId}/claims`, {
          statement,
          language,
          claimant: MAY,
          attribution: 'on_record',
          occurredAt,
          occurredAtPrecision: 'day',
        })
      ).body.id as string;
    const responsible = await claim(FIRST, '2018-03-12T00:00:00Z');
    const expulsions = await claim(SECOND, '2018-03-14T00:00:00Z', 'de');
    const development = (by: ReturnType<typeof party>, occurredAt: string) => ({
      by,
      occurredAt,
      occurredAtPrecision: 'day',
    });
    // Two developments of one claim on one day.
    await write(`/v1/claims/${responsible}/contradictions`, {
      ...development(party('Kremlin', 'organization'), '2018-03-13T00:00:00Z'),
      kind: 'denial',
    });
    await write(`/v1/claims/${responsible}/supports`, {
      ...development(party('OPCW', 'organization'), '2018-03-13T00:00:00Z'),
      kind: 'corroboration',
    });
    await write(`/v1/claims/${responsible}/supports`, {
      ...development(party('Bellingcat', 'organization'), '2019-06-28T00:00:00Z'),
      kind: 'corroboration',
    });
    await write(`/v1/claims/${expulsions}/fact-checks`, {
      by: party('Correctiv', 'organization'),
      rating: { value: 2, worst: 1, best: 5, text: 'Größtenteils falsch' },
      url: 'https://correctiv.example/faktencheck/ausweisungen',
      publishedAt: '2018-04-02T10:00:00Z',
    });
    // The desk's verdict, recorded now: years after the story.
    await write(`/v1/claims/${responsible}/verdict`, {
      verdict: 'confirmed',
      rationale: 'The inquiry found Russia responsible.',
    });
  });
  afterAll(async () => {
    await Promise.all(opened.map((desk) => desk.close()));
    await browser?.close();
    await app?.close();
  });

  async function openInGerman(width: number, address: string): Promise<Page> {
    const desk = await openDeskPage(browser, {
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width, height: 900 },
    });
    opened.push(desk);
    await desk.page.goto(`${app.baseUrl}${address}`);
    await enterApiKey(desk.page, KEYS.reader);
    return desk.page;
  }

  const germanOn = async (page: Page) => {
    const text = await page.locator('body').innerText();
    const labels = await page
      .locator('[aria-label]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    return GERMAN_WORDS.filter((word) => word.test(text) || labels.some((label) => word.test(label))).map(String);
  };

  it('speaks English in a German browser: relative times, language names, dates with the zone named, ratings', async () => {
    const page = await openInGerman(1280, `/desk/storylines/${storylineId}`);
    await page.getByRole('group', { name: /^Timeline chart/ }).waitFor();
    const card = page.locator('article.claim-card').filter({ hasText: 'russische Diplomaten' });
    await card.getByRole('link', { name: 'Claim details' }).click();
    const checks = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Outside fact-checks' }) });
    // The fact-checker's words are kept; their meaning is said in English from the place on the scale.
    await checks.getByText(/rated it “Größtenteils falsch” \(mostly false\), 2 on its scale/).waitFor();
    await page.getByText('Rated mostly false by Correctiv (fact-check).').first().waitFor();
    await page.getByText('German', { exact: true }).waitFor();
    const published = await checks.locator('time').first().innerText();
    expect(published).toMatch(/^2 Apr 2018, 12:00 CEST$/);
    expect(await germanOn(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/desk/review`);
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await page
      .locator('.review-item')
      .first()
      .getByText(/ago|now/)
      .waitFor();
    expect(await germanOn(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/desk`);
    const last = page.locator('.storyline-list > li').first();
    await last.getByText(/(\d+ (seconds?|minutes?) ago|now)\b/).waitFor();
    expect(await germanOn(page)).toEqual([]);
  });

  it('draws the story on its own years, the late verdict apart, rows by claim and same-day marks side by side', async () => {
    const page = await openInGerman(1280, `/desk/storylines/${storylineId}`);
    const chart = page.getByRole('group', { name: /^Timeline chart/ });
    await chart.waitFor();
    await countOf(chart.locator('.marker-verdict'), 1);

    const ticks = await chart.locator('.tick text').allTextContents();
    // The axis spans the story's fifteen months, the year named where it starts and where it turns.
    expect(ticks).toEqual(['Apr 2018', 'Jul', 'Oct', 'Jan 2019', 'Apr', 'Jul']);
    // The verdict of today sits beyond the break, dated, not on the story's axis.
    const apart = chart.locator('.apart');
    expect(await apart.textContent()).toContain('later');
    expect(await apart.textContent()).toContain(String(new Date().getFullYear()));

    const labels = await chart.locator('.row-label').allTextContents();
    expect(labels).toEqual([
      expect.stringContaining('Russia was highly'),
      expect.stringContaining('Großbritannien weist'),
    ]);

    const marks = chart.locator('g.mark');
    const named = await marks.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    expect(named.filter((name) => /^Kremlin contradicts .*happened 13 Mar 2018/.test(name))).toHaveLength(1);
    expect(named.filter((name) => /^OPCW supports .*happened 13 Mar 2018/.test(name))).toHaveLength(1);
    // The two marks of 13 March side by side: their shapes (in the chart's own units) do not overlap.
    const [left, right] = await chart
      .locator('.marker-contradiction, .marker-support')
      .evaluateAll((nodes) =>
        nodes.map((node) => {
          const { x, width } = (node as unknown as { getBBox(): { x: number; width: number } }).getBBox();
          return { x, width };
        }),
      )
      .then((boxes) => boxes.sort((a, b) => a.x - b.x));
    expect(left.x + left.width).toBeLessThan(right.x);
    expect(await germanOn(page)).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'timeline-years-apart');
  });

  it('on a phone, reads as a list that fits the screen', async () => {
    const page = await openInGerman(390, `/desk/storylines/${storylineId}`);
    const list = page.locator('.timeline-list');
    await list.getByRole('list', { name: 'Developments, oldest first' }).waitFor();
    expect(await page.getByRole('group', { name: /^Timeline chart/ }).isVisible()).toBe(false);
    const items = await list.locator('li').allInnerTexts();
    expect(items).toHaveLength(7);
    expect(items[0]).toMatch(/^12 Mar 2018, time not given · claim made/);
    expect(items.at(-1)).toMatch(/desk verdict/);
    await list.getByText('Later, long after the story:').waitFor();
    const overflow = await list.evaluate((node) => node.scrollWidth - node.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pageOverflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(pageOverflow).toBeLessThanOrEqual(0);
    expect(await germanOn(page)).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'timeline-phone');
  });
});
