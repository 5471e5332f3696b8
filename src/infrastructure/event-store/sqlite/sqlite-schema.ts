import Database from 'better-sqlite3';
import { headerDamage } from '../../sqlite-files/header-damage';
import { DamagedEventStoreError, isDamage } from './damaged-event-store';

/**
 * Opens the embedded store's file: WAL for concurrent readers, synchronous=FULL so an acknowledged
 * commit survives power loss. A damaged file is refused with DamagedEventStoreError, before anything reads it.
 */
export function openEventDatabase(path: string, options: { bulk?: boolean } = {}): Database.Database {
  const damage = headerDamage(path);
  if (damage) throw new DamagedEventStoreError(path, damage);
  try {
    const db = openChecked(path);
    // The event-id index of a large log outgrows the default cache (2 MB), and a bulk writer's random ids touch all of it.
    if (options.bulk) db.pragma(`cache_size = -${BULK_CACHE_KB}`);
    return db;
  } catch (error) {
    if (isDamage(error)) throw new DamagedEventStoreError(path, (error as Error).message);
    throw error;
  }
}

const BULK_CACHE_KB = 64 * 1024;

function openChecked(path: string): Database.Database {
  const db = new Database(path);
  try {
    return prepared(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepared(db: Database.Database): Database.Database {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position  INTEGER PRIMARY KEY,
      event_id  TEXT NOT NULL UNIQUE,
      stream_id TEXT NOT NULL,
      revision  INTEGER NOT NULL,
      type      TEXT NOT NULL,
      data      TEXT NOT NULL,
      metadata  TEXT NOT NULL,
      UNIQUE (stream_id, revision)
    );
  `);
  // Walks the table's rightmost pages and the schema: a damaged tree usually shows here.
  db.prepare('SELECT MAX(position) FROM events').get();
  return db;
}
