import fs from 'node:fs';
import path from 'node:path';
import { STREAM_PREFIXES } from '../../application/events/factline-event';
import { Config, ConfigError } from '../../config/config';
import { EventStore } from '../../application/ports/event-store.port';
import { describe } from './kurrentdb/kurrentdb-errors';
import { KurrentDbEventStore, PING_TIMEOUT_MS } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { writerThreadAvailable } from './sqlite/sqlite-writer-thread';
import { UpcastingEventStore } from './upcasting-event-store';

interface OpenOptions {
  /** For a writer of many appends at once (an import): the embedded store commits them in larger transactions. */
  bulk?: boolean;
}

const KURRENTDB_VARIABLE = 'KURRENTDB_CONNECTION_STRING';

/** The configured store; every event read from it has the shape of the current schema. */
export async function createEventStore(config: Config, options: OpenOptions = {}): Promise<EventStore> {
  return new UpcastingEventStore(await openStoredEventStore(config, options));
}

/** The configured store with events exactly as they were stored, older schemas included: for copying the log as it is. */
export async function openStoredEventStore(config: Config, { bulk }: OpenOptions = {}): Promise<EventStore> {
  if (config.eventStore === 'kurrentdb')
    return connectKurrentDb(config.kurrentdbConnectionString, config.kurrentdbMaxAppendBytes);
  fs.mkdirSync(path.dirname(path.resolve(config.sqlitePath)), { recursive: true });
  return new SqliteEventStore(config.sqlitePath, {
    writerThread: config.workerThreads && writerThreadAvailable(),
    bulk,
  });
}

/** Fails start-up within PING_TIMEOUT_MS, with one line naming the variable, when the server cannot be reached. */
async function connectKurrentDb(connectionString: string | undefined, maxAppendBytes: number): Promise<EventStore> {
  if (!connectionString) throw new ConfigError(KURRENTDB_VARIABLE, 'is required when EVENT_STORE=kurrentdb');
  let store: KurrentDbEventStore;
  try {
    store = KurrentDbEventStore.connect(connectionString, STREAM_PREFIXES, maxAppendBytes);
  } catch (error) {
    throw new ConfigError(KURRENTDB_VARIABLE, `is not a usable connection string: ${describe(error)}`);
  }
  try {
    await store.ping(PING_TIMEOUT_MS);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new ConfigError(
      KURRENTDB_VARIABLE,
      `names a KurrentDB that cannot be reached (${withoutPassword(connectionString)}): ${describe(error)}`,
    );
  }
  return store;
}

function withoutPassword(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]*@/, '//***@');
}
