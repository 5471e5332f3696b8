import Database from 'better-sqlite3';
import { GenerationTables } from '../generation-tables';
import { addMissingColumns } from '../missing-columns';

/**
 * One row per claim: its fold (`record`), what the status rule made of it (`evaluation`), its list
 * summary, and its place in the feed of published reviews (see publication.ts).
 */
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
      summary      TEXT NOT NULL,
      ${REVIEW_COLUMNS.join(',\n      ')}
    )
  `);
}

const REVIEW_COLUMNS = ['review_at INTEGER', 'review_first_at INTEGER', 'verdict_times TEXT'];

/** A generation built before the review feed lacks its columns: the feed waits for its successor. */
export function addReviewColumns(db: Database.Database, { claims }: GenerationTables): void {
  addMissingColumns(db, claims, REVIEW_COLUMNS);
}

export function createClaimsIndexes(db: Database.Database, { claims }: GenerationTables): void {
  db.exec(`
    CREATE INDEX ${claims}_by_seq ON ${claims} (seq);
    CREATE INDEX ${claims}_by_storyline ON ${claims} (storyline_id, seq);
    CREATE INDEX ${claims}_by_status ON ${claims} (status, seq);
    CREATE INDEX ${claims}_by_claimant ON ${claims} (claimant_id, seq);
    CREATE INDEX ${claims}_needing_review ON ${claims} (seq) WHERE needs_review = 1;
    CREATE INDEX ${claims}_by_review ON ${claims} (review_at DESC, id DESC) WHERE review_at IS NOT NULL;
    CREATE INDEX ${claims}_by_first_review ON ${claims} (review_first_at) WHERE review_first_at IS NOT NULL;
  `);
}
