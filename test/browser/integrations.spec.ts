import { Browser } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, textOf } from './support/eventually';

const FACT_CHECK_URL = 'https://factcheck.example.net/2026/01/document-ready';
const REVIEW_URL = 'https://faktencheck.example.org/2026/01/donbass-bedingung';

/** The integrations on the desk: fact-checks in, verdicts published, and what changed since I last looked. */
describe('the desk in a browser: fact-checks, publishing and what changed', () => {
  let app: TestApp;
  let browser: Browser;
  let position: number;
  const pages: DeskPage[] = [];

  const write = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'editor') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    position = Math.max(position, response.body.position);
    return response.body;
  };
  const open = async (path: string, key: string = KEYS.editor) => {
    const desk = await openDeskPage(browser);
    pages.push(desk);
    await desk.page.goto(`${app.baseUrl}${path}`);
    await enterApiKey(desk.page, key);
    return desk;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    ({ lastPosition: position } = await recordSeed(app.baseUrl, KEYS.editor));
  });
  afterAll(async () => {
    for (const desk of pages) await desk.close();
    await browser?.close();
    await app?.close();
  });

  it('shows an outside fact-check recorded through the API with its rating, its effect and its review, apart from the desk’s verdict', async () => {
    await write(`/v1/claims/${SEED_CLAIMS.documentReady}/fact-checks`, {
      by: { name: 'Correctiv', kind: 'media' },
      rating: { value: 1, best: 5, worst: 1, text: 'Falsch' },
      url: FACT_CHECK_URL,
      publishedAt: '2026-01-26T10:00:00+01:00',
    });
    const { page } = await open(`/desk/storylines/${SEED_STORYLINES.guarantees}`);
    const card = page.locator('article.claim-card').filter({ hasText: 'Das Dokument ist zu 100 Prozent fertig' });
    await textOf(card.locator('.badge').first(), 'Disputed');
    const check = card.locator('.fact-checks');
    await textOf(check, /Correctiv\s+rated it “Falsch” \(false\), 1 on its scale from 1 \(false\) to 5 \(true\)/);
    expect(await check.innerText()).toMatch(/Counts as a contradiction: Correctiv rated it "Falsch"/);
    expect(await check.innerText()).toContain('evidence, not the desk’s verdict');
    expect(await check.getByRole('link', { name: /Correctiv’s review/ }).getAttribute('href')).toBe(FACT_CHECK_URL);
    expect(await card.locator('.verdict').count()).toBe(0);

    const chart = page.getByRole('group', { name: /^Timeline chart/ });
    await countOf(chart.locator('.marker-fact-check'), 1);
    await page.getByRole('list', { name: 'Legend' }).getByText('outside fact-check').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storyline-fact-check');

    await card.getByRole('link', { name: 'Claim details' }).click();
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Outside fact-checks' }) });
    await textOf(section, /Counts as a contradiction/);
    await page
      .getByText(/rated false by Correctiv/i)
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Verdicts' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('issues a verdict from the review queue with a review URL, rating text and reviewer; the claim page shows it published', async () => {
    const desk = await open('/desk/review');
    const { page } = desk;
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const ft = page.locator('.review-item').filter({ hasText: 'Financial Times' });
    await ft.getByRole('button', { name: 'Verdict', exact: true }).click();
    await ft.getByLabel('Verdict', { exact: true }).selectOption('refuted');
    await ft.getByLabel('Rationale').fill('Washington denied it on the record; no second source.');
    await ft.getByLabel('Review URL').fill(REVIEW_URL);
    await ft.getByLabel('Rating text').fill('Falsch');
    await ft.getByLabel('Reviewer').fill('Anna Nowak');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-verdict-publishing');
    await ft.getByRole('button', { name: 'Issue verdict' }).click();
    await page.getByRole('status').filter({ hasText: 'Verdict “Refuted” recorded' }).waitFor();

    await page.goto(`${app.baseUrl}/desk/claims/${SEED_CLAIMS.donbassCondition}`);
    await page.getByText(/Published as ClaimReview\s+for the fact-check at/).waitFor();
    await page.getByText(/Desk verdict: refuted\s+\(“Falsch”\).*by Anna Nowak/).waitFor();
    const jsonLd = JSON.parse(await page.getByLabel('ClaimReview JSON-LD').innerText());
    expect(jsonLd).toMatchObject({
      '@type': 'ClaimReview',
      url: REVIEW_URL,
      reviewRating: { alternateName: 'Falsch' },
      author: expect.arrayContaining([{ '@type': 'Person', name: 'Anna Nowak' }]),
    });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'claim-published');
  });

  it('says plainly when a claim is ruled but not published as ClaimReview', async () => {
    await write(`/v1/claims/${SEED_CLAIMS.documentReady}/verdict`, {
      verdict: 'unproven',
      rationale: 'No document was shown to anyone.',
    });
    const { page } = await open(`/desk/claims/${SEED_CLAIMS.documentReady}`);
    const notice = page.getByText(/Ruled, but not published as ClaimReview\./);
    await notice.waitFor();
    expect(await page.locator('.publication-no').innerText()).toMatch(/reviewUrl/);
    expect(await page.getByLabel('ClaimReview JSON-LD').count()).toBe(0);
    // The desk's own verdict and the outside fact-check stay apart.
    const verdict = page.locator('.verdict');
    expect(await verdict.innerText()).toMatch(/^\s*Desk verdict: unproven/);
    expect(await verdict.innerText()).not.toContain('Correctiv');
    const factChecks = page.locator('.fact-checks');
    expect(await factChecks.innerText()).toContain('Correctiv');
    expect(await factChecks.innerText()).not.toContain('Desk verdict');
  });

  it('shows what changed since the position last marked seen: a denial turns a claim and its storyline disputed', async () => {
    const desk = await open('/desk', KEYS.reader);
    const { page } = desk;
    const panel = page.locator('section.changes-panel');
    await panel.getByText(/In the last 24 hours:/).waitFor();
    await panel.getByRole('button', { name: 'Mark everything seen' }).click();
    await panel.getByText('nothing has changed.').waitFor();

    await write(
      `/v1/claims/${SEED_CLAIMS.localitiesCaptured}/contradictions`,
      {
        by: { name: 'Ukrainian General Staff', kind: 'government' },
        kind: 'denial',
        occurredAt: '2026-01-28T09:00:00+01:00',
      },
      'reporter',
    );
    // The panel follows the live feed.
    await panel.getByRole('button', { name: 'Show what changed' }).click();
    const storylines = panel.locator('.changes-storylines li');
    await textOf(storylines, /Russian offensive and peace talks:\s+Developing\s+→\s*now\s+Disputed/);
    const claims = panel.locator('.changes-claims li');
    await textOf(claims, /Unverified\s+→\s*now\s+Disputed\s+Russland hat im Januar 17 Ortschaften/);
    expect(await claims.innerText()).toMatch(
      /Moved by: Ukrainian General Staff contradicted a claim \(denial\), recorded/,
    );
    expect(await panel.innerText()).toMatch(/New developments: 1 contradiction \(1\)/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'changes-since');

    await panel.getByRole('button', { name: 'Mark everything seen' }).click();
    await panel.getByText('nothing has changed.').waitFor();
    await page.reload();
    await panel.getByText(/Since you marked everything seen/).waitFor();
    await panel.getByText('nothing has changed.').waitFor();

    const stored = (await page.evaluate('JSON.stringify(Object.entries(localStorage))')) as string;
    const entries = JSON.parse(stored) as Array<[string, string]>;
    expect(entries.map(([name]) => name)).toEqual([expect.stringMatching(/^factline\.changesSeen\.key-[0-9a-f]+$/)]);
    const now = await app.request('GET', `/v1/changes?since=0&limit=1&minPosition=${position}`, { as: 'reader' });
    expect(JSON.parse(entries[0][1]).position).toBe(now.body.next);
    expect(stored).not.toContain(KEYS.reader);
    expect(desk.requests.filter((url) => url.includes(KEYS.reader))).toEqual([]);
  });

  it('on a server without the party registry’s read side, says so on the party pages', async () => {
    const desk = await openDeskPage(browser);
    pages.push(desk);
    // What a server from before the registry's read side answers.
    await desk.page.route(/\/v1\/parties(\/|\?|$)/, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/not-found', title: 'Not found', status: 404, detail: 'nothing here' }),
      }),
    );
    await desk.page.goto(`${app.baseUrl}/desk/parties`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByText('The party registry is not available on this server (the API answered 404).').waitFor();
    expect(await seriousAccessibilityViolations(desk.page)).toEqual([]);
    await desk.page.goto(`${app.baseUrl}/desk/parties/volodymyr-zelensky`);
    await desk.page.getByText('The party registry is not available on this server (the API answered 404).').waitFor();
    expect(await seriousAccessibilityViolations(desk.page)).toEqual([]);
  });

  it('asks nothing of any other origin', () => {
    const origin = new URL(app.baseUrl).origin;
    const requests = pages.flatMap((desk) => desk.requests);
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
