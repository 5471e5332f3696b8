import { Browser, Locator, Page } from 'playwright-core';
import { waitUntil } from '../support/deadlines';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { eventually, textOf } from './support/eventually';

/** The names one run of the story uses: registry names are unique, so each run has its own. */
interface Cast {
  title: string;
  outlet: string;
  outletId: string;
  reporter: string;
  reporterId: string;
  union: string;
  anonymous: string;
  quoted: string;
}

const WIDE: Cast = {
  title: 'Harbour strike',
  outlet: 'Harbour Gazette',
  outletId: 'harbour-gazette',
  reporter: 'Jon Reed',
  reporterId: 'jon-reed',
  union: 'Dock Workers Union',
  anonymous: 'The strike will close the harbour for a week.',
  quoted: 'The port authority says the strike has ended.',
};
const PHONE: Cast = {
  title: 'Quay closure',
  outlet: 'Quay Courier',
  outletId: 'quay-courier',
  reporter: 'Mara Lind',
  reporterId: 'mara-lind',
  union: 'Quay Pilots Guild',
  anonymous: 'The quay will be closed until spring.',
  quoted: 'The harbour master says the quay reopens on Friday.',
};
const QUOTE = 'Der Streik ist beendet.';

interface Development {
  by: { name: string; kind?: string };
  kind?: string;
  counts?: boolean;
  reason?: string;
}
type ClaimBody = Record<string, unknown> & {
  id: string;
  statement: string;
  status: string;
  supports: Development[];
  contradictions: Development[];
};

/**
 * Issue 18's story recorded from the page only — a storyline, two claims, a support and a denial, the
 * supporter and the outlet registered with the affiliation that ties them — and every step read back
 * through the API.
 */
