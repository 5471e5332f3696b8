import { ClaimView, toClaimSummary, toClaimView } from '../../../application/read-models/claims/claim-view';
import { relatedIdsOf } from '../../../application/read-models/claims/claim-rivals';
import { RelatedSummaryOf } from '../../../application/read-models/claims/related-claims';
import { ClaimRecordEvent } from '../../../application/read-models/claims/claim-record';
import { EvaluatedClaim } from '../../../application/read-models/claims/claim-evaluation';
import { READ_MODEL_VERSIONS } from '../../../application/read-models/runtime/read-model-versions';
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
import { claimColumns, keptEventsOf, readClaims, readClaimsInOrder } from './claim-rows';

/** The claims read model's version from which its rows carry their place in the review feed. */
const REVIEW_FEED_SINCE_VERSION = 2;

function requireReviewFeed({ versions }: GenerationView): void {
  if ((versions.claims ?? 0) < REVIEW_FEED_SINCE_VERSION) {
    throw new ReadModelsUnavailableError(
      'the claims read model is being rebuilt to index published reviews; retry shortly',
    );
  }
}

interface StoredFoldRow {
  id: string;
  storyline_id: string;
  status: ClaimStatus;
  needs_review: number;
  position: number;
  kind: ClaimKind | null;
}

/** The claims these relate to, read in one query, as their views show them. */
function relatedSummaries(view: GenerationView, claims: Iterable<EvaluatedClaim>): RelatedSummaryOf {
  const ids = [...claims].flatMap(({ record }) => relatedIdsOf(record));
  const related = ids.length === 0 ? new Map<string, EvaluatedClaim>() : readClaims(view, [...new Set(ids)]);
  return (claimId) => {
    const other = related.get(claimId);
    return other && { ...toClaimSummary(other.record, other.evaluation), storylineId: other.record.claim.storylineId };
  };
}

const toView = ({ record, evaluation }: EvaluatedClaim, summaryOf: RelatedSummaryOf): ClaimView =>
  toClaimView(record, evaluation, summaryOf);

/** Each row of a page with its claim's view, in the rows' order. */
function viewsOf<R extends { id: string }>(view: GenerationView, rows: R[]): Array<R & { claim: ClaimView }> {
  const claims = readClaims(
    view,
    rows.map((row) => row.id),
  );
  const summaryOf = relatedSummaries(view, claims.values());
  return rows.flatMap((row) => {
    const claim = claims.get(row.id);
    return claim ? [{ ...row, claim: toView(claim, summaryOf) }] : [];
  });
}

/** The claim views and the claim search, on the HTTP side. */
export class ClaimQueries implements ClaimReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  get(claimId: string): ClaimView | undefined {
    return this.reader.read((view) => {
      const [claim] = readClaimsInOrder(view, [claimId]);
      return claim && toView(claim, relatedSummaries(view, [claim]));
    });
  }

  storedFolds(claimIds: readonly string[]): { checkpoint: number; folds: Map<string, StoredClaimFold> } | undefined {
    return this.reader.read((view) => {
      const { tables, prepare, checkpoint, versions } = view;
      if (versions.statusRule !== READ_MODEL_VERSIONS.statusRule || versions.claims !== READ_MODEL_VERSIONS.claims) {
        return undefined;
      }
      const columns = claimColumns(view);
      const rows = prepare<[string], StoredFoldRow>(
        `SELECT c.id AS id, c.storyline_id AS storyline_id, c.status AS status, c.needs_review AS needs_review,
                ${columns.position} AS position, ${columns.kind} AS kind
         FROM ${tables.claims} c WHERE c.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(claimIds));
      const folds = new Map<string, StoredClaimFold>();
      for (const row of rows) {
        folds.set(row.id, {
          storylineId: row.storyline_id,
          position: row.position,
          // A row written before claims had kinds holds a factual one (see readClaimRecord).
          standing: { status: row.status, needsReview: row.needs_review === 1, kind: row.kind ?? 'factual' },
        });
      }
      return { checkpoint, folds };
    });
  }

  keptEvents(claimIds: readonly string[], throughPosition: number): Map<string, ClaimRecordEvent[]> | undefined {
    return this.reader.read((view) => keptEventsOf(view, claimIds, throughPosition));
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
        .prepare<[number, number, string, number], { review_at: number; id: string }>(
          `SELECT id, review_at FROM ${view.tables.claims}
           WHERE review_at IS NOT NULL AND (review_at < ? OR (review_at = ? AND id < ?))
           ORDER BY review_at DESC, id DESC LIMIT ?`,
        )
        .all(beforeAt as number, beforeAt as number, beforeId as string, limit + 1);
      return toPage(
        viewsOf(view, rows),
        limit,
        (row) => row.claim,
        (row) => [row.review_at, row.id],
      );
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
    return this.reader.read((view) => {
      const rows = view
        .prepare<unknown[], { seq: number; id: string }>(
          `SELECT seq, id FROM ${view.tables.claims} WHERE ${where} ORDER BY seq LIMIT ?`,
        )
        .all(...where.params, limit + 1);
      return toPage(
        viewsOf(view, rows),
        limit,
        (row) => row.claim,
        (row) => [row.seq],
      );
    });
  }
}
