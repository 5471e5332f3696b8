import { Browser, Locator, Page } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_PARTIES, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { waitUntil } from '../support/deadlines';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, textOf } from './support/eventually';

const hasFocus = (locator: Locator) => locator.evaluate((element) => element.ownerDocument.activeElement === element);

interface Party {
  name: string;
  kind: string;
  aliases: string[];
  affiliations: Array<{ partyId: string; relation: string; from?: string }>;
}

/** The registry's forms and the party picker, from the page only; every step checked through the API. */
describe('the desk in a browser: recording the party registry', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  const party = async (id: string) => app.request('GET', `/v1/parties/${id}`, { as: 'reader' });
  const registered = async (id: string) => {
    await waitUntil(
      `party ${id} registered`,
      () => party(id),
      (response) => response.status === 200,
    );
    return (await party(id)).body as Party;
  };

  async function openDesk(page: Page, path: string): Promise<void> {
    await page.goto(`${app.baseUrl}${path}`);
    await enterApiKey(page, KEYS.editor);
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await recordSeed(app.baseUrl, KEYS.editor);
    desk = await openDeskPage(browser);
    await openDesk(desk.page, '/desk/parties');
    await desk.page.getByRole('heading', { level: 1, name: 'Parties' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  const picker = (page: Page, label: string) => page.getByRole('combobox', { name: label });

  it('registers a party from the list with its aliases, and then an affiliation from its page, keyboard only', async () => {
    const { page } = desk;
    await page.getByRole('heading', { level: 1, name: 'Parties' }).click();
    await page.keyboard.press('r');
    const form = page.getByRole('region', { name: 'Register party' });
    await form.getByLabel('Name').waitFor();
    expect(await hasFocus(form.getByLabel('Name'))).toBe(true);
    await page.keyboard.type('Nadia Kowalczyk');
    await form.getByLabel('Kind').selectOption('person');
    await form.getByLabel(/Aliases/).fill('Nadia Kovalchuk\nНадія Ковальчук');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Register party' }).press('Enter');
    await textOf(page.getByRole('status').filter({ hasText: 'Recorded' }), 'Nadia Kowalczyk');
    const nadia = await registered('nadia-kowalczyk');
    expect(nadia).toMatchObject({ name: 'Nadia Kowalczyk', kind: 'person' });
    expect(nadia.aliases).toEqual(['Nadia Kovalchuk', 'Надія Ковальчук']);
    // The shortcut opened the form from the page's main region (clicked above): focus goes back there.
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');

    await page.goto(`${app.baseUrl}/desk/parties/nadia-kowalczyk`);
    await page.getByRole('heading', { level: 1, name: 'Nadia Kowalczyk' }).waitFor();
    await page.getByRole('button', { name: 'Add affiliation' }).focus();
    await page.keyboard.press('Enter');
    const combobox = picker(page, 'Party');
    await combobox.waitFor();
    expect(await hasFocus(combobox)).toBe(true);
    // Typed without the diacritics of the alias "Wołodymyr Zełenski".
    await page.keyboard.type('wolodymyr zelenski');
    const option = page.getByRole('option', { name: /Volodymyr Zelensky/ });
    await option.waitFor();
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await textOf(page.locator('.picker-status'), 'Registered party: Volodymyr Zelensky');
    expect(await combobox.inputValue()).toBe('Volodymyr Zelensky');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the link to the picked party, onto Relation
    await page.keyboard.type('spokesperson'); // a select picks its option by typing
    await page.keyboard.press('Tab');
    await page.keyboard.type('03032026'); // From, a date field: day and month alike, whichever order it shows
    await page.keyboard.press('Enter');
    const table = page.locator('table.affiliations tr').filter({ hasText: 'spokesperson for' });
    await textOf(table, /Nadia Kowalczyk is spokesperson for Volodymyr Zelensky[\s\S]*In effect/);
    expect((await registered('nadia-kowalczyk')).affiliations).toEqual([
      expect.objectContaining({
        partyId: SEED_PARTIES.zelensky,
        relation: 'spokesperson_for',
        from: expect.stringMatching(/^2026-03-03T00:00:00/),
      }),
    ]);
    expect(await hasFocus(page.getByRole('button', { name: 'Add affiliation' }))).toBe(true);
  });

  it('suggests a party by an alias in Cyrillic, with its kind and an affiliation, and Escape closes only the list', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties/nadia-kowalczyk`);
    await page.getByRole('button', { name: 'Merge into' }).click();
    const combobox = picker(page, 'Merge into');
    await combobox.fill('Путин');
    const option = page.getByRole('option', { name: /Vladimir Putin/ });
    await textOf(option, /\(person\)[\s\S]*member of Russian government/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'party-picker');
    await page.keyboard.press('Escape');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('region', { name: /Merge Nadia Kowalczyk/ }).waitFor();
    await page.keyboard.press('Escape');
    await countOf(page.getByRole('region', { name: /Merge Nadia Kowalczyk/ }), 0);
    expect(await hasFocus(page.getByRole('button', { name: 'Merge into' }))).toBe(true);
  });

  it('asks "did you mean …?" in the picker for a name a slip away, and picks the party on the answer', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Add affiliation' }).click();
    const combobox = picker(page, 'Party');
    await combobox.fill('Kiril Dmitriev');
    const status = page.locator('.picker-status');
    await textOf(status, /No registered party answers to “Kiril Dmitriev”[\s\S]*Did you mean Kirill Dmitriev/);
    await status.getByRole('button', { name: 'Kirill Dmitriev' }).click();
    await textOf(status, 'Registered party: Kirill Dmitriev');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('in a claim form, picks a party by an alias with its kind, and says when a name will stay an unregistered mention', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}`);
    await page.getByRole('button', { name: 'Record claim' }).first().click();
    const claimant = page.getByRole('group', { name: 'Claimant' });
    const name = claimant.getByRole('combobox', { name: 'Name' });
    await name.fill('Selenskyj');
    await page.getByRole('option', { name: /Volodymyr Zelensky/ }).click();
    expect(await name.inputValue()).toBe('Volodymyr Zelensky');
    expect(await claimant.getByLabel('Kind').inputValue()).toBe('person');

    await name.fill('Kiril Dmitriev');
    await textOf(
      claimant.locator('.picker-status'),
      /No registered party answers to “Kiril Dmitriev”: it will stay an unregistered mention\. Did you mean Kirill Dmitriev/,
    );
    await page.getByRole('region', { name: 'Record claim' }).getByRole('button', { name: 'Cancel' }).click();
  });

  it('asks "did you mean …?" before registering a near-duplicate, and registers it once told it is another party', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties`);
    await page.getByRole('button', { name: 'Register party' }).click();
    const form = page.getByRole('region', { name: 'Register party' });
    await form.getByLabel('Name').fill('Vladimir Putinn');
    await form.getByRole('button', { name: 'Register party' }).click();
    await textOf(form.getByRole('alert'), /close to the registered “Vladimir Putin”/);
    await textOf(form.locator('.name-check'), /Did you mean Vladimir Putin \(person\)/);
    expect((await party('vladimir-putinn')).status).toBe(404);

    await form.getByLabel(/It is another party/).check();
    await form.getByRole('button', { name: 'Register party' }).click();
    await textOf(page.getByRole('status').filter({ hasText: 'Recorded' }), 'Vladimir Putinn');
    expect((await registered('vladimir-putinn')).name).toBe('Vladimir Putinn');
  });

  it('shows a 409 for a name another party answers to next to the name field, with a link to that party', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Register party' }).click();
    const form = page.getByRole('region', { name: 'Register party' });
    await form.getByLabel('Name').fill('US-Regierung');
    await form.getByRole('button', { name: 'Register party' }).click();
    const nameError = form.locator('.field-error');
    await textOf(nameError, /"US-Regierung" already answers to party us-government/);
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Name').getAttribute('aria-describedby')).toContain(
      await nameError.getAttribute('id'),
    );
    const link = form.getByRole('link', { name: 'the party that has this name' });
    expect(await link.getAttribute('href')).toBe(`/desk/parties/${SEED_PARTIES.usGovernment}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a name no registered party answers to as an alias of a party picked', async () => {
    const { page } = desk;
    const row = page.locator('.unregistered-list > li').filter({ hasText: 'Autor podpisu' });
    await row.getByRole('button', { name: 'Add as an alias of…' }).click();
    await picker(page, 'Party it stands for').fill('axios');
    await page.getByRole('option', { name: /Axios/ }).click();
    await page
      .getByRole('region', { name: /Add “Autor podpisu” as an alias/ })
      .getByRole('button', { name: 'Add alias' })
      .click();
    await countOf(page.locator('.unregistered-list > li').filter({ hasText: 'Autor podpisu' }), 0);
    expect((await registered(SEED_PARTIES.axios)).aliases).toContain('Autor podpisu');
  });

  it('discredits and reinstates a party with the reason', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties/nadia-kowalczyk`);
    await page.getByRole('button', { name: 'Discredit' }).click();
    await page.getByLabel('Reason').fill('invented a source');
    await page
      .getByRole('region', { name: /Discredit/ })
      .getByRole('button', { name: 'Discredit' })
      .click();
    await page
      .getByText(/Discredited:\s+invented a source/)
      .first()
      .waitFor();
    expect((await party('nadia-kowalczyk')).body).toMatchObject({ discredited: { reason: 'invented a source' } });
    await page.getByRole('button', { name: 'Reinstate' }).click();
    await page.getByLabel('Reason').fill('the source was real');
    await page
      .getByRole('region', { name: /Reinstate/ })
      .getByRole('button', { name: 'Reinstate' })
      .click();
    // The header no longer says so; the registry history keeps both, with their reasons.
    await countOf(page.locator('.party-header').getByText(/Discredited:\s+invented a source/), 0);
    await textOf(page.locator('.registry-history > li').last(), /Reinstated: the source was real/);
    expect((await party('nadia-kowalczyk')).body).not.toHaveProperty('discredited');
  });

  it('adds an alias (a taken one refused next to the field) and ends an affiliation', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/parties/nadia-kowalczyk`);
    await page.getByRole('button', { name: 'Add alias' }).click();
    const form = page.getByRole('region', { name: /Add an alias/ });
    await form.getByRole('textbox', { name: 'Alias' }).fill('Selenskyj');
    await form.getByRole('button', { name: 'Add alias' }).click();
    await textOf(form.locator('.field-error'), /"Selenskyj" already answers to party volodymyr-zelensky/);
    expect(await form.getByRole('link', { name: 'the party that has this name' }).getAttribute('href')).toBe(
      `/desk/parties/${SEED_PARTIES.zelensky}`,
    );
    await form.getByRole('textbox', { name: 'Alias' }).fill('N. Kowalczyk');
    await form.getByRole('button', { name: 'Add alias' }).click();
    await page.getByRole('list', { name: 'Aliases' }).getByText('N. Kowalczyk').waitFor();
    expect((await registered('nadia-kowalczyk')).aliases).toContain('N. Kowalczyk');

    await page.getByRole('button', { name: 'End affiliation' }).click();
    const end = page.getByRole('region', { name: /End an affiliation/ });
    expect(await end.getByRole('combobox', { name: 'Affiliation' }).innerText()).toContain(
      'spokesperson for Volodymyr Zelensky',
    );
    await end.getByRole('button', { name: 'End affiliation' }).click();
    await textOf(page.locator('table.affiliations tr').filter({ hasText: 'spokesperson for' }), /Ended/);
    const [affiliation] = (await registered('nadia-kowalczyk')).affiliations as Array<{ to?: string }>;
    expect(affiliation.to).toEqual(expect.any(String));
  });

  it('works on a phone: a party registered and affiliated at 390 px, nothing wider than the screen', async () => {
    const phone = await openDeskPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const { page } = phone;
      await openDesk(page, '/desk/parties');
      await page.getByRole('button', { name: 'Register party' }).click();
      const form = page.getByRole('region', { name: 'Register party' });
      await form.getByLabel('Name').fill('Ola Nordmann');
      await form.getByRole('button', { name: 'Register party' }).click();
      await registered('ola-nordmann');
      await page.goto(`${app.baseUrl}/desk/parties/ola-nordmann`);
      await page.getByRole('button', { name: 'Add affiliation' }).click();
      await picker(page, 'Party').fill('financial');
      await page.getByRole('option', { name: /Financial Times/ }).click();
      await page.getByLabel('Relation').selectOption('employed_by');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'party-affiliation-phone');
      await page.getByRole('button', { name: 'Add affiliation' }).last().click();
      await textOf(page.locator('table.affiliations tr').filter({ hasText: 'employed by' }), /Financial Times/);
      expect((await registered('ola-nordmann')).affiliations).toEqual([
        expect.objectContaining({ partyId: SEED_PARTIES.financialTimes, relation: 'employed_by' }),
      ]);
    } finally {
      await phone.close();
    }
  });
});
