import Database from 'better-sqlite3';

/** Opens the embedded store's file: WAL for concurrent readers, synchronous=FULL so an acknowledged commit survives power loss. */
export function openEventDatabase(path: string): Database.Database {
  const db = new Database(path);
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
  return db;
}
