import { Browser, Locator, Page } from 'playwright-core';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { eventually, textOf } from './support/eventually';

const CLAIMANT = { name: 'Olena Kovalenko', kind: 'person' };

interface Development {
  kind?: string;
  by: { name: string };
}
type ClaimBody = Record<string, unknown> & {
  supports: Development[];
  contradictions: Development[];
  retraction?: Development & { kind: string };
  corrections: unknown[];
  revision: number;
  status: string;
  summary?: string;
  explanation: { summary: string };
};

/** Supports, contradictions, retractions and corrections recorded from a claim's page, checked through the API. */
describe('the desk in a browser: recording developments on a claim', () => {
  let app: TestApp;
  let browser: Browser;

  const recordClaim = async (id: string, statement: string) => {
    const response = await app.request('POST', '/v1/storylines/desk-forms/claims', {
      as: 'reporter',
      body: {
        id,
        statement,
        language: 'en',
        claimant: CLAIMANT,
        attribution: 'on_record',
        occurredAt: '2026-01-27T10:00:00+01:00',
      },
    });
    expect(response.status).toBe(201);
  };
  const claimView = async (id: string) => (await app.request('GET', `/v1/claims/${id}`, { as: 'reader' })).body;
  /** The claim through the API once it shows what the page recorded (the read models apply writes a moment later). */
  const eventuallyClaim = (id: string, what: string, accept: (claim: ClaimBody) => boolean) =>
    eventually(what, () => claimView(id), accept);

  /**
   * One tab per key and width, the key entered once through the page's prompt as a person would (a
   * fresh tab per test would ask without a key first, and the API slows down repeated failed logins).
   */
  const desks = new Map<string, DeskPage>();
  const openClaim = async (id: string, key: string, viewport?: { width: number; height: number }) => {
    const tab = `${key}|${viewport?.width ?? 'wide'}`;
    let desk = desks.get(tab);
    if (desk) {
      await desk.page.goto(`${app.baseUrl}/desk/claims/${id}`);
    } else {
      desk = await openDeskPage(browser, viewport ? { viewport } : {});
      desks.set(tab, desk);
      await desk.page.goto(`${app.baseUrl}/desk/claims/${id}`);
      await enterApiKey(desk.page, key);
    }
    await desk.page.getByRole('heading', { level: 1, name: `Claim by ${CLAIMANT.name}` }).waitFor();
    return desk;
  };
  const form = (page: Page, title: string | RegExp) => page.getByRole('form', { name: title });
  const byName = (form: Locator) => form.getByRole('group', { name: 'By' }).getByLabel('Name');
  const byKind = (form: Locator) => form.getByRole('group', { name: 'By' }).getByLabel('Kind');
  const announced = (page: Page, text: string) => textOf(page.locator('.claim-actions [role="status"]'), text);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const storyline = await app.request('POST', '/v1/storylines', {
      as: 'reporter',
      body: { id: 'desk-forms', title: 'Grain corridor', summary: '', tags: [] },
    });
    expect(storyline.status).toBe(201);
    await recordClaim('grain-deal', 'The grain corridor reopens on Monday.');
    await recordClaim('ports-closed', 'All Black Sea ports are closed.');
    await recordClaim('retracted-later', 'Exports doubled in January.');
    await recordClaim('post-deleted', 'The ministry’s post on grain quotas.');
  });
  afterAll(async () => {
    for (const desk of desks.values()) await desk.close();
    await browser?.close();
    await app?.close();
  });

  it('adds a support with its source and a denial from the page; the status and its explanation follow', async () => {
    const { page } = await openClaim('grain-deal', KEYS.reporter);
    await page.getByRole('button', { name: 'Add support' }).click();
    const support = form(page, /Add support/);
    await support.getByLabel('Kind of support').selectOption('corroboration');
    await byName(support).fill('Reuters');
    await byKind(support).selectOption('media');
    await support.getByLabel('Occurred: how much is known').selectOption('day');
    await support.getByLabel('Occurred', { exact: true }).fill('2026-01-27');
    await support.getByLabel('Source URL').fill('https://www.reuters.com/world/grain-corridor');
    await support.getByLabel('Source title').fill('Grain corridor to reopen, officials say');
    await support.getByLabel('Published').fill('2026-01-27T15:00');
    await support.getByLabel('Quote').fill('The corridor will reopen on Monday.');
    await support.getByLabel('Note').fill('Two officials in Kyiv.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await support.getByRole('button', { name: 'Record support' }).click();
    await announced(page, 'Support recorded by Reuters.');
    // Read your write: the page shows the support without waiting for anything else.
    await textOf(page.locator('section[aria-labelledby="developments-title"]'), 'Reuters');

    const supported = await eventuallyClaim('grain-deal', 'the support', (claim) => claim.supports.length === 1);
    expect(supported.supports).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ name: 'Reuters', kind: 'media' }),
        kind: 'corroboration',
        occurredAt: expect.stringMatching(/^2026-01-27T00:00:00[+-]\d\d:\d\d$/),
        occurredAtPrecision: 'day',
        note: 'Two officials in Kyiv.',
        source: expect.objectContaining({
          url: 'https://www.reuters.com/world/grain-corridor',
          title: 'Grain corridor to reopen, officials say',
          quote: 'The corridor will reopen on Monday.',
          publishedAt: expect.stringMatching(/^2026-01-27T15:00:00/),
        }),
      }),
    ]);

    await page.getByRole('button', { name: 'Add contradiction' }).click();
    const denial = form(page, /Add contradiction/);
    await denial.getByLabel('Kind of contradiction').selectOption('denial');
    await byName(denial).fill('Ministry of Infrastructure');
    await byKind(denial).selectOption('government');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await denial.getByRole('button', { name: 'Record contradiction' }).click();
    await announced(page, 'Contradiction recorded by Ministry of Infrastructure.');

    const disputed = await eventuallyClaim('grain-deal', 'the denial', (claim) => claim.contradictions.length === 1);
    expect(disputed.contradictions[0]).toEqual(
      expect.objectContaining({ kind: 'denial', by: expect.objectContaining({ name: 'Ministry of Infrastructure' }) }),
    );
    expect(disputed.status).toBe('disputed');
    await textOf(page.locator('.claim-header'), 'Disputed');
    await textOf(page.locator('.explanation-summary'), disputed.explanation.summary);
    await screenshot(page, 'claim-after-denial');
  });

  it('records once when the same form is submitted twice at once', async () => {
    const { page } = await openClaim('ports-closed', KEYS.reporter);
    const sent: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/supports'))
        sent.push(request.headers()['idempotency-key']);
    });
    await page.getByRole('button', { name: 'Add support' }).click();
    const support = form(page, /Add support/);
    await support.getByLabel('Kind of support').selectOption('evidence');
    await byName(support).fill('Maritime Traffic');
    await byKind(support).selectOption('organization');
    await support.evaluate((element: unknown) => {
      const form = element as { requestSubmit(): void };
      form.requestSubmit();
      form.requestSubmit();
    });
    await announced(page, 'Support recorded by Maritime Traffic.');
    // A second request with the same Idempotency-Key would be answered from the first, never appended.
    await support.waitFor({ state: 'detached' });
    const history = await app.request('GET', '/v1/claims/ports-closed/history', { as: 'reader' });
    expect(history.body.items.filter((event: { type: string }) => event.type === 'ClaimSupported')).toHaveLength(1);
    expect(sent).toEqual([expect.stringMatching(/^desk-[0-9a-f]{32}$/)]);
  });

  it('refuses, in words, a retraction by someone other than the claimant, and records the claimant’s', async () => {
    const { page } = await openClaim('retracted-later', KEYS.reporter);
    await page.getByRole('button', { name: 'Record retraction' }).click();
    const retraction = form(page, /Record retraction/);
    // The form starts with the claimant; someone else is refused by the API.
    expect(await byName(retraction).inputValue()).toBe(CLAIMANT.name);
    await byName(retraction).fill('A blogger');
    await retraction.getByRole('button', { name: 'Record retraction' }).click();
    await textOf(retraction.getByRole('alert'), /Not recorded: .*only the claimant/);
    expect((await claimView('retracted-later')).retraction).toBeUndefined();

    await byName(retraction).fill(CLAIMANT.name);
    await retraction.getByLabel('Note').fill('She withdrew the figure on air.');
    await retraction.getByRole('button', { name: 'Record retraction' }).click();
    await announced(page, `Retraction recorded by ${CLAIMANT.name}.`);
    await textOf(page.locator('.claim-header'), 'Retracted');
    const retracted = await eventuallyClaim('retracted-later', 'the retraction', (claim) => !!claim.retraction);
    expect(retracted.status).toBe('retracted');
    expect(retracted.retraction).toEqual(expect.objectContaining({ note: 'She withdrew the figure on air.' }));
    expect(await page.getByRole('button', { name: 'Record retraction' }).count()).toBe(0);
    expect(retracted.retraction?.kind).toBe('withdrawn');
    await textOf(page.locator('p.retraction'), `Withdrawn by ${CLAIMANT.name}`);
  });

  it('records a post deleted without comment, and the claim page and the timeline say so', async () => {
    const { page } = await openClaim('post-deleted', KEYS.reporter);
    await page.getByRole('button', { name: 'Record retraction' }).click();
    const retraction = form(page, /Record retraction/);
    expect(await retraction.getByLabel('How it was retracted').inputValue()).toBe('withdrawn');
    await retraction.getByLabel('How it was retracted').selectOption('deleted');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await retraction.getByRole('button', { name: 'Record retraction' }).click();
    await announced(page, `Retraction recorded by ${CLAIMANT.name}.`);
    await textOf(page.locator('p.retraction'), `Deleted without comment by ${CLAIMANT.name}`);
    await textOf(page.locator('.claim-header'), 'Retracted');

    const deleted = await eventuallyClaim('post-deleted', 'the deletion', (claim) => !!claim.retraction);
    expect(deleted).toMatchObject({
      status: 'retracted',
      retraction: { kind: 'deleted' },
      explanation: { summary: `Deleted without comment by ${CLAIMANT.name}.` },
    });
    await page.reload();
    await textOf(page.locator('p.retraction'), `Deleted without comment by ${CLAIMANT.name}`);

    await page.goto(`${app.baseUrl}/desk/storylines/desk-forms`);
    await textOf(
      page.locator('.timeline-list'),
      `${CLAIMANT.name} deleted “The ministry’s post on grain quotas.” without comment`,
    );
    await screenshot(page, 'retraction-deleted-without-comment');
  });

  it('shows a reporter key the editor-only correction refused in words, and changes nothing', async () => {
    const { page } = await openClaim('ports-closed', KEYS.reporter);
    await page.getByRole('button', { name: 'Correct' }).click();
    const correction = form(page, /Correct the claim/);
    await correction.getByLabel('Statement').fill('All Black Sea ports but Odesa are closed.');
    await correction.getByLabel('Reason').fill('Mistyped from the wire.');
    await correction.getByRole('button', { name: 'Record correction' }).click();
    await textOf(correction.getByRole('alert'), /Refused \(403 Forbidden\): .*Corrections need an editor key\./);
    expect((await claimView('ports-closed')).statement).toBe('All Black Sea ports are closed.');
  });

  it('corrects a claim as an editor, showing each changed field before and after', async () => {
    const { page } = await openClaim('ports-closed', KEYS.editor);
    await page.getByRole('button', { name: 'Correct' }).click();
    const correction = form(page, /Correct the claim/);
    expect(await correction.getByLabel('Statement').inputValue()).toBe('All Black Sea ports are closed.');
    await correction.getByLabel('Statement').fill('All Black Sea ports but Odesa are closed.');
    await correction.getByLabel('Tags').fill('ports, shipping');
    const preview = correction.locator('table.before-after');
    await textOf(preview, 'All Black Sea ports are closed.');
    expect(await preview.locator('del').allInnerTexts()).toEqual(['All Black Sea ports are closed.', '(none)']);
    expect(await preview.locator('ins').allInnerTexts()).toEqual([
      'All Black Sea ports but Odesa are closed.',
      'ports, shipping',
    ]);
    await correction.getByLabel('Reason').fill('Mistyped from the wire.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await correction.getByRole('button', { name: 'Record correction' }).click();
    await announced(page, 'Correction recorded: statement, tags.');
    await textOf(page.locator('blockquote.statement'), 'but Odesa');
    await textOf(page.locator('section[aria-labelledby="corrections-title"]'), 'Data-entry mistakes');

    const corrected = await eventuallyClaim(
      'ports-closed',
      'the correction',
      (claim) => claim.corrections.length === 1,
    );
    expect([corrected.statement, corrected.tags]).toEqual([
      'All Black Sea ports but Odesa are closed.',
      ['ports', 'shipping'],
    ]);
    expect(corrected.corrections).toEqual([
      expect.objectContaining({
        reason: 'Mistyped from the wire.',
        changes: { statement: 'All Black Sea ports but Odesa are closed.', tags: ['ports', 'shipping'] },
      }),
    ]);
  });

  it('answers a correction on a claim changed meanwhile (412) with a reload that keeps what was typed', async () => {
    const { page } = await openClaim('retracted-later', KEYS.editor);
    await page.getByRole('button', { name: 'Correct' }).click();
    const correction = form(page, /Correct the claim/);
    await correction.getByLabel('Summary').fill('Figure from a TV interview.');
    await correction.getByLabel('Reason').fill('Summary left out at recording.');
    // Someone else writes to the claim after the form was filled in from it.
    const before = await claimView('retracted-later');
    const elsewhere = await app.request('POST', '/v1/claims/retracted-later/contradictions', {
      as: 'reporter',
      body: {
        by: { name: 'State Statistics Service', kind: 'government' },
        kind: 'counter_evidence',
        occurredAt: '2026-01-28T09:00:00+02:00',
      },
    });
    expect(elsewhere.status).toBe(201);
    await correction.getByRole('button', { name: 'Record correction' }).click();
    await textOf(correction.getByRole('alert'), /someone else changed this since you opened the form/);
    expect((await claimView('retracted-later')).corrections).toEqual([]);

    await eventuallyClaim('retracted-later', 'the other write', (claim) => claim.revision !== before.revision);
    await correction.getByRole('button', { name: 'Reload, keeping what you typed' }).click();
    expect(await correction.getByLabel('Summary').inputValue()).toBe('Figure from a TV interview.');
    await eventually(
      'the page at the new revision',
      () => page.locator('section[aria-labelledby="developments-title"]').innerText(),
      (text) => text.includes('State Statistics Service'),
    );
    await correction.getByRole('button', { name: 'Record correction' }).click();
    await announced(page, 'Correction recorded: summary.');
    const corrected = await eventuallyClaim(
      'retracted-later',
      'the correction',
      (claim) => claim.corrections.length === 1,
    );
    expect(corrected.summary).toBe('Figure from a TV interview.');
  });

  it('opens “Add contradiction” with the shortcut d, and Escape closes it', async () => {
    const { page } = await openClaim('ports-closed', KEYS.reporter);
    await page.keyboard.press('d');
    const denial = form(page, /Add contradiction/);
    await denial.waitFor();
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('name') ?? null")).toBe('kind');
    await page.keyboard.press('Escape');
    await denial.waitFor({ state: 'detached' });
  });

  it('completes a contradiction by keyboard alone, the focus back on the button that opened it', async () => {
    const { page } = await openClaim('grain-deal', KEYS.reporter);
    const opener = page.getByRole('button', { name: 'Add contradiction' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const focused = () =>
      page.evaluate<string | null>(
        "document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent ?? null",
      );
    await eventually('the focus in the Kind field', focused, (name) => name === 'kind');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('by.name');
    await page.keyboard.type('Black Sea Fleet press office');
    await page.keyboard.press('Enter');
    await announced(page, 'Contradiction recorded by Black Sea Fleet press office.');
    await eventually('the focus back on “Add contradiction”', focused, (text) => text === 'Add contradiction');
    await eventuallyClaim('grain-deal', 'the dispute by keyboard', (claim) =>
      claim.contradictions.some(
        (development) => development.kind === 'dispute' && development.by.name === 'Black Sea Fleet press office',
      ),
    );
  });

  it('issues a verdict from the claim page beside the developments; the status follows', async () => {
    const { page } = await openClaim('grain-deal', KEYS.editor);
    await page.getByRole('button', { name: 'Verdict', exact: true }).click();
    await page.getByLabel('Verdict', { exact: true }).selectOption('refuted');
    await page.getByLabel('Rationale').fill('The ministry denied it on the record.');
    await page.getByRole('button', { name: 'Issue verdict' }).click();
    await announced(page, 'Verdict “Refuted” recorded.');
    await textOf(page.locator('.claim-header'), 'Refuted');
    await eventuallyClaim('grain-deal', 'the verdict', (claim) => claim.status === 'refuted');
  });

  it('records a support at 390 px wide, the form within the screen', async () => {
    const { page } = await openClaim('grain-deal', KEYS.reporter, { width: 390, height: 844 });
    await page.getByRole('button', { name: 'Add support' }).click();
    const support = form(page, /Add support/);
    await support.getByLabel('Kind of support').selectOption('confirmation');
    await byName(support).fill('Port of Odesa');
    await byKind(support).selectOption('organization');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'claim-support-390');
    await support.getByRole('button', { name: 'Record support' }).click();
    await announced(page, 'Support recorded by Port of Odesa.');
    await eventuallyClaim('grain-deal', 'the support from a phone', (claim) =>
      claim.supports.some(
        (development) => development.kind === 'confirmation' && development.by.name === 'Port of Odesa',
      ),
    );
  });
});
