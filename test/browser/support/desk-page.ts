import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CONDITION_DEADLINE_MS } from '../../support/deadlines';

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../test-artifacts/browser');

export interface DeskPage {
  page: Page;
  context: BrowserContext;
  /** Every address the page asked for, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions, so a test can insist on none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (its own sessionStorage) with one page, recording what the page asks for;
 * `options` set another locale, zone or viewport.
 */
export async function openDeskPage(browser: Browser, options: BrowserContextOptions = {}): Promise<DeskPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    ...options,
  });
  context.setDefaultTimeout(CONDITION_DEADLINE_MS);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, requests, errors, close: () => context.close() };
}

/** Through the page's own prompt, as a person would: once per tab. */
export async function enterApiKey(page: Page, key: string): Promise<void> {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Open the desk' }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
