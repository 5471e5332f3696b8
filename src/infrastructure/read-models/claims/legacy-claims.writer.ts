import Database from 'better-sqlite3';
import type { ClaimWrite } from '../../../application/read-models/runtime/read-model-page';
import {
  ClaimRowKeeps,
  KeptFold,
  ReadModelVersions,
  StoredClaimRow,
} from '../../../application/ports/read-model-store.port';
import { GenerationTables } from '../generation-tables';
import { ClaimTables, preparedOnce, readKeptFolds, readStoredClaims } from './claim-rows';
import { addReviewColumns } from './claims.schema';

/** The claims table as claims read model 4 and older built it (created so only for such a generation's specs). */
export function createLegacyClaimsTable(db: Database.Database, { claims }: GenerationTables): void {
  db.exec(`
    CREATE TABLE ${claims} (
      id TEXT PRIMARY KEY, storyline_id TEXT NOT NULL, seq INTEGER NOT NULL, status TEXT NOT NULL,
      needs_review INTEGER NOT NULL, claimant_id TEXT NOT NULL, search_text TEXT NOT NULL, record TEXT NOT NULL,
      evaluation TEXT NOT NULL, summary TEXT NOT NULL, review_at INTEGER, review_first_at INTEGER, verdict_times TEXT
    )
  `);
}

/**
 * Writes a claims table of the shape before narrow rows (claims read model 4 and older), whose rows
 * hold the claim's whole fold: such a generation keeps serving, and following the log, while its
 * successor is built. The evaluation, summary and feed place a row keeps come with the page
 * (claim-row-values.ts).
 */
export class LegacyClaimsWriter {
  private readonly upsert: Database.Statement;
  private readonly reevaluate: Database.Statement;
  private readonly view: ClaimTables;
  readonly keeps: ClaimRowKeeps = { words: false, whole: true };

  constructor(db: Database.Database, tables: GenerationTables, versions: ReadModelVersions) {
    this.view = { tables, versions, prepare: preparedOnce(db) };
    addReviewColumns(db, tables);
    this.upsert = db.prepare(
      `INSERT INTO ${tables.claims}
         (id, storyline_id, seq, status, needs_review, claimant_id, search_text, record, evaluation, summary,
          review_at, review_first_at, verdict_times)
       VALUES (@id, @storylineId, @seq, @status, @needsReview, @claimantId, @searchText, @record, @evaluation, @summary,
          @reviewAt, @reviewFirstAt, @verdictTimes)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, needs_review = excluded.needs_review,
         claimant_id = excluded.claimant_id, search_text = excluded.search_text, record = excluded.record,
         evaluation = excluded.evaluation, summary = excluded.summary, review_at = excluded.review_at,
         review_first_at = excluded.review_first_at, verdict_times = excluded.verdict_times`,
    );
    this.reevaluate = db.prepare(
      `UPDATE ${tables.claims} SET status = @status, needs_review = @needsReview, evaluation = @evaluation,
         summary = @summary WHERE id = @id`,
    );
  }

  packed(): undefined {
    return undefined;
  }

  load(ids: string[]): Map<string, StoredClaimRow> {
    return readStoredClaims(this.view, ids);
  }

  folds(ids: string[]): Map<string, KeptFold> {
    return readKeptFolds(this.view, ids);
  }

  write(claims: ClaimWrite[]): void {
    for (const { record, facts, recordChanged, row } of claims) {
      // Such a generation's claims are read back whole from their rows, so the page holds each one's fold.
      if (!record || !row.whole) throw new Error(`claim ${facts.claimId} is written without its whole fold`);
      const { evaluation, summary } = row.whole;
      const { claimId, storylineId, content } = record.claim;
      if (!recordChanged) {
        this.reevaluate.run({
          id: claimId,
          status: evaluation.status,
          needsReview: evaluation.needsReview ? 1 : 0,
          evaluation: JSON.stringify(evaluation),
          summary: JSON.stringify(summary),
        });
        continue;
      }
      const { feed } = row;
      if (!feed) throw new Error(`claim ${claimId} is written without its place in the review feed`);
      this.upsert.run({
        id: claimId,
        storylineId,
        seq: record.recordedPosition,
        status: evaluation.status,
        needsReview: evaluation.needsReview ? 1 : 0,
        claimantId: content.claimant.id,
        searchText: `${content.statement}\n${content.claimant.name}`.toLowerCase(),
        record: JSON.stringify(record),
        evaluation: JSON.stringify(evaluation),
        summary: JSON.stringify(summary),
        reviewAt: feed.latestAt ?? null,
        reviewFirstAt: feed.firstPublishedAt ?? null,
        verdictTimes: feed.firstPublishedAt === undefined ? null : JSON.stringify(feed.verdictTimes),
      });
    }
  }
}
