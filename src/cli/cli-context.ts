import Database from 'better-sqlite3';
import { Config, loadConfig } from '../config/config';
import { createEventStore } from '../infrastructure/event-store/create-event-store';
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

export async function openCliContext(): Promise<CliContext> {
  const config = loadConfig();
  const store = await createEventStore(config);
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
