import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** The layout of the tables below and of every generation's tables; a file of another layout is rebuilt from zero. */
export const READ_MODEL_LAYOUT = 1;

/**
 * Read models live in a SQLite file of their own. They can always be rebuilt from the log, so a
 * commit needs atomicity (rows and checkpoint together), not an fsync. The file says itself which
 * generation serves and how far it is: readers need nothing else to be right.
 */
export function openReadModelFile(file: string): Database.Database {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    prepare(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function prepare(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // A checkpoint fsyncs the file; with the default (every 1,000 pages) a live page of large claim rows paid for one every few commits.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    dropOtherLayouts(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS read_model_layout (version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS read_model_generations (
        generation INTEGER PRIMARY KEY,
        role       TEXT NOT NULL CHECK (role IN ('active', 'building')),
        versions   TEXT NOT NULL,
        checkpoint INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS read_model_status (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        build    TEXT,
        failure  TEXT
      );
      INSERT OR IGNORE INTO read_model_status (id) VALUES (1);
    `);
    if (!db.prepare('SELECT 1 FROM read_model_layout').get()) {
      db.prepare('INSERT INTO read_model_layout (version) VALUES (?)').run(READ_MODEL_LAYOUT);
    }
  }).immediate();
}

/** Opens the file for reading only; undefined until the projection worker has created it. */
export function openReadModelFileForReading(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Tables this service wrote under an earlier layout: generation tables and their bookkeeping. */
const READ_MODEL_TABLE =
  /^(g\d+_\w+|\w+_g\d+|read_model_\w+|projection_generations|projection_checkpoints(_v\d+)?|idempotency_keys)$/;

/** Tables of an earlier layout are dropped: they are rebuilt from the log. Tables not of ours are left alone. */
function dropOtherLayouts(db: Database.Database): void {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  const layout = tables.includes('read_model_layout')
    ? db.prepare<[], number>('SELECT version FROM read_model_layout').pluck().get()
    : undefined;
  if (layout === READ_MODEL_LAYOUT) return;
  for (const table of tables) {
    if (!READ_MODEL_TABLE.test(table)) continue;
    db.exec(`DROP TABLE IF EXISTS "${table.replace(/"/g, '""')}"`);
  }
}
