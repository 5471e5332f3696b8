import { Browser, Locator, Page } from 'playwright-core';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, eventually, textOf } from './support/eventually';

const ARTICLE_URL = 'https://nordstadt-kurier.example/2026/03/hafen';
const MAYOR_QUOTE = 'Der neue Hafen wird im Frühjahr eröffnet.';
const DENIAL_QUOTE = 'Es wurde kein Vertrag unterzeichnet';
const GREEN_QUOTE = 'Das Projekt ist viel zu teuer.';
/** A direct quotation, a report citing anonymous sources, a denial of that report, and a quotation to drop. */
const ARTICLE = [
  `Nordstadt – Bürgermeister Klaus Berger sagte am Montag: „${MAYOR_QUOTE}“`,
  'Die Hafenzeitung berichtete unter Berufung auf drei Personen, die mit den Verhandlungen vertraut sind, der Vertrag mit der Reederei sei bereits unterzeichnet worden.',
  `„${DENIAL_QUOTE}“, dementierte die Hafenbehörde am Dienstag.`,
  `„${GREEN_QUOTE}“, sagte die Grünen-Abgeordnete Anna Weber.`,
].join('\n\n');

interface StoredDevelopment {
  by: { name: string };
  kind?: string;
  source?: { url: string; quote?: string };
}

interface StoredClaim {
  id: string;
  statement: string;
  claimant: { id: string; name: string };
  reportedBy?: { name: string };
  attribution: string;
  anonymousSourceCount?: number;
  source?: { url: string; quote?: string; title?: string };
  contradictions: StoredDevelopment[];
}

