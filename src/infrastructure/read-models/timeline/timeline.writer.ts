import Database from 'better-sqlite3';
import { TimelineChange, timelineSortKey } from '../../../application/projections/timeline-entry';
import { GenerationTables } from '../generation-tables';

/** Writes one generation's timeline: each change adds an entry, and a correction moves the claim's own. */
export class TimelineWriter {
  private readonly statements;

  constructor(db: Database.Database, { timeline }: GenerationTables) {
    this.statements = {
      remove: db.prepare(`DELETE FROM ${timeline} WHERE storyline_id = ? AND sort_key = ? AND position = ?`),
      insert: db.prepare(
        `INSERT OR REPLACE INTO ${timeline} (storyline_id, sort_key, position, entry) VALUES (?, ?, ?, ?)`,
      ),
    };
  }

  write(changes: TimelineChange[]): void {
    for (const { storylineId, entry, replaces } of changes) {
      if (replaces) this.statements.remove.run(storylineId, replaces.sortKey, replaces.position);
      this.statements.insert.run(storylineId, timelineSortKey(entry), entry.position, JSON.stringify(entry));
    }
  }
}
