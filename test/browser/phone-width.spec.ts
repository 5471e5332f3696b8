import fs from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_PARTIES, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { DeskPage, enterApiKey, openDeskPage, screenshot } from './support/desk-page';

/** The width of an iPhone 12 to 15: the narrowest screen the desk is held to. */
const PHONE = { width: 390, height: 844 };

/** An address for each route of the desk's router, and the forms opened on it. */
const PAGES: Record<string, { address: string; forms: string[] }> = {
  '/desk': { address: '/desk', forms: ['New storyline'] },
  '/desk/storylines/:id': {
    address: `/desk/storylines/${SEED_STORYLINES.guarantees}`,
    forms: ['Record claim', 'Edit storyline'],
  },
  '/desk/claims/:id': {
    address: `/desk/claims/${SEED_CLAIMS.donbassCondition}`,
    forms: ['Add support', 'Correct', 'Verdict', 'Record fact-check', 'Relate to a claim'],
  },
  '/desk/review': { address: '/desk/review', forms: [] },
  '/desk/parties': { address: '/desk/parties', forms: ['Register party'] },
  '/desk/parties/:id': {
    address: `/desk/parties/${SEED_PARTIES.dmitriev}`,
    forms: ['Revise party', 'Add affiliation', 'Discredit'],
  },
  // Its proposals at phone width, rows open, are test/browser/capture.spec.ts's.
  '/desk/capture': { address: `/desk/capture?storyline=${SEED_STORYLINES.guarantees}`, forms: [] },
};
const NOT_FOUND = '/desk/no-such-page';

/** The paths the router names, read from its source so that a new route without an entry above fails. */
function routerPaths(): string[] {
  const app = fs.readFileSync(path.resolve(__dirname, '../../desk/src/app.tsx'), 'utf8');
  return [...app.matchAll(/<Route path="([^"]+)"/g)].map((match) => match[1]);
}

/** How far the page reaches beyond the screen, and the first elements that stick out (a table cut off inside its box too). */
// A phone widens its layout viewport to fit what is too wide, so the screen's own width is the limit.
const OVERFLOW = `(() => {
  const innerWidth = window.innerWidth;
  const screenWidth = ${PHONE.width};
  const widest = [...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > screenWidth + 0.5)
    .slice(-5)
    .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' → ' + element.getBoundingClientRect().right);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, widest };
})()`;

const overflow = (page: Page) =>
  page.evaluate(OVERFLOW) as Promise<{ scrollWidth: number; innerWidth: number; widest: string[] }>;

async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.locator('.loading').first().waitFor({ state: 'hidden' });
}

describe('the desk in a browser: every page at 390 px', () => {
  let app: TestApp;
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await recordSeed(app.baseUrl, KEYS.editor);
    desk = await openDeskPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await desk.page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(desk.page, KEYS.editor);
    await desk.page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await app?.close();
  });

  it('has an address to try for every route of the router', () => {
    expect(routerPaths().sort()).toEqual(Object.keys(PAGES).sort());
  });

  it.each([...Object.entries(PAGES), ['not found', { address: NOT_FOUND, forms: [] }] as const])(
    '%s scrolls no wider than the screen, with its forms open too',
    async (route, { address, forms }) => {
      const { page } = desk;
      await page.goto(`${app.baseUrl}${address}`);
      await settled(page);
      const name = `phone${route.replace(/[/:]+/g, '-')}`;
      await screenshot(page, name);
      expect(await overflow(page)).toEqual(expect.objectContaining({ scrollWidth: PHONE.width, widest: [] }));
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      for (const form of forms) {
        const opener = page.getByRole('button', { name: form, exact: true }).first();
        await opener.click();
        await page.locator('form').first().waitFor();
        expect({ form, ...(await overflow(page)) }).toEqual(
          expect.objectContaining({ form, scrollWidth: PHONE.width, widest: [] }),
        );
        await opener.click();
      }
    },
  );
});
