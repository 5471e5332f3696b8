import { Browser, Locator } from 'playwright-core';
import { claimBody, party, storylineBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage } from './support/desk-page';
import { eventually, textOf } from './support/eventually';

const CLAIM_ID = 'pipeline-blast';

interface ClaimBody {
  supports: { by: { name: string }; with?: { name: string }[] }[];
  independentSources: number;
}

/** "Written jointly with" on the support form: the co-authors reach the API, the page says joint reporting. */
describe('the desk in a browser: recording a joint piece', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const storyline = await app.request('POST', '/v1/storylines', {
      as: 'reporter',
      body: storylineBody({ id: 'pipelines', title: 'Pipelines' }),
    });
    expect(storyline.status).toBe(201);
    const claim = await app.request('POST', '/v1/storylines/pipelines/claims', {
      as: 'reporter',
      body: claimBody({
        id: CLAIM_ID,
        statement: 'The pipeline was blown up from a sailing yacht.',
        language: 'en',
        claimant: party('Investigators', 'anonymous'),
        attribution: 'anonymous',
      }),
    });
    expect(claim.status).toBe(201);
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk/claims/${CLAIM_ID}`);
    await enterApiKey(desk.page, KEYS.reporter);
    await desk.page.getByRole('heading', { level: 1, name: 'Claim by Investigators' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  const coAuthor = (form: Locator, index: number) => form.getByRole('group', { name: `Co-author ${index}` });

  it('records a support written jointly with two co-authors, and the page says joint reporting by all three', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: 'Add support' }).click();
    const support = page.getByRole('form', { name: /Add support/ });
    await support.getByLabel('Kind of support').selectOption('evidence');
    await support.getByRole('group', { name: 'By' }).getByLabel('Name').fill('NDR');
    await support.getByRole('group', { name: 'By' }).getByLabel('Kind').selectOption('media');
    const joint = support.getByRole('group', { name: /Written jointly with/ });
    await joint.getByRole('button', { name: 'Add co-author' }).click();
    await coAuthor(support, 1).getByLabel('Name').fill('WDR');
    await joint.getByRole('button', { name: 'Add co-author' }).click();
    await coAuthor(support, 2).getByLabel('Name').fill('Die Zeit');
    // A third added by mistake and removed again is not sent.
    await joint.getByRole('button', { name: 'Add co-author' }).click();
    await joint.getByRole('button', { name: 'Remove co-author 3' }).click();
    expect(await coAuthor(support, 1).getByLabel('Kind').inputValue()).toBe('media');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await support.getByRole('button', { name: 'Record support' }).click();

    await textOf(
      page.locator('.development-support .joint-reporting'),
      'Joint reporting by NDR, WDR and Die Zeit — one source for this piece',
    );
    const claim = await eventually(
      'the support with its co-authors',
      async () => (await app.request('GET', `/v1/claims/${CLAIM_ID}`, { as: 'reader' })).body as ClaimBody,
      (body) => body.supports.length === 1,
    );
    expect(claim.supports[0].with?.map((party) => party.name)).toEqual(['WDR', 'Die Zeit']);
  });
});
