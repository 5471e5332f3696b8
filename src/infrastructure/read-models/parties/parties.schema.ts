import Database from 'better-sqlite3';
import { GenerationTables } from '../generation-tables';

/**
 * The party events applied (the registry is folded from them, by the projections and by the views
 * of a past time) and the mentions index: one row per distinct way a claim names a party, with the
 * party it resolved to. Created when missing: a generation built before the registry gains them
 * while its successor is built. The mentions keep a rowid (parties read model 3): an index of a table
 * WITHOUT ROWID repeats the whole key, a claim id and three names, in every entry, which made each of
 * the three indexes below as large as the key itself. By party, only the party: the queries read the
 * role from the row, and the claim id with it.
 */
export function createPartiesTables(db: Database.Database, { registry, mentions }: GenerationTables): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${registry} (
      position    INTEGER PRIMARY KEY,
      recorded_at TEXT NOT NULL,
      event       TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${mentions} (
      claim_id   TEXT NOT NULL,
      role       TEXT NOT NULL,
      mention_id TEXT NOT NULL,
      name_key   TEXT NOT NULL,
      name       TEXT NOT NULL,
      kind       TEXT NOT NULL,
      party_id   TEXT NOT NULL,
      registered INTEGER NOT NULL,
      UNIQUE (claim_id, role, mention_id, name_key)
    );
  `);
}

/**
 * How registry events find the claims they reach. The names that resolve to no registered party
 * (the desk's to-do list) have an index of their own.
 */
export function createPartiesIndexes(db: Database.Database, { mentions }: GenerationTables): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS ${mentions}_by_party ON ${mentions} (party_id);
    CREATE INDEX IF NOT EXISTS ${mentions}_by_mention_id ON ${mentions} (mention_id);
    CREATE INDEX IF NOT EXISTS ${mentions}_by_name ON ${mentions} (name_key);
    CREATE INDEX IF NOT EXISTS ${mentions}_unregistered ON ${mentions} (party_id) WHERE registered = 0;
  `);
}
