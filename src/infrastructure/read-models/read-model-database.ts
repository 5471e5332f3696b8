import Database from 'better-sqlite3';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

/**
 * Read models live in their own SQLite file. They can always be rebuilt from the log, so
 * commits need atomicity (rows and checkpoint together) rather than an fsync each.
 */
export function openReadModelDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name       TEXT PRIMARY KEY,
      position   INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
  return db;
}
