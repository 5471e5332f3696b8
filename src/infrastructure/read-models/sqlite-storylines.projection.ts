import Database from 'better-sqlite3';
import { ClaimRecord, ClaimSummary, evolveClaimRecord } from '../../application/projections/claim-view';
import {
  StorylineRecord,
  StorylineView,
  evolveStorylineRecord,
  toStorylineView,
} from '../../application/projections/storyline-view';
import { decodeCursor, Page, PageRequest, toPage } from '../../application/queries/page';
import { StorylineFilter, StorylineListItem, StorylineReadModel } from '../../application/queries/read-models.port';
import { claimStatus } from '../../domain/claim/claim-status';
import { StoredEvent } from '../../application/ports/event-store.port';
import { claimSummaryOf } from './claim-summary';
import { containsPattern } from './like-pattern';
import { SqliteProjection } from './sqlite-projection';
import { ClaimStanding, StorylineTally } from './storyline-tally';
import { WhereClause } from './where-clause';

interface StorylineRow {
  id: string;
  seq: number;
  record: string;
  position: number;
}

interface ClaimRow {
  record: string;
  status: ClaimStanding['status'];
  needsReview: number;
}

interface CountsRow {
  counts: string;
  needsReview: number;
  claimCount: number;
}

/** A claim changed by the page; `seq` is set for a new claim, `stored` is its standing as its row holds it. */
interface PendingClaim {
  record: ClaimRecord;
  seq?: number;
  stored?: ClaimStanding;
}

/** Storylines with their headline status and counts, plus each claim's status inside them. */
export class SqliteStorylinesProjection extends SqliteProjection implements StorylineReadModel {
  private readonly pendingStorylines = new Map<string, { record: StorylineRecord; seq?: number }>();
  private readonly pendingClaims = new Map<string, PendingClaim>();
  /** Storylines whose claims changed in this page, with the newest position that touched them. */
  private readonly touched = new Map<string, number>();
  private statements!: ReturnType<SqliteStorylinesProjection['prepareStatements']>;

  constructor(db: Database.Database, generation?: number) {
    super('storylines', db, generation);
    this.open();
  }

  protected shadowOf(generation: number): SqliteStorylinesProjection {
    return new SqliteStorylinesProjection(this.db, generation);
  }

  protected tableNames(): string[] {
    return ['storylines', 'storyline_tags', 'storyline_claims'];
  }

  protected prepare(): void {
    this.statements = this.prepareStatements();
  }

  private prepareStatements() {
    const db = this.db;
    const [storylines, tags, claims] = this.tableNames().map((base) => this.table(base));
    return {
      getStoryline: db.prepare<[string], StorylineRow>(
        `SELECT id, seq, record, position FROM ${storylines} WHERE id = ?`,
      ),
      insertStoryline: db.prepare(
        `INSERT INTO ${storylines} (id, seq, status, needs_review, claim_count, counts, search_text, record, position)
         VALUES (@id, @seq, 'empty', 0, 0, '{}', @searchText, @record, @position)`,
      ),
      updateStoryline: db.prepare(
        `UPDATE ${storylines} SET search_text = @searchText, record = @record, position = MAX(position, @position) WHERE id = @id`,
      ),
      updateCounts: db.prepare(
        `UPDATE ${storylines} SET status = @status, needs_review = @needsReview, claim_count = @claimCount,
         counts = @counts, position = MAX(position, @position) WHERE id = @id`,
      ),
      deleteTags: db.prepare(`DELETE FROM ${tags} WHERE storyline_id = ?`),
      insertTag: db.prepare(`INSERT OR IGNORE INTO ${tags} (storyline_id, tag) VALUES (?, ?)`),
      getCounts: db.prepare<[string], CountsRow>(
        `SELECT counts, needs_review AS needsReview, claim_count AS claimCount FROM ${storylines} WHERE id = ?`,
      ),
      getClaim: db.prepare<[string], ClaimRow>(
        `SELECT record, status, needs_review AS needsReview FROM ${claims} WHERE claim_id = ?`,
      ),
      insertClaim: db.prepare(
        `INSERT INTO ${claims} (claim_id, storyline_id, seq, status, needs_review, summary, record)
         VALUES (@claimId, @storylineId, @seq, @status, @needsReview, @summary, @record)`,
      ),
      updateClaim: db.prepare(
        `UPDATE ${claims} SET status = @status, needs_review = @needsReview, summary = @summary, record = @record
         WHERE claim_id = @claimId`,
      ),
      summaries: db
        .prepare<[string], string>(`SELECT summary FROM ${claims} WHERE storyline_id = ? ORDER BY seq`)
        .pluck(),
      statuses: db.prepare<[string], { status: ClaimSummary['status']; needsReview: number }>(
        `SELECT status, needs_review AS needsReview FROM ${claims} WHERE storyline_id = ?`,
      ),
    };
  }

