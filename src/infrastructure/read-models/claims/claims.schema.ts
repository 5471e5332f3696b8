import Database from 'better-sqlite3';
import { ReadModelVersions } from '../../../application/ports/read-model-store.port';
import { GenerationTables } from '../generation-tables';
import { addMissingColumns } from '../missing-columns';

/** The claims read model's version from which its rows are narrow (claims-shape.ts): older rows hold the whole fold. */
export const NARROW_ROWS_SINCE_VERSION = 5;

/** The version from which a row keeps no evaluation in words: the explanation is built on read. */
export const WORDS_ON_READ_SINCE_VERSION = 6;

/** The version from which `claim_events` keeps a row's events compactly, deflated when long (kept-events.ts). */
export const COMPACT_EVENTS_SINCE_VERSION = 7;

/** The version from which a row keeps the claim as the projection packs it (packed-claim.ts): a restart reads them back without folding. */
export const FACTS_SINCE_VERSION = 9;

/** The version from which packed claims name their parties by number in the generation's party table (claim-parties.ts). */
export const PARTY_TABLE_SINCE_VERSION = 10;

/**
 * One row per claim with what lists filter, sort on and show, the status the rule decided, and (from
 * version 9) `facts`: what the projection holds of the claim between pages, packed (the
 * explanation in words is built on read, from the claim's fold and the generation's registry; a
 * version-5 row keeps it in `evaluation`). The claim's place in lists (`seq`, the position of its
 * ClaimRecorded event) is the row id. Its events are kept beside it, each written once
 * (`claim_events`, a row for those of one page, under the position of its last): a view folds them
 * again on read. Rows go in log order, so writing one appends to the table and only the small
 * entry of the index by claim lands among older ones. From version 10 the packed claims name their
 * parties by number, in `claim_parties` (party-table.ts): each party as mentioned, once, the parties a
 * page numbered first as one JSON list under the number of the first.
 */
export function createClaimsTable(
  db: Database.Database,
  { claims, claimEvents, claimParties }: GenerationTables,
  versions: ReadModelVersions,
): void {
  const words = (versions.claims ?? 0) < WORDS_ON_READ_SINCE_VERSION ? 'evaluation    TEXT NOT NULL,' : '';
  // Text, or the same deflated: a column without a type keeps either as it is given.
  const kept = (versions.claims ?? 0) < COMPACT_EVENTS_SINCE_VERSION ? 'TEXT' : '';
  const facts = (versions.claims ?? 0) >= FACTS_SINCE_VERSION ? 'facts         TEXT NOT NULL,' : '';
  db.exec(`
    CREATE TABLE ${claims} (
      seq           INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      storyline_id  TEXT NOT NULL,
      position      INTEGER NOT NULL,
      status        TEXT NOT NULL,
      needs_review  INTEGER NOT NULL,
      kind          TEXT NOT NULL,
      statement     TEXT NOT NULL,
      claimant_id   TEXT NOT NULL,
      claimant_name TEXT NOT NULL,
      occurred_at   TEXT NOT NULL,
      search_text   TEXT NOT NULL,
      ${words}
      ${facts}
      ${REVIEW_COLUMNS.join(',\n      ')}
    );
    CREATE TABLE ${claimEvents} (
      position INTEGER PRIMARY KEY,
      claim_id TEXT NOT NULL,
      events   ${kept} NOT NULL
    );
    CREATE INDEX ${claimEvents}_by_claim ON ${claimEvents} (claim_id, position);
  `);
  if ((versions.claims ?? 0) >= PARTY_TABLE_SINCE_VERSION) {
    db.exec(`CREATE TABLE ${claimParties} (first INTEGER PRIMARY KEY, parties TEXT NOT NULL)`);
  }
}

const REVIEW_COLUMNS = ['review_at INTEGER', 'review_first_at INTEGER', 'verdict_times TEXT'];

/** A generation built before the review feed lacks its columns: the feed waits for its successor. */
export function addReviewColumns(db: Database.Database, { claims }: GenerationTables): void {
  addMissingColumns(db, claims, REVIEW_COLUMNS);
}

export function createClaimsIndexes(db: Database.Database, { claims }: GenerationTables): void {
  db.exec(`
    CREATE INDEX ${claims}_by_storyline ON ${claims} (storyline_id, seq);
    CREATE INDEX ${claims}_by_status ON ${claims} (status, seq);
    CREATE INDEX ${claims}_by_claimant ON ${claims} (claimant_id, seq);
    CREATE INDEX ${claims}_needing_review ON ${claims} (seq) WHERE needs_review = 1;
    CREATE INDEX ${claims}_by_review ON ${claims} (review_at DESC, id DESC) WHERE review_at IS NOT NULL;
    CREATE INDEX ${claims}_by_first_review ON ${claims} (review_first_at) WHERE review_first_at IS NOT NULL;
  `);
}
