import Database from 'better-sqlite3';
import { GenerationTables } from '../generation-tables';
import { addMissingColumns } from '../missing-columns';

/**
 * One row per storyline with its headline status and counts. `record` is NULL while only claims of
 * it have been seen (a log where claims come before their storyline): their counts are kept anyway.
 */
export function createStorylinesTables(db: Database.Database, { storylines, storylineTags }: GenerationTables): void {
  db.exec(`
    CREATE TABLE ${storylines} (
      id           TEXT PRIMARY KEY,
      seq          INTEGER NOT NULL,
      status       TEXT NOT NULL,
      needs_review INTEGER NOT NULL,
      claim_count  INTEGER NOT NULL,
      counts       TEXT NOT NULL,
      kinds        TEXT,
      retracted_claims INTEGER,
      search_text  TEXT NOT NULL,
      record       TEXT,
      position     INTEGER NOT NULL
    );
    CREATE TABLE ${storylineTags} (
      tag          TEXT NOT NULL,
      storyline_id TEXT NOT NULL,
      PRIMARY KEY (tag, storyline_id)
    );
  `);
}

export function createStorylinesIndexes(db: Database.Database, { storylines, storylineTags }: GenerationTables): void {
  db.exec(`
    CREATE INDEX ${storylines}_by_seq ON ${storylines} (seq) WHERE record IS NOT NULL;
    CREATE INDEX ${storylines}_by_status ON ${storylines} (status, seq) WHERE record IS NOT NULL;
    CREATE INDEX ${storylineTags}_by_storyline ON ${storylineTags} (storyline_id);
  `);
}

/**
 * Claim counts per kind and retracted claims; NULL in rows written before they were counted (see
 * storylineCountsOf).
 */
export function addCountColumns(db: Database.Database, { storylines }: GenerationTables): void {
  addMissingColumns(db, storylines, ['kinds TEXT', 'retracted_claims INTEGER']);
}
