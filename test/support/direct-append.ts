import { EventToAppend, ExpectedRevision } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { eventToAppend } from './event-to-append';

export interface RawEvent {
  type: string;
  data: unknown;
}

function withMetadata({ type, data }: RawEvent): EventToAppend {
  return eventToAppend(type, data, 'test-direct-append');
}

/**
 * Opens a second store on the running service's file, as another process (the CLI, an import)
 * would: the service only learns of what is appended here by following its log.
 */
export async function withSecondStore<T>(sqlitePath: string, work: (store: SqliteEventStore) => Promise<T>) {
  const store = new SqliteEventStore(sqlitePath);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function appendDirectly(
  sqlitePath: string,
  streamId: string,
  events: RawEvent[],
  expected: ExpectedRevision = 'any',
) {
  return withSecondStore(sqlitePath, (store) => store.append(streamId, events.map(withMetadata), expected));
}

/**
 * Writes a storyline with many claims straight into the log (valid events, as the service would
 * write them), so that a rebuild has enough pages to be watched while it runs. Returns the last position.
 */
export function appendBulkStoryline(sqlitePath: string, storylineId: string, claims: number, supportsEach: number) {
  const claimant = { id: 'kremlin', name: 'Kremlin', kind: 'government' };
  const supporter = { id: 'reuters', name: 'Reuters', kind: 'media' };
  const occurredAt = '2026-01-20T10:00:00+01:00';
  return withSecondStore(sqlitePath, async (store) => {
    const opened = { storylineId, title: `Bulk ${storylineId}`, summary: '', tags: ['bulk'] };
    await store.append(
      `storyline-${storylineId}`,
      [withMetadata({ type: 'StorylineOpened', data: opened })],
      'no_stream',
    );
    const appends = Array.from({ length: claims }, (_, index) => {
      const claimId = `${storylineId}-claim-${index}`;
      const recorded = {
        claimId,
        storylineId,
        statement: `Bulk claim ${index}`,
        language: 'en',
        claimant,
        attribution: 'official_statement',
        occurredAt,
        tags: [],
      };
      const supports = Array.from({ length: supportsEach }, () =>
        withMetadata({ type: 'ClaimSupported', data: { claimId, by: supporter, kind: 'corroboration', occurredAt } }),
      );
      const events = [withMetadata({ type: 'ClaimRecorded', data: recorded }), ...supports];
      return store.append(`claim-${claimId}`, events, 'no_stream');
    });
    const results = await Promise.all(appends);
    return Math.max(...results.map((result) => result.position));
  });
}
