import { EventStore } from '../ports/event-store.port';
import { AppendedGroups } from './appended-groups';
import { ExportedEvent, parseExportLine } from './exported-event';
import { ImportChecks } from './import-checks';
import { LoadedBatches } from './loaded-batches';

export interface ImportProgress {
  lines: number;
  appended: number;
}

export interface ImportOptions {
  /** Appends in flight at once, on a store without a bulk load (KurrentDB wants 1). */
  inFlight?: number;
  onProgress?(progress: ImportProgress): void;
}

/** Where admitted events go: the store's bulk load where it has one, else its appends. */
export interface ImportedEvents {
  /** Events stored so far. */
  readonly stored: number;
  /** Takes an admitted event; may wait while earlier ones are written, and fails with the store's first refusal. */
  add(event: ExportedEvent, line: number): Promise<void>;
  /** Writes what is left, unless the store refused an event: then fails with that refusal. */
  finish(): Promise<void>;
}

/**
 * Appends an export into a store, keeping streams, order, revisions and metadata. Each line is
 * checked before it is submitted (see ImportChecks): a refused line stops the import, the lines
 * before it are in the store and none after it. Events the store already holds at their revision
 * are skipped, so importing the same file twice changes nothing.
 */
export async function importLog(
  store: EventStore,
  lines: AsyncIterable<string>,
  options: ImportOptions = {},
): Promise<ImportProgress> {
  const checks = await ImportChecks.of(store);
  let line = 0;
  const report = () => options.onProgress?.({ lines: line, appended: events.stored });
  const events: ImportedEvents = store.bulkLoad
    ? new LoadedBatches(store.bulkLoad(), report)
    : new AppendedGroups(store, options.inFlight ?? 1, report);

  let failure: unknown;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === '') continue;
      const event = parseExportLine(text, line);
      if ((await checks.admit(event, line)) === 'present') report();
      else await events.add(event, line);
    }
  } catch (error) {
    failure = error;
  }
  // The lines before a refused one go in; a refusal of one of them by the store is the one named.
  await events.finish();
  if (failure !== undefined) throw failure;
  return { lines: line, appended: events.stored };
}
