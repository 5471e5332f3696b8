import Database from 'better-sqlite3';
import { GenerationTables } from '../generation-tables';

/** Each storyline's developments in world time (`occurredAt`, as a UTC sort key), ties broken by log position. */
export function createTimelineTable(db: Database.Database, { timeline }: GenerationTables): void {
  db.exec(`
    CREATE TABLE ${timeline} (
      storyline_id TEXT NOT NULL,
      sort_key     TEXT NOT NULL,
      position     INTEGER NOT NULL,
      entry        TEXT NOT NULL,
      PRIMARY KEY (storyline_id, sort_key, position)
    ) WITHOUT ROWID
  `);
}
