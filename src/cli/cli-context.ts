import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Projection } from '../application/projections/projection';
import { Config, loadConfig } from '../config/config';
import { createEventStore, openStoredEventStore } from '../infrastructure/event-store/create-event-store';
import { EventStore } from '../application/ports/event-store.port';
import { openReadModelDatabase } from '../infrastructure/read-models/read-model-database';
import { createProjections } from '../infrastructure/read-models/read-models.module';

/** What every CLI command works on: the same configuration variables as the server. */
export interface CliContext {
  config: Config;
  store: EventStore;
  readModels(): { db: Database.Database; projections: Projection[] };
  close(): Promise<void>;
}

/** `asStored`: the log's events exactly as stored (for export), not upcast to the current schema. */
export async function openCliContext({ asStored = false } = {}): Promise<CliContext> {
  const config = loadConfig();
  const store = asStored ? await openStoredEventStore(config) : await createEventStore(config);
  let readModels: { db: Database.Database; projections: Projection[] } | undefined;
  return {
    config,
    store,
    readModels() {
      if (!readModels) {
        fs.mkdirSync(path.dirname(path.resolve(config.readModelPath)), { recursive: true });
        const db = openReadModelDatabase(config.readModelPath);
        readModels = { db, projections: [...createProjections(db)] };
      }
      return readModels;
    },
    async close() {
      await store.close();
      readModels?.db.close();
    },
  };
}
