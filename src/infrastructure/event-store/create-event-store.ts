import fs from 'node:fs';
import path from 'node:path';
import { Config, ConfigError } from '../../config/config';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export async function createEventStore(config: Config): Promise<EventStore> {
  if (config.eventStore === 'kurrentdb') {
    throw new ConfigError('EVENT_STORE', 'kurrentdb is not available in this build');
  }
  fs.mkdirSync(path.dirname(path.resolve(config.sqlitePath)), { recursive: true });
  return new SqliteEventStore(config.sqlitePath);
}
