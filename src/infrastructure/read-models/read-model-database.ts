import Database from 'better-sqlite3';
import { ProjectionTransaction } from '../../application/projections/projection';

export const READ_MODEL_DATABASE = Symbol('READ_MODEL_DATABASE');

/**
 * Read models live in their own SQLite file. They can always be rebuilt from the log, so
 * commits need atomicity (rows and checkpoint together) rather than an fsync each.
 * Each projection writes to tables of one generation (`claims_g3`); a rebuild fills the
 * next generation and switches to it in one transaction.
 */
export function openReadModelDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS projection_generations (
      name       TEXT PRIMARY KEY,
      generation INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS projection_checkpoints_v2 (
      name       TEXT NOT NULL,
      generation INTEGER NOT NULL,
      position   INTEGER NOT NULL,
      PRIMARY KEY (name, generation)
    );
  `);
  return db;
}

/**
 * One SQLite transaction around a page for all projections; each projection's own transaction nests
 * as a savepoint. IMMEDIATE takes the write lock first: a deferred transaction that read before
 * another connection (the service's idempotency records) committed would fail at its first write.
 */
export function readModelTransaction(db: Database.Database): ProjectionTransaction {
  return (work) => db.transaction(work).immediate();
}
