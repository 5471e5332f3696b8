import { Browser } from 'playwright-core';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { textOf } from './support/eventually';

const STORYLINE = 'ceasefire-talks';
const FACTUAL = 'envoy-arrives-in-riyadh';
const OPINION = 'talks-are-theatre';
const ORIGINAL = 'The envoy will land in Riyadh on Friday.';
const ARABIC_TRANSLATION = 'سيصل المبعوث إلى الرياض يوم الجمعة.';

/** Claim kinds, times known only to the day, and a source's original wording beside its translation. */
describe('the desk in a browser: kinds, time precision and sources', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  const write = async (url: string, body: unknown) => {
    const response = await app.request('POST', url, { body, as: 'reporter' });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await write('/v1/storylines', { id: STORYLINE, title: 'Ceasefire talks in Riyadh', summary: '', tags: [] });
    await write(`/v1/storylines/${STORYLINE}/claims`, {
      id: FACTUAL,
      statement: ARABIC_TRANSLATION,
      language: 'ar',
      claimant: { name: 'Foreign ministry spokesperson', kind: 'government' },
      attribution: 'on_record',
      // The report gives the day, not the hour.
      occurredAt: '2026-01-23T00:00:00+03:00',
      occurredAtPrecision: 'day',
      source: {
        url: 'https://news.example.org/ar/riyadh',
        title: 'Riyadh talks',
        quote: ORIGINAL,
        quoteLanguage: 'en',
        translation: { text: ARABIC_TRANSLATION, language: 'ar' },
        machineGenerated: true,
      },
    });
    await write(`/v1/storylines/${STORYLINE}/claims`, {
      id: OPINION,
      statement: 'These talks are theatre for the cameras.',
      language: 'en',
      kind: 'opinion',
      claimant: { name: 'Opposition leader', kind: 'person' },
      attribution: 'on_record',
      occurredAt: '2026-01-24T09:30:00+03:00',
    });
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk/storylines/${STORYLINE}`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'Ceasefire talks in Riyadh' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('shows an opinion apart from the factual claims, with its badge, and not among the claims that decide the headline', async () => {
    const { page } = desk;
    const apart = page.locator('section.claim-group-other-kinds');
    await textOf(apart.getByRole('heading', { level: 3 }), 'Opinions and predictions (1)');
    const opinion = apart.locator('article.claim-card');
    await textOf(opinion.locator('.badge-kind'), 'Opinion');
    expect(await opinion.innerText()).toContain('These talks are theatre for the cameras.');
    expect(await page.locator('.claim-group:not(.claim-group-other-kinds) article.claim-card').innerText()).toContain(
      'Foreign ministry spokesperson',
    );

    const why = page.locator('section.why');
    await textOf(why.getByRole('heading'), 'Why it is developing');
    expect(await why.locator('ul.deciding li').count()).toBe(1);
    expect(await why.innerText()).not.toContain('theatre');
    await textOf(page.locator('.storyline-header .row-facts'), /2 claims: 1 factual, 1 opinion/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storyline-kinds');
  });

  it('shows a time known only to the day as such, never with an invented hour', async () => {
    const card = desk.page.locator('article.claim-card').filter({ hasText: 'Foreign ministry spokesperson' });
    const occurred = card.locator('dt', { hasText: 'Occurred' }).locator('xpath=following-sibling::dd');
    await textOf(occurred, '23 Jan 2026, time not given');
    expect(await occurred.innerText()).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it('shows the original wording in its language and the translation marked as one, right to left', async () => {
    const { page } = desk;
    await page
      .locator('article.claim-card')
      .filter({ hasText: 'Foreign ministry spokesperson' })
      .getByRole('link', { name: 'Claim details' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Claim by Foreign ministry spokesperson/ }).waitFor();
    const original = page.locator('header .wording-original');
    await textOf(original.locator('blockquote'), ORIGINAL);
    expect(await original.locator('blockquote').getAttribute('lang')).toBe('en');
    expect(await original.locator('figcaption').innerText()).toBe('Original wording (English)');

    const translation = page.locator('header .wording-translation');
    const quote = translation.locator('blockquote');
    expect(await quote.innerText()).toBe(ARABIC_TRANSLATION);
    expect([await quote.getAttribute('lang'), await quote.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(await translation.locator('figcaption').innerText()).toMatch(/^Translation\s+into Arabic, as the source/);
    await page.getByText('The source says a machine (AI) generated it, wholly or in part.').waitFor();

    const occurred = page.locator('dt', { hasText: 'Occurred' }).locator('xpath=following-sibling::dd');
    expect(await occurred.innerText()).toBe('23 Jan 2026, time not given');
    expect(await page.locator('table.history tbody tr').first().innerText()).toContain('23 Jan 2026, time not given');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'claim-translation');
  });
});
