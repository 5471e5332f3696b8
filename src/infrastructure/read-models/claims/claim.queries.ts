import { readClaimRecord } from '../../../application/projections/claim-record';
import { ClaimView, toClaimView } from '../../../application/projections/claim-view';
import { READ_MODEL_VERSIONS } from '../../../application/projections/read-model-versions';
import { ClaimStatus } from '../../../domain/claim/claim-status';
import { ClaimKind } from '../../../domain/claim/claim.events';
import { Page, PageRequest, decodeCursor, toPage } from '../../../application/queries/page';
import {
  ClaimFilter,
  ClaimReadModel,
  ReadModelsUnavailableError,
  ReviewedClaim,
  StoredClaimFold,
} from '../../../application/queries/read-models.port';
import { containsPattern } from '../like-pattern';
import { ReadModelReader } from '../read-model-reader';
import { GenerationView } from '../read-model-reader';
import { WhereClause } from '../where-clause';
import { readClaimRow } from './claim-row';

/** The claims read model's version from which its rows carry their place in the review feed. */
const REVIEW_FEED_SINCE_VERSION = 2;

function requireReviewFeed({ versions }: GenerationView): void {
  if ((versions.claims ?? 0) < REVIEW_FEED_SINCE_VERSION) {
    throw new ReadModelsUnavailableError(
      'the claims read model is being rebuilt to index published reviews; retry shortly',
    );
  }
}

interface ClaimRow {
  seq: number;
  record: string;
  evaluation: string;
}

interface StoredFoldRow {
  id: string;
  storyline_id: string;
  status: ClaimStatus;
  needs_review: number;
  record: string;
  position: number;
  kind: ClaimKind | null;
}

const toView = (row: ClaimRow): ClaimView => {
  const { record, evaluation } = readClaimRow(row);
  return toClaimView(record, evaluation);
};

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

  storedFolds(claimIds: readonly string[]): { checkpoint: number; folds: Map<string, StoredClaimFold> } | undefined {
    return this.reader.read(({ tables, prepare, checkpoint, versions }) => {
      if (versions.statusRule !== READ_MODEL_VERSIONS.statusRule || versions.claims !== READ_MODEL_VERSIONS.claims) {
        return undefined;
      }
      const rows = prepare<[string], StoredFoldRow>(
        `SELECT id, storyline_id, status, needs_review, record,
                json_extract(record, '$.position') AS position, json_extract(record, '$.claim.content.kind') AS kind
         FROM ${tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(claimIds));
      const folds = new Map<string, StoredClaimFold>();
      for (const row of rows) {
        folds.set(row.id, {
          storylineId: row.storyline_id,
          position: row.position,
          // A row written before claims had kinds holds a factual one (see readClaimRecord).
          standing: { status: row.status, needsReview: row.needs_review === 1, kind: row.kind ?? 'factual' },
          record: () => readClaimRecord(row.record),
        });
      }
      return { checkpoint, folds };
    });
  }

  claimIdsOf(storylineId: string): { checkpoint: number; ids: string[] } {
    return this.reader.read(({ tables, prepare, checkpoint }) => ({
      checkpoint,
      ids: prepare<[string], { id: string }>(`SELECT id FROM ${tables.claims} WHERE storyline_id = ? ORDER BY seq`)
        .all(storylineId)
        .map((row) => row.id),
    }));
  }

  checkpoint(): number {
    return this.reader.checkpoint();
  }

  publishedReviews({ limit, cursor }: PageRequest): Page<ClaimView> {
    const [beforeAt, beforeId] = decodeCursor(cursor, ['number', 'string']) ?? [Number.MAX_SAFE_INTEGER, ''];
    return this.reader.read((view) => {
      requireReviewFeed(view);
      const rows = view
        .prepare<[number, number, string, number], ClaimRow & { review_at: number; id: string }>(
          `SELECT id, seq, record, evaluation, review_at FROM ${view.tables.claims}
           WHERE review_at IS NOT NULL AND (review_at < ? OR (review_at = ? AND id < ?))
           ORDER BY review_at DESC, id DESC LIMIT ?`,
        )
        .all(beforeAt as number, beforeAt as number, beforeId as string, limit + 1);
      return toPage(rows, limit, toView, (row) => [row.review_at, row.id]);
    });
  }

  reviewedBy(asOfMs: number): { checkpoint: number; claims: ReviewedClaim[] } {
    return this.reader.read((view) => {
      requireReviewFeed(view);
      const claims = view
        .prepare<[number, number], ReviewedClaim>(
          `SELECT id AS claimId,
                  (SELECT max(value) FROM json_each(verdict_times) WHERE value <= ?) AS at
           FROM ${view.tables.claims} WHERE review_first_at <= ?`,
        )
        .all(asOfMs, asOfMs);
      return { checkpoint: view.checkpoint, claims };
    });
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
