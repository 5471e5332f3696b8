import Database from 'better-sqlite3';
import { ClaimRecord, ClaimView, evolveClaimRecord, toClaimView } from '../../application/projections/claim-view';
import { decodeCursor, Page, PageRequest, toPage } from '../../application/queries/page';
import { ClaimFilter, ClaimReadModel } from '../../application/queries/read-models.port';
import { claimStatus } from '../../domain/claim/claim-status';
import { StoredEvent } from '../../application/ports/event-store.port';
import { containsPattern } from './like-pattern';
import { SqliteProjection } from './sqlite-projection';
import { WhereClause } from './where-clause';

interface ClaimRow {
  id: string;
  seq: number;
  record: string;
}

/** The claim views and the claim search, one row per claim. */
export class SqliteClaimsProjection extends SqliteProjection implements ClaimReadModel {
  /** Claims touched by the page being applied, written once at its end; `seq` is set for new claims. */
  private readonly pending = new Map<string, { record: ClaimRecord; seq?: number }>();
  private statements!: ReturnType<SqliteClaimsProjection['prepareStatements']>;

  constructor(db: Database.Database, generation?: number) {
    super('claims', db, generation);
    this.open();
  }

  protected shadowOf(generation: number): SqliteClaimsProjection {
    return new SqliteClaimsProjection(this.db, generation);
  }

  protected tableNames(): string[] {
    return ['claims'];
  }

  protected prepare(): void {
    this.statements = this.prepareStatements();
  }

  private prepareStatements() {
    const db = this.db;
    const claims = this.table('claims');
    return {
      get: db.prepare<[string], ClaimRow>(`SELECT id, seq, record FROM ${claims} WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO ${claims} (id, storyline_id, status, needs_review, claimant_id, search_text, seq, record)
         VALUES (@id, @storylineId, @status, @needsReview, @claimantId, @searchText, @seq, @record)`,
      ),
      update: db.prepare(
        `UPDATE ${claims} SET status = @status, needs_review = @needsReview, claimant_id = @claimantId,
         search_text = @searchText, record = @record WHERE id = @id`,
      ),
      idsOf: db.prepare<[string], string>(`SELECT id FROM ${claims} WHERE storyline_id = ? ORDER BY seq`).pluck(),
    };
  }

  protected createTables(): void {
    const claims = this.table('claims');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${claims} (
        id           TEXT PRIMARY KEY,
        storyline_id TEXT NOT NULL,
        status       TEXT NOT NULL,
        needs_review INTEGER NOT NULL,
        claimant_id  TEXT NOT NULL,
        search_text  TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        record       TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${claims}_by_seq ON ${claims} (seq);
      CREATE INDEX IF NOT EXISTS ${claims}_by_storyline ON ${claims} (storyline_id, seq);
      CREATE INDEX IF NOT EXISTS ${claims}_by_status ON ${claims} (status, seq);
      CREATE INDEX IF NOT EXISTS ${claims}_by_claimant ON ${claims} (claimant_id, seq);
    `);
  }

  protected apply(event: StoredEvent): void {
    const claimId = (event.data as { claimId?: unknown }).claimId;
    if (typeof claimId !== 'string') return;
    const known = this.pending.get(claimId);
    const stored = known ? undefined : this.statements.get.get(claimId);
    const before = known?.record ?? (stored ? (JSON.parse(stored.record) as ClaimRecord) : undefined);
    const after = evolveClaimRecord(before, event);
    if (!after || after === before) return;
    const seq = known ? known.seq : stored ? undefined : event.position;
    this.pending.set(claimId, { record: after, seq });
  }

  protected override flush(): void {
    for (const [id, { record, seq }] of this.pending) {
      const { status, needsReview } = claimStatus(record.claim);
      const { statement, claimant } = record.claim.content;
      const row = {
        id,
        storylineId: record.claim.storylineId,
        status,
        needsReview: needsReview ? 1 : 0,
        claimantId: claimant.id,
        searchText: `${statement}\n${claimant.name}`.toLowerCase(),
        record: JSON.stringify(record),
      };
      if (seq !== undefined) this.statements.insert.run({ ...row, seq });
      else this.statements.update.run(row);
    }
    this.pending.clear();
  }

  protected override discard(): void {
    this.pending.clear();
  }

  get(claimId: string): ClaimRecord | undefined {
    const row = this.statements.get.get(claimId);
    return row ? (JSON.parse(row.record) as ClaimRecord) : undefined;
  }

  claimIdsOf(storylineId: string): string[] {
    return this.statements.idsOf.all(storylineId);
  }

  search(filter: ClaimFilter, { limit, cursor }: PageRequest): Page<ClaimView> {
    const [afterSeq] = decodeCursor(cursor, ['number']) ?? [-1];
    const where = new WhereClause()
      .and('seq > ?', afterSeq)
      .andIf(filter.status, 'status = ?')
      .andIf(filter.storylineId, 'storyline_id = ?')
      .andIf(filter.claimantId, 'claimant_id = ?')
      .andIf(filter.needsReview === undefined ? undefined : Number(filter.needsReview), 'needs_review = ?')
      .andIf(filter.text, "search_text LIKE ? ESCAPE '\\'", (text) => containsPattern(String(text)));
    const rows = this.db
      .prepare<unknown[], ClaimRow>(
        `SELECT id, seq, record FROM ${this.table('claims')} WHERE ${where} ORDER BY seq LIMIT ?`,
      )
      .all(...where.params, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toClaimView(JSON.parse(row.record) as ClaimRecord),
      (row) => [row.seq],
    );
  }
}
