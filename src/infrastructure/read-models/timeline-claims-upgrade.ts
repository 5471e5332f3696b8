import Database from 'better-sqlite3';

/**
 * A read-model file written before timeline_claims kept where each claim's recorded entry sorts gets
 * the column, filled from its entries. The (storyline_id, position) index that corrections used to
 * find that entry is then dropped: they now find it by the primary key.
 */
export function addRecordedSortKey(db: Database.Database, timeline: string, claims: string): void {
  const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${claims})`).all();
  if (columns.some((column) => column.name === 'recorded_sort_key')) return;
  db.transaction(() => {
    db.exec(`ALTER TABLE ${claims} ADD COLUMN recorded_sort_key TEXT NOT NULL DEFAULT ''`);
    db.exec(`
      UPDATE ${claims} SET recorded_sort_key = COALESCE(
        (SELECT entry.sort_key FROM ${timeline} entry
         WHERE entry.storyline_id = ${claims}.storyline_id AND entry.position = ${claims}.recorded_position), '')
    `);
    db.exec(`DROP INDEX IF EXISTS ${timeline}_by_position`);
  })();
}
