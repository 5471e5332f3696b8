import { Browser } from 'playwright-core';
import { claimBody, developmentBody, party, storylineBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { eventually, textOf } from './support/eventually';

const CLAIM_ID = 'cable-sabotage';

/** A claim's page shows who wrote a joint piece, and the contradictions that speak as one voice. */
describe('the desk in a browser: joint reporting and grouped voices', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  const write = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    return response.body as { position: number };
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await write('/v1/storylines', storylineBody({ id: 'baltic-cables', title: 'Baltic cables' }));
    await write(
      '/v1/storylines/baltic-cables/claims',
      claimBody({
        id: CLAIM_ID,
        statement: 'The cable was cut deliberately.',
        language: 'en',
        claimant: party('Investigators', 'anonymous', 'investigators'),
        reportedBy: party('Der Spiegel', 'media', 'der-spiegel'),
        with: [party('ZDF', 'media', 'zdf')],
        attribution: 'anonymous',
      }),
    );
    await write(
      `/v1/claims/${CLAIM_ID}/supports`,
      developmentBody(party('NDR', 'media', 'ndr'), {
        kind: 'evidence',
        with: [party('WDR', 'media', 'wdr'), party('Die Zeit', 'media', 'die-zeit')],
      }),
    );
    await write('/v1/parties', { id: 'us-government', name: 'US government', kind: 'government' }, 'editor');
    for (const agency of [
      party('State Department', 'government', 'state-department'),
      party('White House', 'government', 'white-house'),
    ]) {
      await write('/v1/parties', agency, 'editor');
      await write(`/v1/parties/${agency.id}/affiliations`, { partyId: 'us-government', relation: 'part_of' }, 'editor');
      await write(`/v1/claims/${CLAIM_ID}/contradictions`, developmentBody(agency, { kind: 'denial' }));
    }
    await eventually(
      'the claim to show both denials as one voice',
      async () => (await app.request('GET', `/v1/claims/${CLAIM_ID}`, { as: 'reader' })).body,
      (claim) => claim.independentContradictions === 1 && claim.contradictions.length === 2,
    );
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk/claims/${CLAIM_ID}`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'Claim by Investigators' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('says who wrote a joint piece, of the claim and of a support', async () => {
    const { page } = desk;
    await textOf(page.locator('.facts .joint-reporting'), 'joint reporting by Der Spiegel and ZDF');
    const support = page.locator('.development-support');
    await textOf(
      support.locator('.joint-reporting'),
      'Joint reporting by NDR, WDR and Die Zeit — one source for this piece',
    );
    await textOf(page.locator('.independent-sources'), '1 independent source');
  });

  it('shows two denials from agencies of one government as one voice, and why', async () => {
    const { page } = desk;
    await textOf(page.locator('.independent-contradictions'), '1 independent voice among the contradictions');
    const grouped = page.getByRole('list', { name: 'Contradictions grouped as one voice' });
    await textOf(
      grouped,
      'State Department and White House — one voice: State Department and White House are both part of US government',
    );
    await textOf(page.locator('.explanation-summary'), 'one voice');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'joint-reporting-and-voices');
  });
});
