import { Browser, Page } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, eventually, textOf } from './support/eventually';

const NEW_STORYLINE = 'Harbour strike in Gdańsk';
const NEW_CLAIMS = 7;
const WHY = 'A support by Reuters arrived after the verdict of 3 Mar 2026.';

/**
 * The desk at 8 a.m.: what changed since the editor last looked, as one line of counts that opens on
 * the claims that moved (and what moved them), those that need review (and why), and what is new;
 * the same why on the claim and in the review queue, with the deciding developments inline.
 */
describe('the desk in a browser: what changed, and why a claim needs review', () => {
  let app: TestApp;
  let browser: Browser;
  const pages: DeskPage[] = [];

  const write = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'editor') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    return response.body as { id: string; position: number };
  };
  const open = async (path: string, viewport = { width: 1280, height: 900 }) => {
    const desk = await openDeskPage(browser, { viewport });
    pages.push(desk);
    await desk.page.goto(`${app.baseUrl}${path}`);
    await enterApiKey(desk.page, KEYS.editor);
    return desk;
  };
  const panelOf = (page: Page) => page.locator('section.changes-panel');

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await recordSeed(app.baseUrl, KEYS.editor);
  });
  afterAll(async () => {
    for (const desk of pages) await desk.close();
    await browser?.close();
    await app?.close();
  });

  it('sums up the night in one line that opens: claims moved and by what, why one needs review, what is new, storylines opened apart', async () => {
    const { page } = await open('/desk');
    const panel = panelOf(page);
    await panel.getByRole('button', { name: 'Mark everything seen' }).click();
    await textOf(panel.locator('.changes-summary'), 'nothing has changed');

    // Overnight: a denial, a verdict with a support after it, and a storyline opened with its claims.
    await write(
      `/v1/claims/${SEED_CLAIMS.localitiesCaptured}/contradictions`,
      {
        by: { name: 'Ukrainian General Staff', kind: 'government' },
        kind: 'denial',
        occurredAt: '2026-01-28T09:00:00+01:00',
      },
      'reporter',
    );
    await write(`/v1/claims/${SEED_CLAIMS.donbassCondition}/verdict`, {
      verdict: 'misleading',
      rationale: 'The condition is one of several under discussion.',
      occurredAt: '2026-03-03T10:00:00+01:00',
    });
    await write(
      `/v1/claims/${SEED_CLAIMS.donbassCondition}/supports`,
      {
        by: { name: 'Reuters', kind: 'media' },
        kind: 'corroboration',
        occurredAt: '2026-03-04T00:00:00+01:00',
        occurredAtPrecision: 'day',
        source: { url: 'https://news.example.org/reuters-donbass' },
      },
      'reporter',
    );
    const storyline = await write(
      '/v1/storylines',
      { title: NEW_STORYLINE, summary: 'Dockers stop work.', tags: [] },
      'reporter',
    );
    for (let index = 1; index <= NEW_CLAIMS; index += 1) {
      await write(
        `/v1/storylines/${storyline.id}/claims`,
        {
          statement: `The strike closes berth ${index}.`,
          language: 'en',
          claimant: { name: 'Port authority', kind: 'organization' },
          attribution: 'official_statement',
          occurredAt: '2026-03-02T00:00:00+01:00',
          occurredAtPrecision: 'day',
        },
        'reporter',
      );
    }

    // The panel follows the live feed; it stays one line until opened.
    const summary = panel.locator('.changes-summary');
    // The counts arrive from two requests (what changed, and what needs review): wait for the whole line.
    await textOf(summary, /^Since you marked everything seen .+: 2 claims moved, 1 needs review, 7 new claims, /);
    const line = await summary.innerText();
    expect(line).toContain('1 storyline opened');
    expect(await panel.locator('.changes-lists').count()).toBe(0);
    const toggle = panel.getByRole('button', { name: 'Show what changed' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await panel.getByRole('button', { name: 'Hide the details' }).getAttribute('aria-expanded')).toBe('true');

    // Each claim that moved, old → new, and the development that moved it, named and linked.
    const moved = panel.locator('.changes-claims li').filter({ hasText: 'Russland hat im Januar 17 Ortschaften' });
    await textOf(moved, /Unverified\s+→\s*now\s+Disputed/);
    const movedBy = moved.locator('.moved-by a');
    await textOf(movedBy, 'Ukrainian General Staff contradicted a claim (denial)');
    expect(await movedBy.getAttribute('href')).toMatch(
      new RegExp(`^/desk/claims/${SEED_CLAIMS.localitiesCaptured}#event-[0-9a-f-]+$`),
    );
    const ruled = panel.locator('.changes-claims li').filter({ hasText: 'Sicherheitsgarantien' });
    await textOf(ruled.locator('.moved-by a'), 'Desk verdict: misleading');
    expect(await ruled.innerText()).toContain(`Needs review: ${WHY}`);

    // Why it needs review, in the panel too.
    await textOf(panel.locator('.changes-review li'), WHY);

    // A storyline only opened is not a status change.
    expect(await panel.locator('.changes-storylines').innerText()).not.toContain(NEW_STORYLINE);
    expect(await panel.locator('.changes-opened').innerText()).toContain(NEW_STORYLINE);

    // "…and N more" is a button that shows the rest.
    const added = panel.locator('.changes-added > li');
    await countOf(added, 5);
    const more = panel.getByRole('button', { name: '…and 2 more' });
    await more.click();
    await countOf(added, NEW_CLAIMS);
    await panel.getByRole('button', { name: 'Show fewer' }).waitFor();

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'what-changed-open');

    // The link leads to the event's line among those that decided the claim.
    await movedBy.click();
    await page.getByRole('heading', { level: 1, name: /Claim by Russland/ }).waitFor();
    const target = page.locator('.deciding-events li.linked');
    await textOf(target, 'Ukrainian General Staff contradicted a claim (denial)');
  });

  it('says on the claim why it needs review, with the developments since the verdict and the verdict’s date without an hour', async () => {
    const { page } = await open(`/desk/claims/${SEED_CLAIMS.donbassCondition}`);
    const why = page.locator('.claim-header .needs-review-why');
    await textOf(why, `Needs review: ${WHY}`);
    expect(await why.innerText()).not.toMatch(/\d{1,2}:\d{2}/);
    const since = page.getByRole('list', { name: 'Developments since the verdict' });
    await textOf(since, /Reuters supports it \(corroboration\), 4 Mar 2026, time not given/);
    expect(await page.locator('.needs-review-why').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows in the review queue why each claim waits and its deciding development inline', async () => {
    const { page } = await open('/desk/review');
    const ruled = page.locator('.review-list > li').filter({ hasText: 'Sicherheitsgarantien' });
    await textOf(ruled.locator('.needs-review-why'), WHY);
    await textOf(
      ruled.getByRole('list', { name: 'Developments since the verdict' }),
      'Reuters supports it (corroboration)',
    );
    expect(await ruled.getByRole('link', { name: /the source/ }).getAttribute('href')).toBe(
      'https://news.example.org/reuters-donbass',
    );
    const disputed = page.locator('.review-list > li').filter({ hasText: 'Russland hat im Januar 17 Ortschaften' });
    await textOf(
      disputed.getByRole('list', { name: 'The developments that decide its status' }),
      'Ukrainian General Staff contradicts it (denial), 28 Jan 2026, 09:00 CET',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'review-queue-why');
  });

  it('on a phone, puts the storylines first and what changed after them', async () => {
    const { page } = await open('/desk', { width: 390, height: 844 });
    const rows = page.locator('.storyline-list > li');
    await countOf(rows, Object.keys(SEED_STORYLINES).length + 1);
    const panel = panelOf(page);
    await textOf(panel.locator('.changes-summary'), /new claims/);
    const first = await rows.first().boundingBox();
    const last = await rows.last().boundingBox();
    const panelBox = await panel.boundingBox();
    expect(first && first.y < 844).toBe(true);
    expect(last && panelBox && panelBox.y > last.y).toBe(true);
    // In the document's order too, so the keyboard and a screen reader meet them the same way.
    await eventually(
      'the panel after the list in the document',
      () =>
        page.evaluate<boolean>(
          `Boolean(document.querySelector('.storyline-list').compareDocumentPosition(document.querySelector('section.changes-panel')) & Node.DOCUMENT_POSITION_FOLLOWING)`,
        ),
      (after) => after,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'what-changed-phone');
  });
});
