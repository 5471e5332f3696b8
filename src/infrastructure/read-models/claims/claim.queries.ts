import { ClaimEvaluation } from '../../../application/projections/claim-evaluation';
import { ClaimRecord } from '../../../application/projections/claim-record';
import { ClaimView, toClaimView } from '../../../application/projections/claim-view';
import { Page, PageRequest, decodeCursor, toPage } from '../../../application/queries/page';
import { ClaimFilter, ClaimReadModel } from '../../../application/queries/read-models.port';
import { containsPattern } from '../like-pattern';
import { ReadModelReader } from '../read-model-reader';
import { WhereClause } from '../where-clause';

interface ClaimRow {
  seq: number;
  record: string;
  evaluation: string;
}

const toView = (row: ClaimRow): ClaimView =>
  toClaimView(JSON.parse(row.record) as ClaimRecord, JSON.parse(row.evaluation) as ClaimEvaluation);

/** The claim views and the claim search, on the HTTP side. */
export class ClaimQueries implements ClaimReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  get(claimId: string): ClaimView | undefined {
    return this.reader.read(({ tables, prepare }) => {
      const row = prepare<[string], ClaimRow>(`SELECT seq, record, evaluation FROM ${tables.claims} WHERE id = ?`).get(
        claimId,
      );
      return row && toView(row);
    });
  }

  claimIdsOf(storylineId: string): string[] {
    return this.reader.read(({ tables, prepare }) =>
      prepare<[string], { id: string }>(`SELECT id FROM ${tables.claims} WHERE storyline_id = ? ORDER BY seq`)
        .all(storylineId)
        .map((row) => row.id),
    );
  }

  checkpoint(): number {
    return this.reader.checkpoint();
  }

  search(filter: ClaimFilter, { limit, cursor }: PageRequest): Page<ClaimView> {
    const [afterSeq] = decodeCursor(cursor, ['number']) ?? [-1];
    const where = new WhereClause()
      .and('seq > ?', afterSeq)
      .andIf(filter.status, 'status = ?')
      .andIf(filter.storylineId, 'storyline_id = ?')
      .andIf(filter.claimantId, 'claimant_id = ?')
      .andIf(filter.needsReview === undefined ? undefined : filter.needsReview ? 1 : 0, 'needs_review = ?')
      .andIf(filter.text, "search_text LIKE ? ESCAPE '\\'", (text) => containsPattern(String(text)));
    return this.reader.read(({ tables, prepare }) => {
      const rows = prepare<unknown[], ClaimRow>(
        `SELECT seq, record, evaluation FROM ${tables.claims} WHERE ${where} ORDER BY seq LIMIT ?`,
      ).all(...where.params, limit + 1);
      return toPage(rows, limit, toView, (row) => [row.seq]);
    });
  }
}
