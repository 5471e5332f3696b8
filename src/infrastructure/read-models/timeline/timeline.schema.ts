import Database from 'better-sqlite3';
import { GenerationTables } from '../generation-tables';

/**
 * Each storyline's developments in world time: one small row per claim event, keyed by its log position
 * and ordered by `occurredAt` (milliseconds) then position. The entries themselves are derived from the
 * claims' folds when read, so a rebuild writes no copy of them.
 */
export function createTimelineTable(db: Database.Database, { timeline }: GenerationTables): void {
  db.exec(`
    CREATE TABLE ${timeline} (
      position     INTEGER PRIMARY KEY,
      storyline_id TEXT NOT NULL,
      sort_key     INTEGER NOT NULL,
      claim_id     TEXT NOT NULL
    )
  `);
}

export function createTimelineIndexes(db: Database.Database, { timeline }: GenerationTables): void {
  db.exec(`CREATE INDEX ${timeline}_in_order ON ${timeline} (storyline_id, sort_key, position)`);
}
