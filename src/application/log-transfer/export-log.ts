import { EventStore, StoredEvent } from '../ports/event-store.port';

export const EXPORT_PAGE_SIZE = 5000;

/** The log in position order (after a position, or whole), a page at a time: a million events never sit in memory at once. */
export async function* readWholeLog(
  store: EventStore,
  pageSize = EXPORT_PAGE_SIZE,
  from = -1,
): AsyncGenerator<StoredEvent[]> {
  let after = from;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}
