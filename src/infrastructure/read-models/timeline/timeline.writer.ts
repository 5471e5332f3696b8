import Database from 'better-sqlite3';
import type { TimelineRow } from '../../../application/read-models/timeline/timeline-entry';
import { GenerationTables } from '../generation-tables';

/** Writes one generation's timeline rows; a row written again for the same event replaces it (a correction moves it). */
export class TimelineWriter {
  private readonly upsert: Database.Statement<[number, string, number, string]>;

  constructor(db: Database.Database, { timeline }: GenerationTables) {
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO ${timeline} (position, storyline_id, sort_key, claim_id) VALUES (?, ?, ?, ?)`,
    );
  }

  write(rows: TimelineRow[]): void {
    for (const { position, storylineId, sortKey, claimId } of rows)
      this.upsert.run(position, storylineId, sortKey, claimId);
  }
}
