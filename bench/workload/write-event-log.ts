import { AppendResult } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { EventLogGenerator, GeneratedEvent, LargeStoryline, LogShape } from './event-log-generator';

/** Appends submitted in one turn share one durable transaction (the store's group commit). */
const APPENDS_PER_COMMIT = 2000;

export interface WrittenLog {
  events: number;
  seconds: number;
  largeStoryline: LargeStoryline;
}

/**
 * Writes a generated log through the SQLite store's own append, one command's event per append with
 * its expected revision, as the service does, many appends per commit so a million takes seconds.
 * With `keep`, only the events it accepts: the same seed gives the same log less what it leaves out.
 */
export async function writeEventLog(
  sqlitePath: string,
  shape: LogShape,
  keep: (generated: GeneratedEvent) => boolean = () => true,
): Promise<WrittenLog> {
  const started = performance.now();
  const generator = new EventLogGenerator(shape);
  const store = new SqliteEventStore(sqlitePath);
  const revisions = new Map<string, number>();
  let pending: Array<Promise<AppendResult>> = [];
  let written = 0;
  try {
    for (const generated of generator.events()) {
      if (!keep(generated)) continue;
      const { streamId, event } = generated;
      const revision = revisions.get(streamId) ?? -1;
      pending.push(store.append(streamId, [event], revision === -1 ? 'no_stream' : revision));
      revisions.set(streamId, revision + 1);
      written += 1;
      if (pending.length === APPENDS_PER_COMMIT) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
  } finally {
    await store.close();
  }
  return { events: written, seconds: (performance.now() - started) / 1000, largeStoryline: generator.largeStoryline };
}
