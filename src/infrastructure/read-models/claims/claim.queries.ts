import type { ClaimRecordEvent } from '../../../application/read-models/claims/claim-record';
import type { ClaimSnapshot, ClaimStore } from '../../../application/read-models/claims/claim-store.port';
import type { ReadModelVersions } from '../../../application/ports/read-model-store.port';
import type { ClaimStatus } from '../../../domain/claim/claim-status';
import type { ClaimKind } from '../../../domain/claim/claim.events';
import {
  ClaimFilter,
  ReadModelsUnavailableError,
  ReviewedClaim,
  StoredClaimFold,
} from '../../../application/queries/read-models.port';
import { containsPattern } from '../like-pattern';
import { GenerationView, ReadModelReader } from '../read-model-reader';
import { WhereClause } from '../where-clause';
import { claimColumns, keepsFacts, keptEventsOf } from './claim-rows';
import { PARTY_TABLE_SINCE_VERSION } from './claims.schema';
import { storedClaimsOf } from './stored-claims';

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
  facts: string | null;
}

/** The claims read model as one read transaction finds it stored: the claims, and the rows of its lists. */
function snapshotOf(view: GenerationView): ClaimSnapshot {
  return {
    ...storedClaimsOf(view),
    search: (filter, afterSeq, limit) => searchRows(view, filter, afterSeq, limit),
    publishedReviews: (beforeAt, beforeId, limit) => reviewFeedRows(view, beforeAt, beforeId, limit),
  };
}

function searchRows(view: GenerationView, filter: ClaimFilter, afterSeq: number, limit: number) {
  const where = new WhereClause()
    .and('seq > ?', afterSeq)
    .andIf(filter.status, 'status = ?')
    .andIf(filter.storylineId, 'storyline_id = ?')
    .andIf(filter.claimantId, 'claimant_id = ?')
    .andIf(filter.needsReview === undefined ? undefined : filter.needsReview ? 1 : 0, 'needs_review = ?')
    .andIf(filter.text, "search_text LIKE ? ESCAPE '\\'", (text) => containsPattern(String(text)));
  return view
    .prepare<unknown[], { seq: number; id: string }>(
      `SELECT seq, id FROM ${view.tables.claims} WHERE ${where} ORDER BY seq LIMIT ?`,
    )
    .all(...where.params, limit);
}

function reviewFeedRows(view: GenerationView, beforeAt: number, beforeId: string, limit: number) {
  requireReviewFeed(view);
  return view
    .prepare<[number, number, string, number], { reviewAt: number; id: string }>(
      `SELECT id, review_at AS reviewAt FROM ${view.tables.claims}
       WHERE review_at IS NOT NULL AND (review_at < ? OR (review_at = ? AND id < ?))
       ORDER BY review_at DESC, id DESC LIMIT ?`,
    )
    .all(beforeAt, beforeAt, beforeId, limit);
}

/** What the claims read model stores, read on the HTTP side; the views are built from it (claim-views.ts). */
export class ClaimQueries implements ClaimStore {
  constructor(private readonly reader: ReadModelReader) {}

  read<T>(query: (snapshot: ClaimSnapshot) => T): T {
    return this.reader.read((view) => query(snapshotOf(view)));
  }

  storedFolds(
    claimIds: readonly string[],
    { withFacts = false }: { withFacts?: boolean } = {},
  ): {
    checkpoint: number;
    versions: ReadModelVersions;
    folds: Map<string, StoredClaimFold>;
  } {
    return this.reader.read((view) => {
      const { tables, prepare, checkpoint, versions } = view;
      const columns = claimColumns(view);
      const rows = prepare<[string], StoredFoldRow>(
        `SELECT c.id AS id, c.storyline_id AS storyline_id, c.status AS status, c.needs_review AS needs_review,
                ${columns.position} AS position, ${columns.kind} AS kind,
                ${withFacts && keepsFacts(view) ? 'c.facts' : 'NULL'} AS facts
         FROM ${tables.claims} c WHERE c.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(claimIds));
      const parties =
        withFacts && (versions.claims ?? 0) >= PARTY_TABLE_SINCE_VERSION ? view.partyNumbers() : undefined;
      const folds = new Map<string, StoredClaimFold>();
      for (const row of rows) {
        folds.set(row.id, {
          storylineId: row.storyline_id,
          position: row.position,
          // A row written before claims had kinds holds a factual one (see readClaimRecord).
          standing: { status: row.status, needsReview: row.needs_review === 1, kind: row.kind ?? 'factual' },
          ...(row.facts === null ? {} : { packedFacts: row.facts, ...(parties ? { parties } : {}) }),
        });
      }
      return { checkpoint, versions, folds };
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
}
