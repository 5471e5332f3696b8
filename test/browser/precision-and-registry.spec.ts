import { Browser } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_PARTIES, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { claimBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { textOf } from './support/eventually';

/** An hour and minute as the desk writes them ("09:30"): what a time known only to the day must not show. */
const CLOCK = /\b\d{2}:\d{2}\b/;

/** A fact-check another fact-checker dated without a time, as ClaimReview documents often are. */
const DATED_REVIEW = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example.net/donbass-date-only',
  claimReviewed: 'The guarantees hang on the Donbass',
  datePublished: '2026-01-28',
  author: { '@type': 'Organization', name: 'Correctiv' },
  reviewRating: { '@type': 'Rating', ratingValue: '1', bestRating: '5', worstRating: '1', alternateName: 'Falsch' },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Person', name: 'Jan Kowalski' },
    datePublished: '2026-01-27',
    firstAppearance: { '@type': 'CreativeWork', url: 'https://news.example/donbass', datePublished: '2026-01-27' },
  },
};

/** Times to the precision given, the registry's history on a party page, and the names to register. */
describe('the desk in a browser: precision, a party’s history, names to register', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;
  let importedClaimId: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await recordSeed(app.baseUrl, KEYS.editor);
    const imported = await app.request('POST', `/v1/claimreviews/import?storyline=${SEED_STORYLINES.guarantees}`, {
      body: DATED_REVIEW,
      as: 'editor',
    });
    expect(imported.status).toBe(200);
    importedClaimId = imported.body.items[0].claimId;
    const discredit = await app.request('POST', `/v1/parties/${SEED_PARTIES.axios}/discredit`, {
      body: {
        reason: 'fabricated quotes',
        source: { url: 'https://desk.example/notes/axios-quotes', title: 'Desk note on the quotes' },
      },
      as: 'editor',
    });
    expect(discredit.status).toBe(201);
    const reinstate = await app.request('POST', `/v1/parties/${SEED_PARTIES.axios}/reinstate`, {
      body: { reason: 'the quotes were confirmed by the recording' },
      as: 'editor',
    });
    expect(reinstate.status).toBe(201);
    desk = await openDeskPage(browser, { timezoneId: 'America/New_York' });
    await desk.page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('shows a fact-check published with a date only as that date, west of UTC too, and never an hour', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/claims/${importedClaimId}`);
    const factCheck = page.locator('li.fact-check');
    // Midnight UTC is the evening before in New York: read as an instant it would be 27 Jan, 19:00.
    await textOf(factCheck, /published 28 Jan 2026, time not given/);
    expect(await factCheck.innerText()).not.toMatch(CLOCK);
    const happened = page.locator('table.history tr').filter({ hasText: 'Fact-checked' }).locator('td').nth(3);
    expect(await happened.innerText()).toBe('28 Jan 2026, time not given');
    const occurred = page.locator('dt', { hasText: 'Occurred' }).locator('xpath=following-sibling::dd');
    expect(await occurred.innerText()).toBe('27 Jan 2026, time not given');
    const source = page.locator('p').filter({ hasText: /^Source:/ });
    await textOf(source, /published 27 Jan 2026, time not given/);
    expect(await source.innerText()).not.toMatch(CLOCK);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows a development known to the day as its date on the claim and on the timeline', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/claims/${SEED_CLAIMS.donbassCondition}`);
    const denial = page.locator('li.development').filter({ hasText: 'denial' }).first();
    await textOf(denial, /27 Jan 2026, time not given/);
    expect(await denial.innerText()).not.toMatch(CLOCK);

    await page.goto(`${app.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}`);
    const marks = page.locator('.timeline-chart .mark');
    await textOf(page.locator('.timeline-chart'), /The guarantees hang/);
    const words = await marks.evaluateAll((all) => all.map((mark) => mark.getAttribute('aria-label') ?? ''));
    const happened = words.map((label) => label.split(/recorded/i)[0]);
    expect(happened.filter((label) => CLOCK.test(label))).toEqual([]);
    expect(await page.locator('.timeline-drawing').getAttribute('aria-label')).not.toMatch(CLOCK);
  });

  it('keeps same-day marks of one claim apart on the timeline', async () => {
    const { page } = desk;
    const rows = page.locator('.timeline-drawing g.row');
    const overlapping = await rows.evaluateAll((all) =>
      all.flatMap((row) => {
        const boxes = [...row.querySelectorAll('.mark')].map((mark) => mark.getBoundingClientRect());
        return boxes.flatMap((a, i) =>
          boxes
            .slice(i + 1)
            .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom),
        ).length;
      }),
    );
    expect(overlapping.every((count) => count === 0)).toBe(true);
    const donbassRow = rows.filter({ has: page.locator('.mark[aria-label*="27 Jan 2026"]') }).first();
    expect(await donbassRow.locator('.mark[aria-label*="27 Jan 2026"]').count()).toBeGreaterThan(1);
  });

  it('tells a party’s registry history: discredit and reinstatement with reasons and source', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties/${SEED_PARTIES.axios}`);
    const history = page.locator('.registry-history > li');
    await textOf(history.first(), /Registered as Axios \(media\)/);
    await textOf(history.filter({ hasText: 'Discredited' }), /Discredited: fabricated quotes \(shown in Desk note/);
    expect(
      await history
        .filter({ hasText: 'Discredited' })
        .getByRole('link', { name: 'Desk note on the quotes' })
        .getAttribute('href'),
    ).toBe('https://desk.example/notes/axios-quotes');
    await textOf(history.last(), /Reinstated: the quotes were confirmed by the recording/);
    expect(await page.getByText(/^Discredited:/).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'party-history');
  });

  it('shows the party as the registry stood at ?asOf=, and travels there from its history', async () => {
    const { page } = desk;
    // The newest first, after the prompt: just before the reinstatement, while Axios stood discredited.
    await page.getByLabel('Or just before a registry change was recorded').selectOption({ index: 1 });
    await page.waitForURL(/asOf=/);
    await page.getByText(/As the registry stood at/).waitFor();
    await page
      .locator('.party-header')
      .getByText(/Discredited:\s+fabricated quotes/)
      .waitFor();
    expect(await page.locator('.registry-history > li').allInnerTexts()).toEqual([
      expect.stringMatching(/Registered as Axios/),
      expect.stringMatching(/Discredited: fabricated quotes/),
    ]);
    expect(await page.getByRole('group', { name: 'Registry actions' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back to now' }).first().click();
    await page.waitForURL((url) => !url.search.includes('asOf'));
    await textOf(page.locator('.registry-history > li').last(), /Reinstated/);
  });

  it('lists a party’s claims with the name each mention used', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties/${SEED_PARTIES.zelensky}`);
    const claim = page.locator('.party-claims > li').filter({ hasText: 'Das Dokument ist zu 100 Prozent fertig' });
    await textOf(claim, /claimant, as “Wolodymyr Selenskyj”/);
  });

  it('lists a party’s claims as of ?asOf=: a claim recorded after that moment is not among them', async () => {
    const { page } = desk;
    const asOf = new Date().toISOString();
    const deadline = Date.now() + 30_000;
    while (Date.now() <= Date.parse(asOf) && Date.now() < deadline) await new Promise(setImmediate);
    const later = 'Die Garantien gelten erst nach einem Waffenstillstand.';
    const recorded = await app.request('POST', `/v1/storylines/${SEED_STORYLINES.guarantees}/claims`, {
      body: claimBody({ id: 'zelensky-later-claim', statement: later }),
      as: 'editor',
    });
    expect(recorded.status).toBe(201);
    const claims = page.locator('.party-claims > li');
    await page.goto(`${app.baseUrl}/desk/parties/${SEED_PARTIES.zelensky}`);
    await textOf(claims.filter({ hasText: later }), /claimant/);
    await page.goto(`${app.baseUrl}/desk/parties/${SEED_PARTIES.zelensky}?asOf=${encodeURIComponent(asOf)}`);
    await page.getByText(/As the registry stood at/).waitFor();
    await textOf(claims.filter({ hasText: 'Das Dokument ist zu 100 Prozent fertig' }), /claimant/);
    expect(await claims.allInnerTexts()).not.toContainEqual(expect.stringContaining(later));
    expect(await page.getByText(/not shown as of that moment/).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('offers no anonymous source for registration, and says how many such mentions it left out', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties`);
    const names = page.locator('.unregistered-list > li');
    await textOf(names.filter({ hasText: 'Autor podpisu' }), /1 mention/);
    await textOf(page.locator('.anonymous-mentions'), /^2 mentions of anonymous sources are not listed/);
    const listed = await names.allInnerTexts();
    expect(listed.filter((text) => /anonym|vertraute Personen/.test(text))).toEqual([]);
  });
});
