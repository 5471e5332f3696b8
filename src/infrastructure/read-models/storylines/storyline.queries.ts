import { ClaimSummary } from '../../../application/read-models/claims/claim-view';
import {
  StorylineListItem,
  StorylineRecord,
  StorylineView,
  toStorylineListItem,
} from '../../../application/read-models/storylines/storyline-view';
import { Page, PageRequest, decodeCursor, toPage } from '../../../application/queries/page';
import { StorylineFilter, StorylineReadModel } from '../../../application/queries/read-models.port';
import { StorylineStatus } from '../../../domain/storyline/storyline-status';
import { containsPattern } from '../like-pattern';
import { claimColumns } from '../claims/claim-rows';
import { GenerationView, ReadModelReader } from '../read-model-reader';
import { WhereClause } from '../where-clause';
import { storylineCountsOf } from './storylines.writer';

interface StorylineRow {
  seq: number;
  status: StorylineStatus;
  needs_review: number;
  claim_count: number;
  counts: string;
  kinds: string | null;
  retracted_claims: number | null;
  record: string;
  position: number;
}

const STORYLINE_COLUMNS = 's.seq, s.status, s.needs_review, s.claim_count, s.counts, s.kinds, s.retracted_claims, s.record, s.position';

function toListItem(row: StorylineRow): StorylineListItem {
  return toStorylineListItem(JSON.parse(row.record) as StorylineRecord, storylineCountsOf(row), row.position);
}

/** Storylines with their headline status and counts, and each storyline's claims in recorded order. */
export class StorylineQueries implements StorylineReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  exists(storylineId: string): boolean {
    return this.reader.read((view) => this.row(view, storylineId) !== undefined);
  }

  get(storylineId: string, claimsLimit: number): StorylineView | undefined {
    return this.reader.read((view) => {
      const row = this.row(view, storylineId);
      if (!row) return undefined;
      const claims = this.claimPage(view, storylineId, { limit: claimsLimit });
      return {
        ...toListItem(row),
        claims: claims.items,
        ...(claims.nextCursor ? { claimsNextCursor: claims.nextCursor } : {}),
      };
    });
  }

  claims(storylineId: string, page: PageRequest): Page<ClaimSummary> | undefined {
    return this.reader.read((view) =>
      this.row(view, storylineId) ? this.claimPage(view, storylineId, page) : undefined,
    );
  }

  list(filter: StorylineFilter, { limit, cursor }: PageRequest): Page<StorylineListItem> {
    const [afterSeq] = decodeCursor(cursor, ['number']) ?? [-1];
    return this.reader.read(({ tables, prepare }) => {
      const where = new WhereClause()
        .and('s.record IS NOT NULL')
        .and('s.seq > ?', afterSeq)
        .andIf(filter.status, 's.status = ?')
        .andIf(filter.tag, `EXISTS (SELECT 1 FROM ${tables.storylineTags} t WHERE t.tag = ? AND t.storyline_id = s.id)`)
        .andIf(filter.text, "s.search_text LIKE ? ESCAPE '\\'", (text) => containsPattern(String(text)));
      const rows = prepare<unknown[], StorylineRow>(
        `SELECT ${STORYLINE_COLUMNS} FROM ${tables.storylines} s WHERE ${where} ORDER BY s.seq LIMIT ?`,
      ).all(...where.params, limit + 1);
      return toPage(rows, limit, toListItem, (row) => [row.seq]);
    });
  }

  private row({ tables, prepare }: GenerationView, storylineId: string): StorylineRow | undefined {
    return prepare<[string], StorylineRow>(
      `SELECT ${STORYLINE_COLUMNS} FROM ${tables.storylines} s WHERE s.id = ? AND s.record IS NOT NULL`,
    ).get(storylineId);
  }

  private claimPage(view: GenerationView, storylineId: string, { limit, cursor }: PageRequest) {
    const [afterSeq] = (decodeCursor(cursor, ['number']) ?? [-1]) as [number];
    const rows = view
      .prepare<[string, number, number], { seq: number; summary: string }>(
        `SELECT c.seq AS seq, ${claimColumns(view).summary} AS summary FROM ${view.tables.claims} c
         WHERE c.storyline_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`,
      )
      .all(storylineId, afterSeq, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => JSON.parse(row.summary) as ClaimSummary,
      (row) => [row.seq],
    );
  }
}