  protected createTables(): void {
    const [storylines, tags, claims] = this.tableNames().map((base) => this.table(base));
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${storylines} (
        id           TEXT PRIMARY KEY,
        seq          INTEGER NOT NULL,
        status       TEXT NOT NULL,
        needs_review INTEGER NOT NULL,
        claim_count  INTEGER NOT NULL,
        counts       TEXT NOT NULL,
        search_text  TEXT NOT NULL,
        record       TEXT NOT NULL,
        position     INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${storylines}_by_seq ON ${storylines} (seq);
      CREATE INDEX IF NOT EXISTS ${storylines}_by_status ON ${storylines} (status, seq);
      CREATE TABLE IF NOT EXISTS ${tags} (
        storyline_id TEXT NOT NULL,
        tag          TEXT NOT NULL,
        PRIMARY KEY (tag, storyline_id)
      );
      CREATE INDEX IF NOT EXISTS ${tags}_by_storyline ON ${tags} (storyline_id);
      CREATE TABLE IF NOT EXISTS ${claims} (
        claim_id     TEXT PRIMARY KEY,
        storyline_id TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        status       TEXT NOT NULL,
        needs_review INTEGER NOT NULL,
        summary      TEXT NOT NULL,
        record       TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${claims}_by_storyline ON ${claims} (storyline_id, seq);
    `);
  }

  protected apply(event: StoredEvent): void {
    const data = event.data as { storylineId?: unknown; claimId?: unknown };
    if (event.type.startsWith('Storyline') && typeof data.storylineId === 'string') {
      this.applyToStoryline(data.storylineId, event);
    } else if (typeof data.claimId === 'string') {
      this.applyToClaim(data.claimId, event);
    }
  }

  private applyToStoryline(storylineId: string, event: StoredEvent): void {
    const known = this.pendingStorylines.get(storylineId);
    const stored = known ? undefined : this.statements.getStoryline.get(storylineId);
    const before = known?.record ?? (stored ? (JSON.parse(stored.record) as StorylineRecord) : undefined);
    const after = evolveStorylineRecord(before, event);
    if (!after || after === before) return;
    this.pendingStorylines.set(storylineId, {
      record: after,
      seq: known ? known.seq : stored ? undefined : event.position,
    });
  }

  private applyToClaim(claimId: string, event: StoredEvent): void {
    const known = this.pendingClaims.get(claimId);
    const stored = known ? undefined : this.statements.getClaim.get(claimId);
    const before = known?.record ?? (stored ? (JSON.parse(stored.record) as ClaimRecord) : undefined);
    const after = evolveClaimRecord(before, event);
    if (!after || after === before) return;
    this.pendingClaims.set(claimId, {
      record: after,
      seq: known ? known.seq : stored ? undefined : event.position,
      stored: known ? known.stored : stored && { status: stored.status, needsReview: stored.needsReview === 1 },
    });
    this.touched.set(after.claim.storylineId, event.position);
  }

  protected override flush(): void {
    for (const [id, { record, seq }] of this.pendingStorylines) {
      const row = {
        id,
        searchText: `${record.title}\n${record.summary}`.toLowerCase(),
        record: JSON.stringify(record),
        position: record.position,
      };
      if (seq !== undefined) this.statements.insertStoryline.run({ ...row, seq });
      else this.statements.updateStoryline.run(row);
      this.statements.deleteTags.run(id);
      for (const tag of record.tags) this.statements.insertTag.run(id, tag);
    }
    const changes = new Map<string, Array<[ClaimStanding | undefined, ClaimStanding]>>();
    for (const [claimId, { record, seq, stored }] of this.pendingClaims) {
      const { status, needsReview } = claimStatus(record.claim);
      const standing = { status, needsReview };
      const row = {
        claimId,
        status,
        needsReview: needsReview ? 1 : 0,
        summary: JSON.stringify(claimSummaryOf(record, standing)),
        record: JSON.stringify(record),
      };
      if (seq !== undefined) this.statements.insertClaim.run({ ...row, storylineId: record.claim.storylineId, seq });
      else this.statements.updateClaim.run(row);
      const storylineChanges = changes.get(record.claim.storylineId) ?? [];
      storylineChanges.push([stored, standing]);
      changes.set(record.claim.storylineId, storylineChanges);
    }
    for (const [id, position] of this.touched) {
      const tally = this.tallyOf(id, changes.get(id) ?? []);
      if (tally) this.statements.updateCounts.run({ id, ...tally.columns(), position });
    }
    this.discard();
  }

  /**
   * The storyline's counts after this page's claim changes. A storyline still without counted claims
   * is counted from its rows: claims recorded before the storyline row existed were never counted.
   */
  private tallyOf(id: string, changes: Array<[ClaimStanding | undefined, ClaimStanding]>) {
    const row = this.statements.getCounts.get(id);
    if (!row) return undefined;
    if (row.claimCount === 0) {
      const statuses = this.statements.statuses.all(id);
      return StorylineTally.of(
        statuses.map((claim) => ({ status: claim.status, needsReview: claim.needsReview === 1 })),
      );
    }
    const tally = StorylineTally.fromStored(row.counts, row.needsReview, row.claimCount);
    for (const [before, after] of changes) tally.change(before, after);
    return tally;
  }

  protected override discard(): void {
    this.pendingStorylines.clear();
    this.pendingClaims.clear();
    this.touched.clear();
  }

  get(storylineId: string): StorylineView | undefined {
    const row = this.statements.getStoryline.get(storylineId);
    if (!row) return undefined;
    const claims = this.statements.summaries.all(storylineId).map((summary) => JSON.parse(summary) as ClaimSummary);
    const view = toStorylineView(JSON.parse(row.record) as StorylineRecord, claims);
    return { ...view, position: Math.max(view.position, row.position) };
  }

  list(filter: StorylineFilter, { limit, cursor }: PageRequest): Page<StorylineListItem> {
    const [afterSeq] = decodeCursor(cursor, ['number']) ?? [-1];
    const where = new WhereClause()
      .and('s.seq > ?', afterSeq)
      .andIf(filter.status, 's.status = ?')
      .andIf(
        filter.tag,
        `EXISTS (SELECT 1 FROM ${this.table('storyline_tags')} t WHERE t.tag = ? AND t.storyline_id = s.id)`,
      )
      .andIf(filter.text, "s.search_text LIKE ? ESCAPE '\\'", (text) => containsPattern(String(text)));
    const rows = this.db
      .prepare<unknown[], StorylineRow & { counts: string; needsReview: number; claimCount: number; status: string }>(
        `SELECT s.id, s.seq, s.record, s.position, s.counts, s.needs_review AS needsReview,
                s.claim_count AS claimCount, s.status
         FROM ${this.table('storylines')} s WHERE ${where} ORDER BY s.seq LIMIT ?`,
      )
      .all(...where.params, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => {
        const { claims: _claims, ...view } = toStorylineView(JSON.parse(row.record) as StorylineRecord, []);
        return {
          ...view,
          status: row.status as StorylineListItem['status'],
          counts: row.claimCount > 0 ? (JSON.parse(row.counts) as StorylineListItem['counts']) : view.counts,
          needsReview: row.needsReview,
          claimCount: row.claimCount,
          position: Math.max(view.position, row.position),
        };
      },
      (row) => [row.seq],
    );
  }
}
