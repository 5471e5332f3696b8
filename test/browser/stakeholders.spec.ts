import { Browser } from 'playwright-core';
import { claimBody, developmentBody, party, storylineBody } from '../support/fixtures';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, textOf } from './support/eventually';

const DEVELOPMENT_TIME = '2026-01-27T12:00:00+01:00';

/** Interested parties on the desk: the storyline's stakeholders, and the marks they leave on a claim. */
describe('the desk in a browser: stakeholders', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;
  let storylineId: string;
  let claimId: string;

  const send = async (method: string, url: string, body: unknown) => {
    const response = await app.request(method, url, { body, as: 'editor' });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    return response.body as { id: string };
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    storylineId = (await send('POST', '/v1/storylines', storylineBody({ title: 'Nord Stream sabotage' }))).id;
    await send('POST', '/v1/parties', { id: 'kremlin', name: 'Kremlin', kind: 'government' });
    await send('POST', '/v1/parties', { id: 'us-government', name: 'US government', kind: 'government' });
    const usGovernment = party('US government', 'government', 'us-government');
    claimId = (await send('POST', `/v1/storylines/${storylineId}/claims`, claimBody({ about: [usGovernment] }))).id;
    await send(
      'POST',
      `/v1/claims/${claimId}/supports`,
      developmentBody(party('Kremlin', 'government', 'kremlin'), {
        kind: 'corroboration',
        occurredAt: DEVELOPMENT_TIME,
      }),
    );
    await send(
      'POST',
      `/v1/claims/${claimId}/contradictions`,
      developmentBody(usGovernment, { kind: 'denial', occurredAt: DEVELOPMENT_TIME }),
    );
    desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk/storylines/${storylineId}`);
    await enterApiKey(desk.page, KEYS.editor);
    await desk.page.getByRole('heading', { level: 1, name: 'Nord Stream sabotage' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  const stakeholders = () => desk.page.locator('.stakeholder-list > li');

  it('lets an editor name a stakeholder with its reason, lists it, and marks its support on the claim', async () => {
    const { page } = desk;
    const section = page.getByRole('region', { name: 'Stakeholders' });
    await textOf(section, /No stakeholders named/);
    await section.getByRole('button', { name: 'Name stakeholder' }).click();
    const party = page.getByRole('combobox', { name: 'Party' });
    await party.fill('Kreml');
    await page.locator('#name-stakeholder').getByRole('option', { name: /Kremlin/ }).click();
    await textOf(page.locator('.picker-status'), 'Registered party: Kremlin');
    await page.getByLabel('Why it has a stake').fill('a belligerent of the war');
    await page.getByRole('button', { name: 'Name stakeholder' }).last().click();
    await countOf(stakeholders(), 1);
    await textOf(stakeholders().first(), /^Kremlin has a stake in this story: a belligerent of the war/);
    expect(await stakeholders().first().getByRole('link', { name: 'Kremlin' }).getAttribute('href')).toBe(
      '/desk/parties/kremlin',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'stakeholders');

    await page.goto(`${app.baseUrl}/desk/claims/${claimId}`);
    await textOf(page.locator('.facts'), /About\s*US government/i);
    const support = page.locator('.development-support');
    await textOf(support, /Interested party: Kremlin has a stake in this story: a belligerent of the war/);
    await textOf(support, /Does not count/);
    const denial = page.locator('.development-contradiction');
    await textOf(denial, /denial by the subject/);
    await textOf(denial, /Counts/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'claim-stakeholder-support');
  });

  it('does not send a stakeholder typed by a name nobody registered, and says so beside the field', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/storylines/${storylineId}`);
    const section = page.getByRole('region', { name: 'Stakeholders' });
    await section.getByRole('button', { name: 'Name stakeholder' }).click();
    await page.getByRole('combobox', { name: 'Party' }).fill('Nobody at all');
    await page.getByLabel('Why it has a stake').fill('none');
    await page.getByRole('button', { name: 'Name stakeholder' }).last().click();
    await textOf(page.locator('#name-stakeholder'), /“Nobody at all” is not a registered party/);
    await countOf(stakeholders(), 1);
    await page.keyboard.press('Escape');
  });

  it('lets an editor remove the stakeholder, after which the support counts again', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/storylines/${storylineId}`);
    await page.getByRole('button', { name: 'Remove stakeholder Kremlin' }).click();
    await countOf(stakeholders(), 0);
    await textOf(page.getByRole('region', { name: 'Stakeholders' }), /No stakeholders named/);
    await page.getByRole('status').getByText('Kremlin is no longer a stakeholder.').waitFor();

    await page.goto(`${app.baseUrl}/desk/claims/${claimId}`);
    const support = page.locator('.development-support');
    await textOf(support, /Counts: /);
    expect(await support.innerText()).not.toContain('Interested party');
  });

  it('records the party a claim is about from the claim form', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/storylines/${storylineId}`);
    await page.getByRole('button', { name: 'Record claim' }).click();
    const form = page.getByRole('form', { name: 'Record claim' });
    await form.getByLabel('Statement').fill('Washington knew of the plan in advance.');
    await form
      .getByRole('group', { name: /^Claimant/ })
      .getByLabel(/^Name/)
      .fill('Seymour Hersh');
    await form
      .getByRole('group', { name: /^About/ })
      .getByLabel(/^Name/)
      .fill('US government');
    await form.getByRole('button', { name: 'Record claim' }).click();
    await page.getByRole('status').getByText('Claim recorded.').waitFor();
    const about = await app.request('GET', '/v1/parties/us-government/claims?role=about', { as: 'reader' });
    const recorded = (about.body.items as Array<{ claimId: string; statement: string }>).find(
      (item) => item.statement === 'Washington knew of the plan in advance.',
    );
    expect(recorded).toBeDefined();
    await page.goto(`${app.baseUrl}/desk/claims/${recorded?.claimId}`);
    await textOf(page.locator('.facts'), /About\s*US government/i);
  });

  it('names stakeholders, subjects and co-authors by their registered names, in any script', async () => {
    const { page } = desk;
    const gazprom = party('Газпром', 'organization', 'gazprom');
    const novayaGazeta = party('Новая газета', 'media', 'novaya-gazeta');
    const meduza = party('Медуза', 'media', 'meduza');
    for (const registered of [gazprom, novayaGazeta, meduza]) await send('POST', '/v1/parties', registered);
    const pipeline = (
      await send('POST', '/v1/storylines', storylineBody({ id: 'severny-potok', title: 'Северный поток' }))
    ).id;
    const claim = (
      await send('POST', `/v1/storylines/${pipeline}/claims`, claimBody({ reportedBy: novayaGazeta, about: [gazprom] }))
    ).id;
    await send('POST', `/v1/storylines/${pipeline}/stakeholders`, {
      partyId: 'gazprom',
      reason: 'владелец трубопровода',
    });
    await send('POST', `/v1/claims/${claim}/supports`, developmentBody(gazprom, { kind: 'corroboration' }));
    await send(
      'POST',
      `/v1/claims/${claim}/supports`,
      developmentBody(meduza, { kind: 'evidence', with: [novayaGazeta] }),
    );

    await page.goto(`${app.baseUrl}/desk/storylines/${pipeline}`);
    await page.getByRole('heading', { level: 1, name: 'Северный поток' }).waitFor();
    await textOf(stakeholders().first(), /^Газпром has a stake in this story: владелец трубопровода/);
    const link = stakeholders().first().getByRole('link', { name: 'Газпром' });
    expect(await link.getAttribute('href')).toBe('/desk/parties/gazprom');
    expect(await stakeholders().first().innerText()).not.toContain('gazprom');
    await page.getByRole('button', { name: 'Remove stakeholder Газпром' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'stakeholders-cyrillic');

    await page.goto(`${app.baseUrl}/desk/claims/${claim}`);
    await textOf(page.locator('.facts'), /About\s*Газпром/i);
    await textOf(page.locator('.facts'), /Reported by\s*Новая газета/i);
    const supports = page.locator('.development-support');
    await countOf(supports, 2);
    await textOf(supports.first(), /Interested party: Газпром has a stake in this story: владелец трубопровода/);
    await textOf(supports.last(), /Joint reporting by Медуза and Новая газета/);
    await textOf(supports.last(), /written jointly with Новая газета: Новая газета reported the claim/);
    const shown = await page.locator('main').innerText();
    for (const id of ['gazprom', 'novaya-gazeta', 'meduza']) expect(shown).not.toContain(id);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'claim-stakeholder-cyrillic');
  });

  it('shows a stakeholder under the name the registry gave it at the moment a past view shows', async () => {
    const { page } = desk;
    const named = await app.request('GET', '/v1/storylines/severny-potok', { as: 'reader' });
    const asOf = (named.body as { updatedAt: string }).updatedAt;
    const renamed = await app.request('PATCH', '/v1/parties/gazprom', {
      body: { name: 'ПАО «Газпром»' },
      as: 'editor',
    });
    expect(renamed.status).toBe(200);

    await page.goto(`${app.baseUrl}/desk/storylines/severny-potok`);
    await textOf(stakeholders().first(), /^ПАО «Газпром» has a stake in this story/);
    await page.goto(`${app.baseUrl}/desk/storylines/severny-potok?asOf=${encodeURIComponent(asOf)}`);
    await textOf(stakeholders().first(), /^Газпром has a stake in this story/);
    const link = stakeholders().first().getByRole('link', { name: 'Газпром' });
    expect(await link.getAttribute('href')).toBe(`/desk/parties/gazprom?asOf=${encodeURIComponent(asOf)}`);
  });

  it('follows a rename of a stakeholder while the storyline page is open', async () => {
    const { page } = desk;
    await page.goto(`${app.baseUrl}/desk/storylines/severny-potok`);
    await textOf(stakeholders().first(), /^ПАО «Газпром» has a stake in this story/);
    const renamed = await app.request('PATCH', '/v1/parties/gazprom', {
      body: { name: 'Газпром нефть' },
      as: 'editor',
    });
    expect(renamed.status).toBe(200);
    await textOf(stakeholders().first(), /^Газпром нефть has a stake in this story/);
    expect(page.url()).toBe(`${app.baseUrl}/desk/storylines/severny-potok`);
  });
});
