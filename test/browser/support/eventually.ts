import { Locator } from 'playwright-core';
import { CONDITION_DEADLINE_MS } from '../../support/deadlines';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `accept` is true; at the deadline it throws, naming what it waited for and what it last saw. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = CONDITION_DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; last saw ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

export const countOf = (locator: Locator, count: number, timeoutMs?: number) =>
  eventually(
    `${count} × ${String(locator)}`,
    () => locator.count(),
    (value) => value === count,
    timeoutMs,
  );

export const textOf = (locator: Locator, text: string | RegExp, timeoutMs?: number) =>
  eventually(
    `${String(locator)} to read ${String(text)}`,
    async () => ((await locator.count()) > 0 ? locator.first().innerText() : ''),
    (value) => (typeof text === 'string' ? value.includes(text) : text.test(value)),
    timeoutMs,
  );
