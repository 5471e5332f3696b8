import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, StoredEvent } from '../../src/application/ports/event-store.port';
import { eventToAppend } from '../support/event-to-append';
import { CONDITION_DEADLINE_MS } from '../support/deadlines';

/**
 * A stream no earlier run has used: a KurrentDB database keeps every run's events. The name has
 * one of the service's prefixes, since the store ignores any other stream.
 */
export function freshStream(kind: 'claim' | 'storyline' = 'claim'): string {
  return `${kind}-contract-${randomUUID()}`;
}

/** An event type no earlier run has used, to find this test's events in a shared log. */
export function freshType(name = 'ProbeRecorded'): string {
  return `${name}${randomUUID().replace(/-/g, '')}`;
}

export function probe(type = 'ProbeRecorded', data: unknown = { note: 'probe' }): EventToAppend {
  return eventToAppend(type, data, 'contract-suite');
}

/** The log after `after`, page by page, keeping only the given streams' events. */
export async function readAllOf(store: EventStore, streams: string[], after: number): Promise<StoredEvent[]> {
  const wanted = new Set(streams);
  const found: StoredEvent[] = [];
  let from = after;
  for (;;) {
    const page = await store.readAll({ after: from, limit: 500 });
    found.push(...page.filter((event) => wanted.has(event.streamId)));
    if (page.length < 500) return found;
    from = page[page.length - 1].position;
  }
}

/** Retries `check` until it stops throwing; gives up after `timeoutMs` with its last error. */
export async function eventually(check: () => void, timeoutMs = CONDITION_DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Waits until `condition` holds; gives up after `timeoutMs`, naming what it waited for. */
export async function until(condition: () => boolean, timeoutMs = CONDITION_DEADLINE_MS): Promise<void> {
  await eventually(() => {
    if (!condition()) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
  }, timeoutMs);
}

export const comparable = ({ eventId, type, streamId, revision, data, metadata }: StoredEvent) => ({
  eventId,
  type,
  streamId,
  revision,
  data,
  metadata,
});
