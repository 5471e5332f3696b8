/**
 * The suite runs beside other work that keeps every core busy, so no wait here is a guess at how
 * fast something is: a test waits for a condition until a deadline far past anything a healthy run
 * needs, then fails naming what it waited for. Jest's own timeout sits above these deadlines, so the
 * named failure is the one that is seen.
 */

/** A condition inside a running service: projections live, a delivery, an event on a feed. */
export const CONDITION_DEADLINE_MS = 60_000;

/** A service process answering its first request (it may catch up on a long log first). */
export const SERVER_READY_DEADLINE_MS = 120_000;

/** Jest's bound on a test that starts service processes and waits on them several times. */
export const PROCESS_TEST_TIMEOUT_MS = 300_000;

/** Reads `probe` until its value `holds`; at the deadline it throws, naming what it waited for and what it last saw. */
export async function waitUntil<T>(
  what: string,
  probe: () => T | Promise<T>,
  holds: (value: T) => boolean,
  timeoutMs = CONDITION_DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
