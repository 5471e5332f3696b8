import Database from 'better-sqlite3';
import { Config, loadConfig } from '../config/config';
import { createEventStore, openStoredEventStore } from '../infrastructure/event-store/create-event-store';
import { EventStore } from '../application/ports/event-store.port';
import { openReadModelFile } from '../infrastructure/read-models/read-model-file';

/** What every CLI command works on: the same configuration variables as the server. */
export interface CliContext {
  config: Config;
  store: EventStore;
  /** The read-model file, opened (and created) on first use. */
  readModelFile(): Database.Database;
  close(): Promise<void>;
}

/** `asStored`: the log's events exactly as stored (for export), not upcast to the current schema. */
export async function openCliContext({ asStored = false } = {}): Promise<CliContext> {
  const config = loadConfig();
  const store = asStored ? await openStoredEventStore(config) : await createEventStore(config);
  let db: Database.Database | undefined;
  return {
    config,
    store,
    readModelFile() {
      db ??= openReadModelFile(config.readModelPath);
      return db;
    },
    async close() {
      await store.close();
      db?.close();
    },
  };
}
