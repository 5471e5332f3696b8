import { Browser, Page } from 'playwright-core';
import { waitUntil } from '../support/deadlines';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage } from './support/desk-page';
import { eventually, textOf } from './support/eventually';

interface FactCheck {
  by: { name: string; kind?: string };
  rating: { text: string; value?: number; best?: number; worst?: number };
  url: string;
  publishedAt: string;
  effect?: string;
}
interface Party {
  name: string;
  kind: string;
  aliases: string[];
  revision: number;
}

/** The last two commands given a form: an outside fact-check on a claim and a party's revision, checked through the API. */
describe('the desk in a browser: recording a fact-check and revising a party', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  const claimFactChecks = async () =>
    ((await app.request('GET', '/v1/claims/ferry-fares', { as: 'reader' })).body.factChecks ?? []) as FactCheck[];
  const party = async (id: string) => (await app.request('GET', `/v1/parties/${id}`, { as: 'reader' })).body as Party;
  const register = async (name: string, aliases: string[]) => {
    const response = await app.request('POST', '/v1/parties', {
      as: 'editor',
      body: { name, kind: 'person', aliases },
    });
    expect(response.status).toBe(201);
  };

  async function open(page: Page, path: string, heading: string): Promise<void> {
    await page.goto(`${app.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const storyline = await app.request('POST', '/v1/storylines', {
      as: 'reporter',
      body: { id: 'ferries', title: 'Ferry fares', summary: '', tags: [] },
    });
    expect(storyline.status).toBe(201);
    const claim = await app.request('POST', '/v1/storylines/ferries/claims', {
      as: 'reporter',
      body: {
        id: 'ferry-fares',
        statement: 'Ferry fares doubled this winter.',
        language: 'en',
        claimant: { name: 'Jonas Berg', kind: 'person' },
        attribution: 'on_record',
        occurredAt: '2026-01-27T10:00:00+01:00',
      },
    });
    expect(claim.status).toBe(201);
    await register('Marta Nowak', ['M. Nowak', 'Marta N.']);
    await register('Piotr Zieliński', []);
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk/claims/ferry-fares`);
    await enterApiKey(desk.page, KEYS.editor);
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('records an outside fact-check from the claim page; the claim lists it, through the API and on the page', async () => {
    const { page } = desk;
    await open(page, '/desk/claims/ferry-fares', 'Claim by Jonas Berg');
    await page.getByRole('button', { name: 'Record fact-check' }).click();
    const form = page.getByRole('form', { name: /fact-checker’s review/ });
    const checker = form.getByRole('group', { name: 'Fact-checker' });
    await checker.getByRole('combobox', { name: 'Name' }).fill('Faktisk');
    await checker.getByLabel('Kind').selectOption('organization');
    await form.getByLabel('Rating', { exact: true }).fill('Mostly false');
    await form.getByLabel('On its scale').fill('2');
    await form.getByLabel('False end').fill('1');
    await form.getByLabel('True end').fill('5');
    await form.getByLabel('Review URL').fill('https://faktisk.example.no/ferry-fares');
    await form.getByLabel('Published').fill('2026-02-01T09:30');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Record fact-check' }).click();
    await textOf(page.locator('.claim-actions [role="status"]'), 'Fact-check by Faktisk recorded.');
    await textOf(
      page.locator('.fact-checks'),
      /Faktisk rated it “Mostly false” \(mostly false\)[\s\S]*Counts as a contradiction/,
    );

    const [check] = await eventually('the fact-check', claimFactChecks, (checks) => checks.length === 1);
    expect(check).toEqual(
      expect.objectContaining({
        by: expect.objectContaining({ name: 'Faktisk', kind: 'organization' }),
        rating: expect.objectContaining({ text: 'Mostly false', value: 2, worst: 1, best: 5 }),
        url: 'https://faktisk.example.no/ferry-fares',
        publishedAt: expect.stringMatching(/^2026-02-01T09:30:00/),
        effect: 'contradiction',
      }),
    );
  });

  it('revises a party: a taken name refused next to the field, then name and kind changed and an alias removed', async () => {
    const { page } = desk;
    await open(page, '/desk/parties/marta-nowak', 'Marta Nowak');
    await page.getByRole('button', { name: 'Revise party' }).click();
    const form = page.getByRole('region', { name: 'Revise Marta Nowak' });
    const name = form.getByRole('textbox', { name: 'Name' });
    expect(await name.inputValue()).toBe('Marta Nowak');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await name.fill('Piotr Zieliński');
    await form.getByRole('button', { name: 'Revise party' }).click();
    await textOf(form.locator('.field-error'), /"Piotr Zieliński" already answers to party piotr-zielinski/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('link', { name: 'the party that has this name' }).getAttribute('href')).toBe(
      '/desk/parties/piotr-zielinski',
    );
    expect((await party('marta-nowak')).name).toBe('Marta Nowak');

    const sent: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH')
        sent.push({ body: request.postDataJSON(), ifMatch: request.headers()['if-match'] });
    });
    await name.fill('Marta Nowak-Lis');
    await form.getByLabel('Kind').selectOption('organization');
    await form.getByRole('checkbox', { name: 'M. Nowak' }).check();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Revise party' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marta Nowak-Lis' }).waitFor();

    const revised = await waitUntil(
      'the revision',
      () => party('marta-nowak'),
      (body) => body.name === 'Marta Nowak-Lis',
    );
    // The old name stays an alias, as the field's hint says; the one ticked is gone.
    expect(revised).toMatchObject({ name: 'Marta Nowak-Lis', kind: 'organization' });
    expect(revised.aliases.sort()).toEqual(['Marta N.', 'Marta Nowak']);
    // Only what changed, on the revision the form was filled in from.
    expect(sent).toEqual([
      {
        body: { name: 'Marta Nowak-Lis', kind: 'organization', removeAliases: ['M. Nowak'] },
        ifMatch: expect.stringMatching(/^"\d+"$/),
      },
    ]);
  });
});
