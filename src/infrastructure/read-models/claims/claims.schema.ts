import Database from 'better-sqlite3';
import { GenerationTables } from '../generation-tables';

/** One row per claim: its fold (`record`), what the status rule made of it (`evaluation`), and its list summary. */
export function createClaimsTable(db: Database.Database, { claims }: GenerationTables): void {
  db.exec(`
    CREATE TABLE ${claims} (
      id           TEXT PRIMARY KEY,
      storyline_id TEXT NOT NULL,
      seq          INTEGER NOT NULL,
      status       TEXT NOT NULL,
      needs_review INTEGER NOT NULL,
      claimant_id  TEXT NOT NULL,
      search_text  TEXT NOT NULL,
      record       TEXT NOT NULL,
      evaluation   TEXT NOT NULL,
      summary      TEXT NOT NULL
    )
  `);
}

export function createClaimsIndexes(db: Database.Database, { claims }: GenerationTables): void {
  db.exec(`
    CREATE INDEX ${claims}_by_seq ON ${claims} (seq);
    CREATE INDEX ${claims}_by_storyline ON ${claims} (storyline_id, seq);
    CREATE INDEX ${claims}_by_status ON ${claims} (status, seq);
    CREATE INDEX ${claims}_by_claimant ON ${claims} (claimant_id, seq);
    CREATE INDEX ${claims}_needing_review ON ${claims} (seq) WHERE needs_review = 1;
  `);
}
