import fs from 'node:fs';
import path from 'node:path';
import { WebhookStore } from '../../application/ports/webhook-store.port';
import { Config, ConfigError } from '../../config/config';
import { KurrentDbWebhookStore } from './kurrentdb/kurrentdb-webhook-store';
import { SqliteWebhookStore } from './sqlite/sqlite-webhook-store';

/** Beside the event store: its own SQLite file, or streams of their own in the same KurrentDB. */
export function createWebhookStore(config: Config): WebhookStore {
  if (config.eventStore === 'kurrentdb') {
    if (!config.kurrentdbConnectionString) {
      throw new ConfigError('KURRENTDB_CONNECTION_STRING', 'is required when EVENT_STORE=kurrentdb');
    }
    return KurrentDbWebhookStore.connect(config.kurrentdbConnectionString);
  }
  fs.mkdirSync(path.dirname(path.resolve(config.webhooks.sqlitePath)), { recursive: true });
  return new SqliteWebhookStore(config.webhooks.sqlitePath);
}
