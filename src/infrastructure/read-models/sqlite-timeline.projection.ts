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
import { StoredEvent } from '../../application/ports/event-store.port';
import { SqliteProjection } from './sqlite-projection';
import { addRecordedSortKey } from './timeline-claims-upgrade';

/** A claim's row: where its recorded entry sits (`recorded_sort_key`, `recorded_position`) and its wording now. */
interface ClaimContext {
  storyline_id: string;
  statement: string;
  recorded_position: number;
  recorded_sort_key: string;
}

const CLAIM_CONTEXT = 'storyline_id, statement, recorded_position, recorded_sort_key';

interface EntryRow {
  sort_key: string;
  position: number;
  entry: string;
}

/** Each storyline's developments (claim events) in world time (`occurredAt`), ties broken by log position. */
export class SqliteTimelineProjection extends SqliteProjection implements TimelineReadModel {
  /** The rows of timeline_claims this page has read or written, so a claim's later events skip the lookup. */
  private readonly claims = new Map<string, ClaimContext>();
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
      deleteEntry: db.prepare(`DELETE FROM ${timeline} WHERE storyline_id = ? AND sort_key = ? AND position = ?`),
      getClaim: db.prepare<[string], ClaimContext>(`SELECT ${CLAIM_CONTEXT} FROM ${claims} WHERE claim_id = ?`),
      getEntry: db.prepare<[string, string, number], EntryRow>(
        `SELECT sort_key, position, entry FROM ${timeline} WHERE storyline_id = ? AND sort_key = ? AND position = ?`,
      ),
      recordClaim: db.prepare<[string, string, string, number, string], ClaimContext>(
        `INSERT INTO ${claims} (claim_id, storyline_id, statement, recorded_position, recorded_sort_key)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (claim_id) DO UPDATE SET statement = excluded.statement RETURNING ${CLAIM_CONTEXT}`,
      ),
      correctClaim: db.prepare<[string, string, string], ClaimContext>(
        `UPDATE ${claims} SET statement = ?, recorded_sort_key = ? WHERE claim_id = ? RETURNING ${CLAIM_CONTEXT}`,
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
      CREATE TABLE IF NOT EXISTS ${claims} (
        claim_id          TEXT PRIMARY KEY,
        storyline_id      TEXT NOT NULL,
        statement         TEXT NOT NULL,
        recorded_position INTEGER NOT NULL,
        recorded_sort_key TEXT NOT NULL
      );
    `);
    addRecordedSortKey(this.db, timeline, claims);
  }

  protected apply(stored: StoredEvent): void {
    const event = asClaimEvent(stored);
    if (!event) return;
    if (event.type === 'ClaimRecorded') {
      const { claimId, storylineId, statement } = event.data;
      const sortKey = this.write(storylineId, claimTimelineEntry(event, stored, statement));
      this.keep(claimId, this.statements.recordClaim.get(claimId, storylineId, statement, stored.position, sortKey));
      return;
    }
    const claim = this.claimContext(event.data.claimId);
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
    const at = [claim.storyline_id, claim.recorded_sort_key, claim.recorded_position] as const;
    const row = this.statements.getEntry.get(...at);
    if (!row) return;
    const corrected = correctRecordedEntry(JSON.parse(row.entry) as TimelineEntry, changes);
    this.statements.deleteEntry.run(...at);
    const sortKey = this.write(claim.storyline_id, corrected);
    this.keep(claimId, this.statements.correctClaim.get(corrected.statement ?? '', sortKey, claimId));
  }

  private claimContext(claimId: string): ClaimContext | undefined {
    const known = this.claims.get(claimId);
    if (known) return known;
    const stored = this.statements.getClaim.get(claimId);
    if (stored) this.claims.set(claimId, stored);
    return stored;
  }

  /** `row` is the claim's row as written (a claim recorded again keeps its storyline and its first entry). */
  private keep(claimId: string, row: ClaimContext | undefined): void {
    if (row) this.claims.set(claimId, row);
  }

  protected override flush(): void {
    this.claims.clear();
  }

  protected override discard(): void {
    this.claims.clear();
  }

  /** Returns the entry's sort key. */
  private write(storylineId: string, entry: TimelineEntry): string {
    const sortKey = timelineSortKey(entry);
    this.statements.insertEntry.run(storylineId, sortKey, entry.position, JSON.stringify(entry));
    return sortKey;
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
