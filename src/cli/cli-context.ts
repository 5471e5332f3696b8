import Database from 'better-sqlite3';
import { Config, loadConfig } from '../config/config';
import { createEventStore, openStoredEventStore } from '../infrastructure/event-store/create-event-store';
import { EventStore } from '../application/ports/event-store.port';
import { openReadModelFile } from '../infrastructure/read-models/read-model-file';
import { StoreLock } from '../infrastructure/store-lock/store-lock';

/** What every CLI command works on: the same configuration variables as the server. */
export interface CliContext {
  config: Config;
  store: EventStore;
  /** The read-model file, opened (and created) on first use. */
  readModelFile(): Database.Database;
  close(): Promise<void>;
}

export interface CliContextOptions {
  /** The log's events exactly as stored (for export), not upcast to the current schema. */
  asStored?: boolean;
  /** A command that writes holds the store as a server does, under this name; one that only reads does not. */
  holdAs?: string;
  /** A command that appends many events at once (import): see SqliteEventStoreOptions. */
  bulk?: boolean;
}

export async function openCliContext({ asStored = false, holdAs, bulk }: CliContextOptions = {}): Promise<CliContext> {
  const config = loadConfig();
  const storeLock = holdAs === undefined ? undefined : StoreLock.hold(config, holdAs);
  const store = asStored ? await openStoredEventStore(config) : await createEventStore(config, { bulk });
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
      storeLock?.release();
    },
  };
}
