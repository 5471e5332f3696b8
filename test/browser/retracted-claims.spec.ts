import { Browser } from 'playwright-core';
import { claimBody, developmentBody, party, storylineBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { textOf } from './support/eventually';
import { KeyRole, postCreated } from '../support/http-client';

const spiegel = party('Der Spiegel', 'media', 'der-spiegel');

/** A storyline whose only factual claim its reporter retracted: the desk heads it developing and says so. */
describe('the desk in a browser: retracted claims', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const send = (url: string, body: unknown, as: KeyRole = 'reporter') => postCreated(app, url, body, as);
    await send('/v1/parties', { ...spiegel, aliases: ['Spiegel'] }, 'editor');
    await send('/v1/storylines', storylineBody({ id: 'nord-stream', title: 'Nord Stream sabotage', tags: ['baltic'] }));
    await send(
      '/v1/storylines/nord-stream/claims',
      claimBody({
        id: 'yacht-andromeda',
        statement: 'A team on the yacht Andromeda placed the charges.',
        language: 'en',
        claimant: party('Officials familiar with the investigation', 'anonymous', 'officials-familiar'),
        attribution: 'anonymous',
        anonymousSourceCount: 3,
        reportedBy: spiegel,
      }),
    );
    // Retracted under the registry's alias: the claim's page names the registered party beside it.
    await send('/v1/claims/yacht-andromeda/retraction', developmentBody(party('Spiegel', 'media')));
    desk = await openDeskPage(browser);
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('lists the storyline as developing with its retracted claim counted, and says so on the storyline', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(page, KEYS.reader);
    const row = page.locator('.storyline-list > li').filter({ hasText: 'Nord Stream sabotage' });
    await textOf(row.locator('.badge').first(), 'Developing');
    await textOf(row.locator('.badge-retracted'), '1 claim retracted, no verdict yet');

    await row.getByRole('link', { name: 'Nord Stream sabotage' }).click();
    const header = page.locator('.storyline-header');
    await textOf(header.locator('.badge').first(), 'Developing');
    await textOf(header.locator('.badge-retracted'), '1 claim retracted, no verdict yet');
    await textOf(page.locator('.why .deciding'), /A team on the yacht Andromeda placed the charges/);
    expect(await page.locator('.why .notice').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storyline-retracted-claims');
  });

  it('names the party a retraction under an alias came from, as the registry has it', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/claims/yacht-andromeda`);
    const retraction = page.locator('.retraction');
    await textOf(retraction, /Withdrawn by Spiegel →\s*, in the registry:\s*Der Spiegel/);
    expect(await retraction.getByRole('link', { name: 'Der Spiegel' }).getAttribute('href')).toMatch(
      /\/desk\/parties\/der-spiegel$/,
    );
  });
});
