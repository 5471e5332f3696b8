import Database from 'better-sqlite3';
import { asClaimEvent } from '../../application/events/factline-event';
import {
  TimelineEntry,
  claimTimelineEntry,
  correctRecordedEntry,
  timelineSortKey,
} from '../../application/projections/timeline-entry';
import { decodeCursor, Page, PageRequest, toPage } from '../../application/queries/page';
import { TimelineReadModel } from '../../application/queries/read-models.port';
import { StoredEvent } from '../event-store/event-store.port';
import { SqliteProjection } from './sqlite-projection';

interface ClaimContext {
  storyline_id: string;
  statement: string;
  recorded_position: number;
}

interface EntryRow {
  sort_key: string;
  position: number;
  entry: string;
}

/** Each storyline's developments (claim events) in world time (`occurredAt`), ties broken by log position. */
export class SqliteTimelineProjection extends SqliteProjection implements TimelineReadModel {
  private statements!: ReturnType<SqliteTimelineProjection['prepareStatements']>;

  constructor(db: Database.Database, generation?: number) {
    super('timeline', db, generation);
    this.open();
  }

  protected shadowOf(generation: number): SqliteTimelineProjection {
    return new SqliteTimelineProjection(this.db, generation);
  }

  protected tableNames(): string[] {
    return ['timeline', 'timeline_claims'];
  }

  protected prepare(): void {
    this.statements = this.prepareStatements();
  }

  private prepareStatements() {
    const db = this.db;
    const [timeline, claims] = this.tableNames().map((base) => this.table(base));
    return {
      insertEntry: db.prepare(
        `INSERT OR REPLACE INTO ${timeline} (storyline_id, sort_key, position, entry) VALUES (?, ?, ?, ?)`,
      ),
      deleteEntry: db.prepare(`DELETE FROM ${timeline} WHERE storyline_id = ? AND position = ?`),
      getClaim: db.prepare<[string], ClaimContext>(
        `SELECT storyline_id, statement, recorded_position FROM ${claims} WHERE claim_id = ?`,
      ),
      getEntry: db.prepare<[string, number], EntryRow>(
        `SELECT sort_key, position, entry FROM ${timeline} WHERE storyline_id = ? AND position = ?`,
      ),
      upsertClaim: db.prepare(
        `INSERT INTO ${claims} (claim_id, storyline_id, statement, recorded_position) VALUES (?, ?, ?, ?)
         ON CONFLICT (claim_id) DO UPDATE SET statement = excluded.statement`,
      ),
      page: db.prepare<[string, string, string, number, number], EntryRow>(
        `SELECT sort_key, position, entry FROM ${timeline}
         WHERE storyline_id = ? AND (sort_key > ? OR (sort_key = ? AND position > ?))
         ORDER BY sort_key, position LIMIT ?`,
      ),
    };
  }

  protected createTables(): void {
    const [timeline, claims] = this.tableNames().map((base) => this.table(base));
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${timeline} (
        storyline_id TEXT NOT NULL,
        sort_key     TEXT NOT NULL,
        position     INTEGER NOT NULL,
        entry        TEXT NOT NULL,
        PRIMARY KEY (storyline_id, sort_key, position)
      );
      CREATE INDEX IF NOT EXISTS ${timeline}_by_position ON ${timeline} (storyline_id, position);
      CREATE TABLE IF NOT EXISTS ${claims} (
        claim_id          TEXT PRIMARY KEY,
        storyline_id      TEXT NOT NULL,
        statement         TEXT NOT NULL,
        recorded_position INTEGER NOT NULL
      );
    `);
  }

  protected apply(stored: StoredEvent): void {
    const event = asClaimEvent(stored);
    if (!event) return;
    if (event.type === 'ClaimRecorded') {
      const { claimId, storylineId, statement } = event.data;
      this.statements.upsertClaim.run(claimId, storylineId, statement, stored.position);
      this.write(storylineId, claimTimelineEntry(event, stored, statement));
      return;
    }
    const claim = this.statements.getClaim.get(event.data.claimId);
    if (!claim) return;
    if (event.type === 'ClaimCorrected') this.correctRecordedEntry(event.data.claimId, claim, event.data.changes);
    const statement =
      event.type === 'ClaimCorrected' ? (event.data.changes.statement ?? claim.statement) : claim.statement;
    this.write(claim.storyline_id, claimTimelineEntry(event, stored, statement));
  }

  private correctRecordedEntry(
    claimId: string,
    claim: ClaimContext,
    changes: { statement?: string; occurredAt?: string },
  ): void {
    if (changes.statement === undefined && changes.occurredAt === undefined) return;
    const row = this.statements.getEntry.get(claim.storyline_id, claim.recorded_position);
    if (!row) return;
    const corrected = correctRecordedEntry(JSON.parse(row.entry) as TimelineEntry, changes);
    this.statements.deleteEntry.run(claim.storyline_id, claim.recorded_position);
    this.write(claim.storyline_id, corrected);
    this.statements.upsertClaim.run(claimId, claim.storyline_id, corrected.statement, claim.recorded_position);
  }

  private write(storylineId: string, entry: TimelineEntry): void {
    this.statements.insertEntry.run(storylineId, timelineSortKey(entry), entry.position, JSON.stringify(entry));
  }

  timeline(storylineId: string, { limit, cursor }: PageRequest): Page<TimelineEntry> {
    const [afterKey, afterPosition] = (decodeCursor(cursor, ['string', 'number']) ?? ['', -1]) as [string, number];
    const rows = this.statements.page.all(storylineId, afterKey, afterKey, afterPosition, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => JSON.parse(row.entry) as TimelineEntry,
      (row) => [row.sort_key, row.position],
    );
  }
}