/** The capture page against the real extractor: an article pasted, its proposals shaped and recorded, read back through the API. */
describe('the desk in a browser: capture from an article', () => {
  let app: TestApp;
  let browser: Browser;
  let storylineId: string;
  /** Empty, so that at phone width every proposal is an open row with its fields. */
  let emptyStorylineId: string;
  let mayorId: string;
  const pages: DeskPage[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const storyline = await app.request('POST', '/v1/storylines', {
      body: { title: 'Der neue Hafen', summary: 'Wann der Hafen eröffnet, und ob der Vertrag steht', tags: ['hafen'] },
    });
    expect(storyline.status).toBe(201);
    storylineId = storyline.body.id as string;
    const empty = await app.request('POST', '/v1/storylines', {
      body: { title: 'Hafen am Telefon', summary: 'Dieselbe Meldung, noch nicht erfasst', tags: ['hafen'] },
    });
    expect(empty.status).toBe(201);
    emptyStorylineId = empty.body.id as string;
    // Registered under a name the article does not use: the editor picks it for the speaker.
    const mayor = await app.request('POST', '/v1/parties', {
      as: 'editor',
      body: { name: 'Klaus-Dieter Berger', kind: 'person' },
    });
    expect(mayor.status).toBe(201);
    mayorId = mayor.body.id as string;
  });
  afterAll(async () => {
    for (const desk of pages) await desk.close();
    await browser?.close();
    await app?.close();
  });

  const openCapture = async (viewport = { width: 1280, height: 900 }, storyline = storylineId) => {
    const desk = await openDeskPage(browser, { viewport });
    pages.push(desk);
    await desk.page.goto(`${app.baseUrl}/desk/storylines/${storyline}`);
    await enterApiKey(desk.page, KEYS.reporter);
    await desk.page.getByRole('link', { name: 'Capture from article' }).click();
    await desk.page.getByRole('heading', { level: 1, name: 'Capture from article' }).waitFor();
    return desk;
  };
  const propose = async (page: Page, storyline = storylineId, text = ARTICLE) => {
    await eventually(
      'the storyline chosen',
      () => page.getByLabel('Storyline').inputValue(),
      (value) => value === storyline,
    );
    await page.getByLabel(/^Text/).fill(text);
    await page.getByLabel('Article URL').fill(ARTICLE_URL);
    await page.getByLabel(/^Article title/).fill('Streit um den Hafenvertrag');
    await page.getByLabel(/^Published/).fill('2026-03-02T18:00');
    await page.getByRole('button', { name: 'Propose claims' }).click();
    await page.getByRole('heading', { level: 2, name: /proposals?$/ }).waitFor();
  };
  const rows = (page: Page) => page.locator('.proposal-list > li');
  const row = (page: Page, text: string) => rows(page).filter({ hasText: text });
  const claims = async () =>
    (await app.request('GET', `/v1/claims?storyline=${storylineId}`, { as: 'reader' })).body.items as StoredClaim[];
  const focusedId = (page: Page) => page.evaluate('document.activeElement?.id') as Promise<string | undefined>;
  const claimantName = (proposal: Locator) => proposal.getByRole('group', { name: /^Claimant/ }).getByLabel(/^Name/);
  const recorded = (page: Page) => page.getByRole('status').filter({ hasText: /recorded/i });

  it('proposes the article’s claims, marked by type; one claimant picked from the registry, one dropped, the rest recorded', async () => {
    const { page } = await openCapture();
    await propose(page);
    expect(await focusedId(page)).toBe('capture-proposals-heading');

    // Each proposal is marked in the text, its type named in its marker, not only coloured.
    const article = page.locator('.capture-article');
    const marks = await article.locator('mark').allInnerTexts();
    for (const words of [MAYOR_QUOTE, DENIAL_QUOTE, GREEN_QUOTE, 'Vertrag mit der Reederei']) {
      expect(marks.some((mark) => mark.includes(words))).toBe(true);
    }
    const markers = await article.locator('.proposal-tag').allInnerTexts();
    expect(markers).toHaveLength(4);
    for (const marker of markers) expect(marker).toMatch(/^\d · (direct|indirect|reported)/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'capture');

    const mayor = row(page, MAYOR_QUOTE);
    const report = row(page, 'Vertrag mit der Reederei');
    const denial = rows(page).filter({ hasText: /Contradiction by/ });
    await textOf(denial, DENIAL_QUOTE);
    await textOf(report.locator('.proposal-facts'), /Reported by: Hafenzeitung .*Anonymous sources: 3\./);
    await report.getByRole('button', { name: /^Edit proposal/ }).click();
    expect(await report.getByLabel('Attribution').inputValue()).toBe('anonymous');
    expect(await report.getByLabel('Anonymous sources').inputValue()).toBe('3');

    // The marker in the text leads to its proposal's row, from the keyboard too.
    await article.locator('.proposal-tag').first().focus();
    await page.keyboard.press('Enter');
    const mayorRowId = await mayor.getAttribute('id');
    await eventually('focus on the proposal the marker leads to', () => focusedId(page), (id) => id === mayorRowId);

    // The speaker, through the party picker, with the keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toMatch(/^Edit proposal/);
    await page.keyboard.press('Enter');
    const name = claimantName(mayor);
    await name.fill('Klaus-Dieter');
    await mayor.getByRole('option', { name: /Klaus-Dieter Berger/ }).waitFor();
    await name.press('ArrowDown');
    await name.press('Enter');
    await textOf(mayor.locator('.picker-status'), 'Registered party: Klaus-Dieter Berger');
    await textOf(mayor.locator('.proposal-facts'), 'Claimant: Klaus-Dieter Berger (person, registered).');

    await row(page, GREEN_QUOTE)
      .getByRole('button', { name: /^Drop proposal/ })
      .click();
    await countOf(row(page, GREEN_QUOTE), 0);
    // Focus moves to the list's heading once the dropped row has left it.
    await eventually(
      'focus on the proposals heading',
      () => focusedId(page),
      (id) => id === 'capture-proposals-heading',
    );
    await countOf(article.locator('mark', { hasText: GREEN_QUOTE }), 0);

    await page.getByRole('button', { name: 'Record selected (3)' }).click();
    await textOf(recorded(page), 'Recorded 2 claims and 1 development.');
    // Nothing is left to record, so focus moves from the button to what became of the proposals.
    await eventually(
      'focus on the summary',
      () => page.evaluate('document.activeElement?.getAttribute("role")'),
      (role) => role === 'status',
    );
    for (const done of [mayor, report, denial]) await textOf(done, '✓ Recorded');
    await countOf(article.locator('.proposal-tag.outcome-recorded'), 3);
    await screenshot(page, 'capture-recorded');

    const stored = await claims();
    expect(stored).toHaveLength(2);
    const mayorClaim = stored.find((claim) => claim.source?.quote?.includes(MAYOR_QUOTE));
    expect(mayorClaim).toMatchObject({
      statement: MAYOR_QUOTE,
      claimant: { id: mayorId },
      attribution: 'on_record',
      source: { url: ARTICLE_URL, title: 'Streit um den Hafenvertrag' },
    });
    expect(ARTICLE).toContain(mayorClaim?.source?.quote);
    const reportClaim = stored.find((claim) => claim !== mayorClaim);
    expect(reportClaim).toMatchObject({
      attribution: 'anonymous',
      anonymousSourceCount: 3,
      reportedBy: { name: 'Hafenzeitung' },
      source: { url: ARTICLE_URL },
    });
    expect(reportClaim?.source?.quote).toContain('der Vertrag mit der Reederei sei bereits unterzeichnet worden');
    expect(ARTICLE).toContain(reportClaim?.source?.quote);
    expect(reportClaim?.contradictions).toEqual([
      expect.objectContaining({ kind: 'denial', source: expect.objectContaining({ url: ARTICLE_URL }) }),
    ]);
    expect(reportClaim?.contradictions[0].source?.quote).toContain(DENIAL_QUOTE);
    expect(reportClaim?.contradictions[0].by.name).toContain('Hafenbehörde');
  });

  it('shows what the storyline already holds as recorded, and records it no second time', async () => {
    const { page } = await openCapture();
    await propose(page);
    await countOf(page.locator('.proposal.outcome-existing'), 3);
    for (const words of [MAYOR_QUOTE, DENIAL_QUOTE, 'Vertrag mit der Reederei']) {
      await textOf(row(page, words), 'Already recorded in this storyline');
    }
    // Only the quotation dropped the first time is left to record.
    await page.getByRole('button', { name: 'Record selected (1)' }).click();
    await textOf(recorded(page), 'Recorded 1 claim.');

    const stored = await claims();
    expect(stored).toHaveLength(3);
    expect(stored.filter((claim) => claim.source?.quote?.includes(MAYOR_QUOTE))).toHaveLength(1);
    expect(stored.flatMap((claim) => claim.contradictions)).toHaveLength(1);
  });

  it('says so when the language of the text cannot be told, and reads it in the language then chosen', async () => {
    const { page } = await openCapture(undefined, emptyStorylineId);
    const russian = 'Мэр Клаус Бергер сказал в понедельник: «Новый порт откроется весной следующего года».';
    await propose(page, emptyStorylineId, russian);
    await textOf(page.getByRole('status').filter({ hasText: 'could not be told' }), 'Nothing was proposed.');
    await textOf(page.getByRole('heading', { level: 2, name: /proposals$/ }), '0 proposals');
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: 'Propose claims' }).click();
    await countOf(page.locator('.proposal.outcome-proposed'), 1);
    expect(await page.getByText('could not be told').count()).toBe(0);
  });

  it('fits a phone’s width and is clean for axe there', async () => {
    const { page } = await openCapture({ width: 390, height: 844 }, emptyStorylineId);
    await propose(page, emptyStorylineId);
    await countOf(page.locator('.proposal.outcome-proposed'), 4);
    for (const edit of await page.getByRole('button', { name: /^Edit proposal/ }).all()) await edit.click();
    await countOf(page.locator('.proposal-fields'), 4);
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    expect(overflow).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'capture-phone');
  });
});
