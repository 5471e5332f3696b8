import { EventStore, StoredEvent } from '../../ports/event-store.port';

const PAGE_SIZE = 1000;

/** The events of (after, upTo], at most `maxEvents` of them; `next` is where the window ends. */
export interface ChangeWindow {
  events: StoredEvent[];
  next: number;
  /** Whether events in (next, upTo] were left for a later window. */
  truncated: boolean;
}

/** Reads the window of the log once, a page at a time. */
export async function readWindow(
  store: EventStore,
  after: number,
  upTo: number,
  maxEvents: number,
): Promise<ChangeWindow> {
  const events: StoredEvent[] = [];
  let from = after;
  for (;;) {
    const limit = Math.min(PAGE_SIZE, maxEvents - events.length);
    if (limit === 0) break;
    const page = await store.readAll({ after: from, limit });
    const inWindow = page.filter((event) => event.position <= upTo);
    events.push(...inWindow);
    if (page.length < limit || inWindow.length < page.length) return { events, next: upTo, truncated: false };
    from = page[page.length - 1].position;
  }
  const [beyond] = await store.readAll({ after: from, limit: 1 });
  if (!beyond || beyond.position > upTo) return { events, next: upTo, truncated: false };
  return { events, next: from, truncated: true };
}

/**
 * The last position recorded at or before the instant (knowledge time, `recordedAt`), at most
 * `upTo`; -1 when the log holds nothing that old. Exact while `recordedAt` grows along the log,
 * which one writer keeps up to the milliseconds between a command taking its time and its batch
 * being committed.
 */
export async function lastPositionRecordedBy(store: EventStore, instant: string, upTo: number): Promise<number> {
  if (upTo < 0) return -1;
  const limit = Date.parse(instant);
  return store.positionsAreCounters ? searchCounters(store, limit, upTo) : walkBack(store, limit, upTo);
}

/** Where every whole number is a position: a binary search, one event read per step. */
async function searchCounters(store: EventStore, limit: number, upTo: number): Promise<number> {
  // Every event up to `known` was recorded by then; none from `unknownFrom` on is counted.
  let known = -1;
  let unknownFrom = upTo + 1;
  while (unknownFrom - known > 1) {
    const middle = Math.floor((known + unknownFrom) / 2);
    const [first] = await store.readAll({ after: middle - 1, limit: 1 });
    if (first && first.position < unknownFrom && Date.parse(first.metadata.recordedAt) <= limit) {
      known = first.position;
    } else {
      unknownFrom = middle;
    }
  }
  return known;
}

/**
 * Where positions are byte offsets and only an event's own may be read from: pages of real events,
 * newest first from `upTo`, until one recorded by then. Its reads grow with the events recorded
 * after the instant, which a what-changed-since answer reads forward anyway.
 */
async function walkBack(store: EventStore, limit: number, upTo: number): Promise<number> {
  // The backward read excludes its start: begin at the event after `upTo`, or at the log's end.
  const [next] = await store.readAll({ after: upTo, limit: 1 });
  let before = next ? next.position : Infinity;
  for (;;) {
    const page = await store.readAll({ before, limit: PAGE_SIZE });
    for (const event of page) {
      if (event.position <= upTo && Date.parse(event.metadata.recordedAt) <= limit) return event.position;
    }
    if (page.length < PAGE_SIZE) return -1;
    before = page[page.length - 1].position;
  }
}
