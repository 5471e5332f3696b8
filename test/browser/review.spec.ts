import { Browser } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';
import { countOf, eventually } from './support/eventually';

const ARABIC_STATEMENT = 'الوثيقة جاهزة بنسبة مئة في المئة';

/** The review queue: what waits for a ruling, a verdict issued from it, and what the API refuses. */
describe('the desk in a browser: review queue', () => {
  let app: TestApp;
  let browser: Browser;
  let position: number;
  const pages: DeskPage[] = [];

  const record = async (method: string, url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request(method, url, { body, as });
    expect({ url, status: response.status }).toEqual({ url, status: 201 });
    position = Math.max(position, response.body.position);
    return response.body;
  };
  const claimStatus = async (id: string) =>
    (await app.request('GET', `/v1/claims/${id}?minPosition=${position}`, { as: 'reader' })).body.status;
  const openReview = async (key: string) => {
    const desk = await openDeskPage(browser);
    pages.push(desk);
    await desk.page.goto(`${app.baseUrl}/desk/review`);
    await enterApiKey(desk.page, key);
    await desk.page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    return desk;
  };
  const itemOf = (desk: DeskPage, text: string) => desk.page.locator('.review-item').filter({ hasText: text });

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    ({ lastPosition: position } = await recordSeed(app.baseUrl, KEYS.editor));
    await record('POST', '/v1/storylines', { id: 'rtl-check', title: 'فحص الاتجاه', summary: '', tags: [] });
    await record('POST', '/v1/storylines/rtl-check/claims', {
      id: 'arabic-claim',
      statement: ARABIC_STATEMENT,
      language: 'ar',
      claimant: { name: 'متحدث رسمي', kind: 'person' },
      attribution: 'on_record',
      occurredAt: '2026-01-27T10:00:00+02:00',
    });
    await record('POST', '/v1/claims/arabic-claim/contradictions', {
      by: { name: 'Reuters', kind: 'media' },
      kind: 'dispute',
      occurredAt: '2026-01-27T12:00:00+02:00',
    });
  });
  afterAll(async () => {
    for (const desk of pages) await desk.close();
    await browser?.close();
    await app?.close();
  });

  it('lists the disputed factual claims without a verdict, newest first, each statement in its own direction', async () => {
    const desk = await openReview(KEYS.reporter);
    const items = desk.page.locator('.review-item');
    await countOf(items, 2);
    const texts = await items.allInnerTexts();
    expect(texts[0]).toContain(ARABIC_STATEMENT);
    expect(texts.some((text) => text.includes('Financial Times'))).toBe(true);
    // Rutte's statement is disputed too, but it is an opinion: no verdict to issue.
    expect(texts.some((text) => text.includes('Mark Rutte'))).toBe(false);
    const arabic = itemOf(desk, ARABIC_STATEMENT).locator('blockquote');
    expect([await arabic.getAttribute('lang'), await arabic.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(await seriousAccessibilityViolations(desk.page)).toEqual([]);
  });

  it('shows a 403 plainly when a reporter key tries to issue a verdict, and records nothing', async () => {
    const [desk] = pages;
    const ft = itemOf(desk, 'Financial Times');
    await ft.getByRole('button', { name: 'Verdict', exact: true }).click();
    await ft.getByLabel('Verdict', { exact: true }).selectOption('refuted');
    await ft.getByLabel('Rationale').fill('Washington denied it on the record.');
    expect(await seriousAccessibilityViolations(desk.page)).toEqual([]);
    await ft.getByRole('button', { name: 'Issue verdict' }).click();
    const alert = ft.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Refused \(403 Forbidden\): .*editor role.*reporter/);
    expect(await claimStatus(SEED_CLAIMS.donbassCondition)).toBe('disputed');
    await screenshot(desk.page, 'review-403');
  });

  it('issues a verdict from the queue with an editor key; the claim leaves the queue', async () => {
    const desk = await openReview(KEYS.editor);
    const ft = itemOf(desk, 'Financial Times');
    // By keyboard: Enter on the button opens the form with the focus in its first field.
    await ft.getByRole('button', { name: 'Verdict', exact: true }).focus();
    await desk.page.keyboard.press('Enter');
    await eventually(
      'the focus in the Verdict field',
      () => desk.page.evaluate('document.activeElement?.id'),
      (id) => id === `verdict-${SEED_CLAIMS.donbassCondition}`,
    );
    await ft.getByLabel('Verdict', { exact: true }).selectOption('refuted');
    await ft.getByLabel('Rationale').fill('Washington denied it on the record; no second source.');
    await ft.getByLabel('Rationale').press('Tab');
    await desk.page.keyboard.press('Enter');
    await desk.page.getByRole('status').filter({ hasText: 'Verdict “Refuted” recorded' }).waitFor();
    await countOf(itemOf(desk, 'Financial Times'), 0);
    expect(await claimStatus(SEED_CLAIMS.donbassCondition)).toBe('refuted');
    await screenshot(desk.page, 'review-after-verdict');
  });

  it('brings a ruled claim back, flagged for review, when a development arrives after the verdict', async () => {
    const [, desk] = pages;
    await record('POST', `/v1/claims/${SEED_CLAIMS.donbassCondition}/supports`, {
      by: { name: 'Reuters', kind: 'media' },
      kind: 'corroboration',
      occurredAt: '2026-01-28T09:00:00+01:00',
    });
    const ft = itemOf(desk, 'Financial Times');
    await eventually(
      'the FT claim back in the queue',
      () => ft.count(),
      (count) => count === 1,
    );
    expect(await ft.innerText()).toMatch(/Refuted[\s\S]*Needs review/);
  });

  it('asks nothing of any other origin', () => {
    const origin = new URL(app.baseUrl).origin;
    const requests = pages.flatMap((desk) => desk.requests);
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });

  it('needs no key and asks for none when the service runs without API keys', async () => {
    const open = await startTestApp({ env: { API_KEYS: '' } });
    try {
      await recordSeed(open.baseUrl);
      const desk = await openDeskPage(browser);
      pages.push(desk);
      await desk.page.goto(`${open.baseUrl}/desk/storylines/${SEED_STORYLINES.guarantees}`);
      await desk.page.getByRole('heading', { level: 1, name: 'US–Ukraine security guarantees' }).waitFor();
      expect(await desk.page.getByLabel('API key').count()).toBe(0);
      expect(desk.requests.some((url) => url.includes('/v1/storylines'))).toBe(true);
    } finally {
      await open.close();
    }
  });
});
