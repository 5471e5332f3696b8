import Database from 'better-sqlite3';
import { feedPlaceOf } from '../../../application/claim-reviews/publication';
import { recordedVerdicts } from '../../../application/projections/claim-view';
import { ClaimWrite, KnownClaim } from '../../../application/projections/read-model-page';
import { GenerationTables } from '../generation-tables';
import { readClaimRow } from './claim-row';
import { addReviewColumns } from './claims.schema';

interface StoredClaimRow {
  id: string;
  record: string;
  evaluation: string;
}

/** Writes the claims table of one generation, and reads back what it wrote. */
export class ClaimsWriter {
  private readonly upsert: Database.Statement;
  private readonly reevaluate: Database.Statement;
  private readonly select: Database.Statement<[string], StoredClaimRow>;

  constructor(
    private readonly db: Database.Database,
    private readonly tables: GenerationTables,
  ) {
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
    this.select = db.prepare(
      `SELECT id, record, evaluation FROM ${tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
    );
  }

  load(ids: string[]): Map<string, KnownClaim> {
    const found = new Map<string, KnownClaim>();
    for (const row of this.select.all(JSON.stringify(ids))) {
      found.set(row.id, readClaimRow(row));
    }
    return found;
  }

  write(claims: ClaimWrite[]): void {
    for (const { record, evaluation, summary, recordChanged } of claims) {
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
      const feed = feedPlaceOf(content, recordedVerdicts(record));
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