describe('the desk in a browser: recording a whole story from the page', () => {
  let app: TestApp;
  let browser: Browser;
  const desks: DeskPage[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    for (const desk of desks) await desk.close();
    await browser?.close();
    await app?.close();
  });

  const read = async (url: string) => {
    const response = await app.request('GET', url, { as: 'reader' });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };
  const claimsOf = async (storylineId: string) =>
    (await read(`/v1/claims?storyline=${encodeURIComponent(storylineId)}`)).items as ClaimBody[];
  const registered = async (id: string) =>
    (
      await waitUntil(
        `party ${id} registered`,
        () => app.request('GET', `/v1/parties/${id}`, { as: 'reader' }),
        (response) => response.status === 200,
      )
    ).body;

  const openDesk = async (path: string, width: number) => {
    const desk = await openDeskPage(browser, { viewport: { width, height: 900 } });
    desks.push(desk);
    await desk.page.goto(`${app.baseUrl}${path}`);
    await enterApiKey(desk.page, KEYS.editor);
    return desk;
  };
  const form = (page: Page, name: string | RegExp) => page.getByRole('form', { name });
  const partyGroup = (within: Locator, name: RegExp) => within.getByRole('group', { name });
  const noHorizontalOverflow = async (page: Page, where: string) => {
    const widths = (await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    )) as { scroll: number; client: number };
    expect({ where, overflows: widths.scroll > widths.client, ...widths }).toMatchObject({ where, overflows: false });
  };

  /** The whole story at one width, reached by links only; with `watchLive`, a second desk on the storyline must see the claim arrive. */
  async function recordStory(cast: Cast, width: number, options: { watchLive: boolean; shoot?: string }) {
    const { page } = await openDesk('/desk', width);
    await page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();

    // 1. The storyline, from the list.
    await page.getByRole('button', { name: 'New storyline' }).click();
    await page.getByLabel('Title', { exact: true }).fill(cast.title);
    await page
      .getByRole('textbox', { name: 'Summary (optional)' })
      .fill('Who says the strike is over, and who reports it');
    await page.getByRole('button', { name: 'Open storyline' }).click();
    const link = page.getByRole('status').getByRole('link', { name: cast.title });
    const storylineId = decodeURIComponent(((await link.getAttribute('href')) ?? '').replace('/desk/storylines/', ''));
    await link.click();
    await page.getByRole('heading', { level: 1, name: cast.title }).waitFor();
    await noHorizontalOverflow(page, 'storyline page');

    // A second desk open on the same storyline, to see the claim arrive without a reload.
    const watcher = options.watchLive ? (await openDesk(`/desk/storylines/${storylineId}`, width)).page : undefined;
    if (watcher) {
      await watcher.getByRole('heading', { level: 1, name: cast.title }).waitFor();
      await watcher.getByRole('status', { name: 'Live updates: Live' }).waitFor();
    }

    // 2. An anonymous claim with its count of sources.
    await page.getByRole('button', { name: 'Record claim' }).click();
    const claim = form(page, 'Record claim');
    await claim.getByLabel('Statement').fill(cast.anonymous);
    await claim.getByLabel(/^Language/).fill('en');
    await partyGroup(claim, /^Claimant/)
      .getByLabel(/^Name/)
      .fill('Officials close to the talks');
    await partyGroup(claim, /^Claimant/)
      .getByLabel(/^Kind/)
      .selectOption('anonymous');
    await claim.getByLabel('Attribution').selectOption('anonymous');
    await claim.getByLabel('Anonymous sources').fill('2');
    await claim.getByLabel('Occurred: how much is known').selectOption('day');
    await claim.getByLabel('Occurred', { exact: true }).fill('2026-03-02');
    await noHorizontalOverflow(page, 'Record claim form');
    await claim.getByRole('button', { name: 'Record claim' }).click();
    await page.getByRole('status').getByText('Claim recorded.').waitFor();
    await page.locator('.claims').getByText(cast.anonymous).waitFor();

    if (watcher) {
      await watcher.locator('.claims').getByText(cast.anonymous).waitFor();
      expect(await watcher.evaluate('performance.getEntriesByType("navigation").length')).toBe(1);
    }

    // 3. A quoted claim with its source, reported by an outlet.
    await page.getByRole('button', { name: 'Record claim' }).click();
    await claim.getByLabel('Statement').fill(cast.quoted);
    await claim.getByLabel(/^Language/).fill('en');
    await partyGroup(claim, /^Claimant/)
      .getByLabel(/^Name/)
      .fill('Port authority');
    await partyGroup(claim, /^Claimant/)
      .getByLabel(/^Kind/)
      .selectOption('organization');
    await partyGroup(claim, /^Reported by/)
      .getByLabel(/^Name/)
      .fill(cast.outlet);
    await partyGroup(claim, /^Reported by/)
      .getByLabel(/^Kind/)
      .selectOption('media');
    await claim.getByLabel('Attribution').selectOption('official_statement');
    await claim.getByLabel('Occurred', { exact: true }).fill('2026-03-03T09:30');
    await claim.getByLabel('Source URL').fill('https://harbour.example/statement');
    await claim.getByLabel('Source title').fill('Port authority statement');
    await claim.getByLabel('Published').fill('2026-03-03T10:00');
    await claim.getByLabel(/^Quote \(/).fill(QUOTE);
    await claim.getByLabel('Quote language').fill('de');
    await claim.getByRole('button', { name: 'Record claim' }).click();
    await page.locator('.claims').getByText(cast.quoted).waitFor();

    // 4. On the quoted claim's page: a support from the outlet's reporter, and a denial.
    await page.locator('article.claim-card').filter({ hasText: cast.quoted }).locator('a.claim-link').click();
    await page.getByRole('heading', { level: 1, name: 'Claim by Port authority' }).waitFor();
    await page.getByRole('button', { name: 'Add support' }).click();
    const support = form(page, /Add support/);
    await support.getByLabel('Kind of support').selectOption('confirmation');
    await partyGroup(support, /^By/).getByLabel('Name').fill(cast.reporter);
    await partyGroup(support, /^By/).getByLabel('Kind').selectOption('person');
    await support.getByLabel('Occurred: how much is known').selectOption('day');
    await support.getByLabel('Occurred', { exact: true }).fill('2026-03-04');
    await support.getByLabel('Note').fill('Saw the crews back at work.');
    await support.getByRole('button', { name: 'Record support' }).click();
    const developments = page.locator('section[aria-labelledby="developments-title"]');
    await textOf(developments, new RegExp(`${cast.reporter}\\s+supports[\\s\\S]*Counts`));

    await page.getByRole('button', { name: 'Add contradiction' }).click();
    const denial = form(page, /Add contradiction/);
    await denial.getByLabel('Kind of contradiction').selectOption('denial');
    await partyGroup(denial, /^By/).getByLabel('Name').fill(cast.union);
    await partyGroup(denial, /^By/).getByLabel('Kind').selectOption('organization');
    await denial.getByRole('button', { name: 'Record contradiction' }).click();
    await textOf(developments, new RegExp(`${cast.union}\\s+contradicts \\(denial\\)`));
    await noHorizontalOverflow(page, 'claim page');
    const claimUrl = page.url();

    // 5. The registry: the outlet and its reporter from Names to register, then the affiliation.
    await page.locator('a[href="/desk/parties"]').first().click();
    await page.getByRole('heading', { level: 1, name: 'Parties' }).waitFor();
    for (const name of [cast.outlet, cast.reporter]) {
      const row = page.locator('.unregistered-list > li').filter({ hasText: name });
      await row.getByRole('button', { name: 'Register as a party' }).click();
      await form(page, `Register “${name}”`).getByRole('button', { name: 'Register party' }).click();
      await textOf(page.getByRole('status').filter({ hasText: 'Recorded' }), name);
    }
    await noHorizontalOverflow(page, 'parties page');

    await page.getByRole('status').filter({ hasText: 'Recorded' }).getByRole('link', { name: cast.reporter }).click();
    await page.getByRole('heading', { level: 1, name: cast.reporter }).waitFor();
    await page.getByRole('button', { name: 'Add affiliation' }).click();
    await page.getByRole('combobox', { name: 'Party' }).fill(cast.outlet);
    await page.getByRole('option', { name: new RegExp(cast.outlet) }).click();
    await textOf(page.locator('.picker-status'), `Registered party: ${cast.outlet}`);
    await page.getByLabel('Relation').selectOption('employed_by');
    await page.getByLabel('From').fill('2020-01-01');
    await form(page, /Add an affiliation/)
      .getByRole('button', { name: 'Add affiliation' })
      .click();
    await textOf(page.locator('table.affiliations'), `${cast.reporter} is employed by ${cast.outlet}`);
    await noHorizontalOverflow(page, 'party page');

    // 6. Back on the claim: the support no longer counts, and the page says why.
    await page.locator('a[href="/desk"]').first().click();
    await page.getByRole('link', { name: cast.title }).first().click();
    await page.locator('article.claim-card').filter({ hasText: cast.quoted }).locator('a.claim-link').click();
    await page.getByRole('heading', { level: 1, name: 'Claim by Port authority' }).waitFor();
    expect(page.url()).toBe(claimUrl);
    await textOf(developments, new RegExp(`Does not count: .*${cast.reporter} is employed by ${cast.outlet}`));
    await noHorizontalOverflow(page, 'claim page after the affiliation');
    if (options.shoot) await screenshot(page, options.shoot);

    // Every step, through the API.
    expect(await read(`/v1/storylines/${storylineId}`)).toMatchObject({
      title: cast.title,
      summary: 'Who says the strike is over, and who reports it',
    });
    const claims = await claimsOf(storylineId);
    expect(claims.map((stored) => stored.statement).sort()).toEqual([cast.anonymous, cast.quoted].sort());
    expect(claims.find((stored) => stored.statement === cast.anonymous)).toMatchObject({
      claimant: { name: 'Officials close to the talks', kind: 'anonymous' },
      attribution: 'anonymous',
      anonymousSourceCount: 2,
      occurredAtPrecision: 'day',
    });
    const quotedId = String(claims.find((stored) => stored.statement === cast.quoted)?.id);
    const quoted = (await read(`/v1/claims/${quotedId}`)) as ClaimBody;
    expect(quoted).toMatchObject({
      claimant: { name: 'Port authority', kind: 'organization' },
      reportedBy: { name: cast.outlet, kind: 'media' },
      attribution: 'official_statement',
      source: { url: 'https://harbour.example/statement', quote: QUOTE, quoteLanguage: 'de' },
    });
    expect(quoted.supports).toEqual([
      expect.objectContaining({
        kind: 'confirmation',
        by: expect.objectContaining({ name: cast.reporter, kind: 'person' }),
        note: 'Saw the crews back at work.',
      }),
    ]);
    expect(quoted.contradictions).toEqual([
      expect.objectContaining({ kind: 'denial', by: expect.objectContaining({ name: cast.union }) }),
    ]);
    expect(await registered(cast.outletId)).toMatchObject({ name: cast.outlet, kind: 'media' });
    expect(await registered(cast.reporterId)).toMatchObject({
      name: cast.reporter,
      kind: 'person',
      affiliations: [
        expect.objectContaining({
          partyId: cast.outletId,
          relation: 'employed_by',
          from: expect.stringMatching(/^2020-01-01/),
        }),
      ],
    });
    const weighed = await eventually(
      'the support weighed against the registry',
      async () => (await read(`/v1/claims/${quotedId}`)) as ClaimBody,
      (body) => body.supports[0]?.counts === false,
    );
    expect(weighed.supports[0]).toMatchObject({
      counts: false,
      reason: expect.stringContaining(`${cast.reporter} is employed by ${cast.outlet}`),
    });
  }

  it('records the story at desk width, and a second open desk sees the claim arrive live', async () => {
    await recordStory(WIDE, 1280, { watchLive: true, shoot: 'record-a-story' });
  });

  it('records the same story at phone width (390 px) without horizontal overflow', async () => {
    await recordStory(PHONE, 390, { watchLive: false, shoot: 'record-a-story-phone' });
  });
});
