import { Browser } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_PARTIES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, textOf } from './support/eventually';

/** The party registry on the desk, over GET /v1/parties, GET /v1/parties/:id(/claims) and the claim view's `parties`. */
describe('the desk in a browser: parties', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await recordSeed(app.baseUrl, KEYS.editor);
    const discredit = await app.request('POST', `/v1/parties/${SEED_PARTIES.axios}/discredit`, {
      body: {
        reason: 'fabricated quotes',
        source: { url: 'https://desk.example/notes/axios-quotes', title: 'Desk note on the quotes' },
      },
      as: 'editor',
    });
    expect(discredit.status).toBe(201);
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk/parties`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'Parties' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  const rows = () => desk.page.locator('.party-list > li');

  it('lists the registered parties with their aliases, finds one by an alias, and filters by kind and discredited', async () => {
    const { page } = desk;
    const zelensky = rows().filter({ hasText: 'Volodymyr Zelensky' });
    await textOf(zelensky, /Also written:.*Wolodymyr Selenskyj/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'parties');

    await page.getByLabel('Name or alias').fill('selenskyj');
    await countOf(rows(), 1);
    expect(await rows().first().innerText()).toContain('Volodymyr Zelensky');
    expect(page.url()).toContain('q=selenskyj');
    await page.getByLabel('Name or alias').fill('');

    await page.getByLabel('Kind').selectOption('government');
    await textOf(rows().first(), /government/);
    const governments = await rows().allInnerTexts();
    expect(governments.some((text) => text.includes('Russian Ministry of Defence'))).toBe(true);
    expect(governments.some((text) => text.includes('Volodymyr Zelensky'))).toBe(false);
    await page.getByLabel('Kind').selectOption('');

    await page.getByLabel('Discredited').selectOption('true');
    await countOf(rows(), 1);
    expect(await rows().first().innerText()).toMatch(/Axios[\s\S]*Discredited:\s+fabricated quotes/);
    await page.getByLabel('Discredited').selectOption('');
  });

  it('lists the names claims mention that no registered party answers to', async () => {
    const todo = desk.page.locator('.unregistered-list > li');
    await textOf(todo.filter({ hasText: 'Autor podpisu' }), /1 mention/);
    expect(await todo.filter({ hasText: 'Volodymyr Zelensky' }).count()).toBe(0);
  });

  it('opens a party: its names, its affiliations with their periods and whether in effect, and its claims', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties/${SEED_PARTIES.dmitriev}`);
    await page.getByRole('heading', { level: 1, name: 'Kirill Dmitriev' }).waitFor();
    await page.getByRole('list', { name: 'Aliases' }).getByText('Kirill Dmitrijew').waitFor();
    const affiliation = page.locator('table.affiliations tr').filter({ hasText: 'spokesperson for' });
    await textOf(affiliation, /Kirill Dmitriev is spokesperson for Vladimir Putin[\s\S]*In effect/);
    const claims = page.locator('.party-claims > li');
    await textOf(claims.filter({ hasText: 'Ein Rückzug aus dem Donbass' }), /claimant/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'party');

    await page.goto(`${app.baseUrl}/desk/parties/${SEED_PARTIES.axios}`);
    const header = page.locator('.party-header');
    await header.getByText(/Discredited:\s+fabricated quotes/).waitFor();
    expect(await header.getByRole('link', { name: 'Desk note on the quotes' }).getAttribute('href')).toBe(
      'https://desk.example/notes/axios-quotes',
    );
  });

  it('names the party a mention resolves to beside the mention, and leads to its page', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/claims/${SEED_CLAIMS.documentReady}`);
    const claimant = page.locator('dt', { hasText: 'Claimant' }).locator('xpath=following-sibling::dd');
    await textOf(claimant, /Wolodymyr Selenskyj\s+→[\s\S]*Volodymyr Zelensky/);
    await claimant.getByRole('link', { name: 'Volodymyr Zelensky' }).click();
    await page.getByRole('heading', { level: 1, name: 'Volodymyr Zelensky' }).waitFor();
    expect(page.url()).toBe(`${app.baseUrl}/desk/parties/${SEED_PARTIES.zelensky}`);
    await page.locator('.party-claims > li').filter({ hasText: 'Das Dokument ist zu 100 Prozent fertig' }).waitFor();
  });
});
