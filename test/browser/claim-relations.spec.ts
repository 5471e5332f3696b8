import { Browser } from 'playwright-core';
import { claimBody, developmentBody, party, storylineBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { textOf } from './support/eventually';

const DIVERS = 'Divers from a sailing yacht placed the charges.';
const STATE_ACTOR = 'A state actor placed the charges from a naval vessel.';
const THIRD = 'The pipeline burst by itself.';

/** A claim's related claims on the desk: each with its status, a rival's confirmation, and a duplicate's evidence merged. */
describe('the desk in a browser: related claims', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;
  let position = -1;

  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'editor') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    position = Math.max(position, response.body.position);
    return response.body.id as string;
  };
  const openClaim = async (id: string) => {
    await desk.page.goto(`${app.baseUrl}/desk/claims/${id}?minPosition=${position}`);
    await desk.page.getByRole('heading', { level: 1 }).waitFor();
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const sabotage = await send('/v1/storylines', storylineBody({ title: 'Pipeline sabotage' }));
    const investigation = await send('/v1/storylines', storylineBody({ title: 'The German investigation' }));
    await send(`/v1/storylines/${sabotage}/claims`, claimBody({ id: 'divers', statement: DIVERS }));
    await send(`/v1/storylines/${investigation}/claims`, claimBody({ id: 'divers-again', statement: DIVERS }));
    await send(`/v1/storylines/${investigation}/claims`, claimBody({ id: 'state-actor', statement: STATE_ACTOR }));
    await send(`/v1/storylines/${investigation}/claims`, claimBody({ id: 'a-third-theory', statement: THIRD }));
    await send('/v1/claims/divers/supports', developmentBody(party('Der Spiegel', 'media'), { kind: 'corroboration' }));
    await send('/v1/claims/divers-again/supports', developmentBody(party('ARD', 'media'), { kind: 'corroboration' }));
    await send('/v1/claims/divers-again/relations', { claimId: 'divers', relation: 'same_as' });
    await send('/v1/claims/state-actor/relations', { claimId: 'divers', relation: 'rival_of' });
    await send('/v1/claims/divers/verdict', { verdict: 'confirmed', rationale: 'The yacht was traced.' });
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(desk.page, KEYS.reader);
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('shows a duplicate in another storyline with its status, and merges the evidence of both records', async () => {
    await openClaim('divers-again');
    const related = desk.page.locator('section.related-claims');
    await textOf(related, 'The same claim, recorded again in another storyline');
    await textOf(related, 'Confirmed');
    expect(await related.getByRole('link', { name: DIVERS }).getAttribute('href')).toBe('/desk/claims/divers');

    await related.getByRole('button', { name: 'Merge the evidence of both records' }).click();
    const merged = related.locator('.merged-evidence');
    await textOf(merged, '1 from this record and 1 from the other');
    const list = await merged.locator('.developments').innerText();
    expect(list).toContain('ARD');
    expect(list).toContain('Der Spiegel');
    expect(
      await related.getByRole('button', { name: 'Show this record’s evidence only' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await seriousAccessibilityViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'claim-relations-merged');
  });

  it('says a rival needs review because a rival explanation was confirmed, and offers no merge for it', async () => {
    await openClaim('state-actor');
    await textOf(desk.page.locator('.needs-review-why'), `A rival explanation was confirmed: “${DIVERS}”`);
    const related = desk.page.locator('section.related-claims');
    await textOf(related, 'A rival explanation');
    await textOf(related, 'Confirmed');
    expect(await related.getByRole('button').count()).toBe(0);
    await textOf(desk.page.locator('.explanation-summary'), 'A rival explanation was confirmed (divers)');
  });

  it('relates the claim to another from its page, as an editor, and shows the rival at once', async () => {
    const editor = await openDeskPage(browser);
    try {
      await editor.page.goto(`${app.baseUrl}/desk/claims/a-third-theory?minPosition=${position}`);
      await enterApiKey(editor.page, KEYS.editor);
      await editor.page.getByRole('button', { name: 'Relate to a claim' }).click();
      await editor.page.getByRole('textbox', { name: 'Other claim' }).fill(`${app.baseUrl}/desk/claims/divers`);
      await editor.page.getByRole('combobox', { name: 'Relation' }).selectOption('rival_of');
      await editor.page.getByRole('button', { name: 'Relate', exact: true }).click();
      await textOf(editor.page.locator('.announcement'), 'Related to claim divers.');
      const related = editor.page.locator('section.related-claims');
      await textOf(related, 'A rival explanation');
      await textOf(related, 'Confirmed');
      await textOf(editor.page.locator('.needs-review-why'), 'A rival explanation was confirmed');
      expect(await seriousAccessibilityViolations(editor.page)).toEqual([]);
    } finally {
      await editor.close();
    }
  });
});
