import { Browser, Locator, Page } from 'playwright-core';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { eventually } from './support/eventually';

const ANONYMOUS_STATEMENT = 'The harbour deal was signed a week before it was announced.';
const QUOTED_STATEMENT = 'The port authority says no deal has been signed.';
const QUOTE = 'Es wurde kein Vertrag unterzeichnet.';

/** Recording from the desk: storylines and claims typed into the page, checked through the API. */
describe('the desk in a browser: recording', () => {
  let app: TestApp;
  let browser: Browser;
  const pages: DeskPage[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    for (const desk of pages) await desk.close();
    await browser?.close();
    await app?.close();
  });

  const openDesk = async (key: string, viewport = { width: 1280, height: 900 }) => {
    const desk = await openDeskPage(browser, { viewport });
    pages.push(desk);
    await desk.page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(desk.page, key);
    await desk.page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
    return desk;
  };
  const read = async (url: string) => {
    const response = await app.request('GET', url, { as: 'reader' });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };
  const storylinesTitled = async (title: string) =>
    (
      (await read(`/v1/storylines?q=${encodeURIComponent(title)}`)).items as Array<{ id: string; title: string }>
    ).filter((storyline) => storyline.title === title);
  const focusedText = (page: Page) =>
    page.evaluate('document.activeElement?.textContent?.trim()') as Promise<string | undefined>;
  const focusedId = (page: Page) => page.evaluate('document.activeElement?.id') as Promise<string | undefined>;
  const form = (page: Page, name: string) => page.getByRole('form', { name });
  const party = (form: Locator, name: RegExp) => form.getByRole('group', { name });

  /** Opens a storyline from the list through the form and goes to it; returns its id. */
  const openStorylineFromList = async (page: Page, title: string) => {
    await page.getByRole('button', { name: 'New storyline' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Open storyline' }).click();
    const link = page.getByRole('status').getByRole('link', { name: title });
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    return decodeURIComponent(href.replace('/desk/storylines/', ''));
  };

  it('opens a storyline with the keyboard only: n, Tab through, Enter; focus comes back to the button', async () => {
    const { page } = await openDesk(KEYS.reporter);
    // On a busy machine the page may still be taking its keys when "?" is first pressed: press until it opens.
    const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' }).getByText('New storyline');
    await eventually(
      'the keyboard shortcuts panel',
      async () => {
        if ((await shortcuts.count()) === 0) {
          await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
          await page.keyboard.press('?');
          // "?" toggles the panel: give it time to open before the next press could close it.
          await shortcuts.waitFor({ timeout: 5_000 }).catch(() => undefined);
        }
        return shortcuts.count();
      },
      (count) => count > 0,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

    await page.keyboard.press('n');
    await form(page, 'New storyline').waitFor();
    expect(await focusedId(page)).toBe('new-storyline-title');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.type('Harbour deal');
    await page.keyboard.press('Tab');
    // Typed into a field, "n" is a letter, not a shortcut.
    await page.keyboard.type('When the harbour deal was signed, and who says no');
    await page.keyboard.press('Tab');
    await page.keyboard.type('harbour, contracts');
    await page.keyboard.press('Enter');

    await page.getByRole('status').getByRole('link', { name: 'Harbour deal' }).waitFor();
    await form(page, 'New storyline').waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('New storyline');
    // Read your writes: the list shows it as soon as the form closes.
    await page.locator('.storyline-list > li').filter({ hasText: 'Harbour deal' }).waitFor();
    const [stored] = await storylinesTitled('Harbour deal');
    expect(await read(`/v1/storylines/${stored.id}`)).toMatchObject({
      title: 'Harbour deal',
      summary: 'When the harbour deal was signed, and who says no',
      tags: ['harbour', 'contracts'],
    });
  });

  it('records an anonymous claim with its count and a quoted claim with its source, from the storyline page', async () => {
    const { page } = await openDesk(KEYS.reporter);
    const storylineId = await openStorylineFromList(page, 'Harbour contract');

    await page.getByRole('button', { name: 'Record claim' }).click();
    const claim = form(page, 'Record claim');
    await eventually(
      'focus on the first field',
      () => focusedId(page),
      (id) => id === 'record-claim-statement',
    );
    await claim.getByLabel('Statement').fill(ANONYMOUS_STATEMENT);
    await claim.getByLabel(/^Language/).fill('en');
    await party(claim, /^Claimant/)
      .getByLabel(/^Name/)
      .fill('Officials familiar with the deal');
    await party(claim, /^Claimant/)
      .getByLabel(/^Kind/)
      .selectOption('anonymous');
    await party(claim, /^Reported by/)
      .getByLabel(/^Name/)
      .fill('Harbour Gazette');
    // The piece was written jointly: its co-author goes with the reporter.
    await claim.getByRole('button', { name: 'Add co-author' }).click();
    await party(claim, /^Co-author 1/)
      .getByLabel(/^Name/)
      .fill('Harbour Radio');
    await claim.getByLabel('Attribution').selectOption('anonymous');
    await claim.getByLabel('Anonymous sources').fill('3');
    await claim.getByLabel('Occurred: how much is known').selectOption('day');
    await claim.getByLabel('Occurred', { exact: true }).fill('2026-03-02');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'record-claim');
    await claim.getByRole('button', { name: 'Record claim' }).click();
    await page.getByRole('status').getByText('Claim recorded.').waitFor();
    await page.locator('.claims').getByText(ANONYMOUS_STATEMENT).waitFor();
    expect(await focusedText(page)).toBe('Record claim');

    // The second through the shortcut, with focus still on the button it came back to.
    await page.keyboard.press('c');
    await claim.waitFor();
    await claim.getByLabel('Statement').fill(QUOTED_STATEMENT);
    await party(claim, /^Claimant/)
      .getByLabel(/^Name/)
      .fill('Port authority');
    await party(claim, /^Claimant/)
      .getByLabel(/^Kind/)
      .selectOption('organization');
    await claim.getByLabel('Attribution').selectOption('official_statement');
    await claim.getByLabel('Occurred', { exact: true }).fill('2026-03-03T09:30');
    await claim.locator('#record-claim-kind').selectOption('factual');
    await claim.getByLabel('Source URL').fill('https://harbour.example/statement');
    await claim.getByLabel('Source title').fill('Port authority statement');
    await claim.getByLabel('Published').fill('2026-03-03T10:00');
    await claim.getByLabel(/^Quote \(/).fill(QUOTE);
    await claim.getByLabel('Quote language').fill('de');
    await claim.getByRole('button', { name: 'Record claim' }).click();
    await page.locator('.claims').getByText(QUOTED_STATEMENT).waitFor();

    const claims = (await read(`/v1/claims?storyline=${storylineId}`)).items as Array<Record<string, unknown>>;
    const byStatement = new Map(claims.map((stored) => [stored.statement, stored]));
    expect(claims).toHaveLength(2);
    expect(byStatement.get(ANONYMOUS_STATEMENT)).toMatchObject({
      language: 'en',
      kind: 'factual',
      claimant: { name: 'Officials familiar with the deal', kind: 'anonymous' },
      reportedBy: { name: 'Harbour Gazette', kind: 'media' },
      with: [{ name: 'Harbour Radio', kind: 'media' }],
      attribution: 'anonymous',
      anonymousSourceCount: 3,
      occurredAtPrecision: 'day',
    });
    expect(byStatement.get(ANONYMOUS_STATEMENT)?.occurredAt).toMatch(/^2026-03-02T00:00:00(\.000)?(\+01:00|Z)$/);
    const quoted = byStatement.get(QUOTED_STATEMENT);
    expect(quoted).toMatchObject({
      claimant: { name: 'Port authority', kind: 'organization' },
      attribution: 'official_statement',
      source: {
        url: 'https://harbour.example/statement',
        title: 'Port authority statement',
        quote: QUOTE,
        quoteLanguage: 'de',
      },
    });
    expect(quoted?.occurredAtPrecision).toBeUndefined();
    expect(quoted?.reportedBy).toBeUndefined();
    // Berlin is at +01:00 in March before the change to summer time.
    expect(Date.parse(String(quoted?.occurredAt))).toBe(Date.parse('2026-03-03T09:30:00+01:00'));
  });

  it('records once when the answer to a submit is lost and the editor submits again, or clicks twice', async () => {
    const { page } = await openDesk(KEYS.reporter);
    const keys: string[] = [];
    let lose = true;
    await page.route('**/v1/storylines', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key']);
      // The first request reaches the server; its answer never reaches the page.
      const answer = await route.fetch();
      if (lose) {
        lose = false;
        expect(answer.status()).toBe(201);
        return route.abort('connectionreset');
      }
      return route.fulfill({ response: answer });
    });
    await page.getByRole('button', { name: 'New storyline' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Harbour tender');
    await page.getByRole('button', { name: 'Open storyline' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not recorded' }).waitFor();
    await page.getByRole('button', { name: 'Open storyline' }).dblclick();
    await page.getByRole('status').getByRole('link', { name: 'Harbour tender' }).waitFor();

    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^desk-[0-9a-f]{32}$/);
    expect(await storylinesTitled('Harbour tender')).toHaveLength(1);
  });

  it('shows the API’s field errors next to their fields, keeps what was typed, and records nothing', async () => {
    const { page } = await openDesk(KEYS.reporter);
    const storylineId = await openStorylineFromList(page, 'Harbour fees');
    await page.getByRole('button', { name: 'Record claim' }).click();
    const claim = form(page, 'Record claim');
    await claim.getByLabel('Statement').fill('Fees doubled overnight.');
    await party(claim, /^Claimant/)
      .getByLabel(/^Name/)
      .fill('Shipping union');
    const summary = claim.getByLabel('Summary');
    await summary.fill('S'.repeat(80));
    await claim.getByLabel('Source title').fill('A source without its address');
    await claim.getByRole('button', { name: 'Record claim' }).click();

    const alert = claim.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Not recorded: 2 fields need attention (marked below).');
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    const summaryError = page.locator('#record-claim-summary-error');
    expect(await summaryError.innerText()).toMatch(/summary/);
    expect(await summary.getAttribute('aria-describedby')).toContain('record-claim-summary-error');
    expect(await claim.getByLabel('Source URL').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#record-claim-source-url-error').innerText()).toMatch(/url/);
    expect(await claim.getByLabel('Statement').getAttribute('aria-invalid')).toBeNull();
    expect(await focusedId(page)).toBe('record-claim-summary');
    expect(await summary.inputValue()).toBe('S'.repeat(80));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect((await read(`/v1/claims?storyline=${storylineId}`)).items).toEqual([]);
  });

  it('asks for a reload instead of losing an edit when the storyline changed meanwhile', async () => {
    const { page } = await openDesk(KEYS.reporter);
    const storylineId = await openStorylineFromList(page, 'Harbour dredging');
    await page.getByRole('button', { name: 'Edit storyline' }).click();
    const edit = form(page, 'Edit storyline');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await edit.getByLabel('Summary').fill('Who pays for the dredging');
    const meanwhile = await app.request('PATCH', `/v1/storylines/${storylineId}`, { body: { tags: ['harbour'] } });
    expect(meanwhile.status).toBe(200);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByRole('alert').filter({ hasText: 'someone else changed this' }).waitFor();
    await edit.getByRole('button', { name: 'Reload, keeping what you typed' }).click();
    await page.locator('.storyline-header .tags').getByText('harbour').waitFor();
    expect(await edit.getByLabel('Summary').inputValue()).toBe('Who pays for the dredging');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Storyline saved.').waitFor();
    expect(await focusedText(page)).toBe('Edit storyline');
    expect(await read(`/v1/storylines/${storylineId}`)).toMatchObject({
      summary: 'Who pays for the dredging',
      tags: ['harbour'],
    });
  });

  it('says in words that a reader key may not open storylines', async () => {
    const { page } = await openDesk(KEYS.reader);
    await page.getByRole('button', { name: 'New storyline' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Not for readers');
    await page.getByRole('button', { name: 'Open storyline' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Refused (403 Forbidden)' })
      .getByText(/reporter or editor key/)
      .waitFor();
    expect(await storylinesTitled('Not for readers')).toEqual([]);
  });

  it('records a storyline and a claim at phone width (390 px) without anything running off the screen', async () => {
    const { page } = await openDesk(KEYS.reporter, { width: 390, height: 844 });
    const storylineId = await openStorylineFromList(page, 'Harbour strike');
    await page.getByRole('button', { name: 'Record claim' }).click();
    const claim = form(page, 'Record claim');
    await claim.getByLabel('Statement').fill('Dockers will strike on Monday.');
    await party(claim, /^Claimant/)
      .getByLabel(/^Name/)
      .fill('Dockers’ union');
    await party(claim, /^Claimant/)
      .getByLabel(/^Kind/)
      .selectOption('organization');
    await claim.locator('#record-claim-kind').selectOption('prediction');
    const overflow = () => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'record-claim-phone');
    await claim.getByRole('button', { name: 'Record claim' }).click();
    await page.locator('.claims').getByText('Dockers will strike on Monday.').waitFor();
    const stored = await eventually(
      'the claim through the API',
      async () => (await read(`/v1/claims?storyline=${storylineId}`)).items as Array<Record<string, unknown>>,
      (items) => items.length === 1,
    );
    expect(stored[0]).toMatchObject({ kind: 'prediction', claimant: { name: 'Dockers’ union' } });
  });
});
