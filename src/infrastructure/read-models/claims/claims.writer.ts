import Database from 'better-sqlite3';
import { feedPlaceOf } from '../../../application/claim-reviews/publication';
import { recordedVerdicts } from '../../../application/projections/claim-view';
import { ClaimWrite, KnownClaim } from '../../../application/projections/read-model-page';
import { ReadModelVersions } from '../../../application/ports/read-model-store.port';
import { GenerationTables } from '../generation-tables';
import { ClaimTables, keptEvaluation, keptEvents, preparedOnce, readClaims } from './claim-rows';

/**
 * Writes the claims table of one generation: a claim's own events write its row and add those
 * events beside it; a registry event that moved its evaluation writes only the status and evaluation.
 */
export class ClaimsWriter {
  private readonly upsert: Database.Statement;
  private readonly reevaluate: Database.Statement;
  private readonly reweigh: Database.Statement;
  private readonly keepEvents: Database.Statement<[string, number, string]>;
  private readonly view: ClaimTables;

  constructor(db: Database.Database, tables: GenerationTables, versions: ReadModelVersions) {
    this.view = { tables, versions, prepare: preparedOnce(db) };
    this.upsert = db.prepare(
      `INSERT INTO ${tables.claims}
         (seq, id, storyline_id, position, status, needs_review, kind, statement, claimant_id, claimant_name,
          occurred_at, search_text, evaluation, review_at, review_first_at, verdict_times)
       VALUES (@seq, @id, @storylineId, @position, @status, @needsReview, @kind, @statement, @claimantId, @claimantName,
          @occurredAt, @searchText, @evaluation, @reviewAt, @reviewFirstAt, @verdictTimes)
       ON CONFLICT (id) DO UPDATE SET position = excluded.position, status = excluded.status,
         needs_review = excluded.needs_review, kind = excluded.kind, statement = excluded.statement,
         claimant_id = excluded.claimant_id, claimant_name = excluded.claimant_name, occurred_at = excluded.occurred_at,
         search_text = excluded.search_text, evaluation = excluded.evaluation, review_at = excluded.review_at,
         review_first_at = excluded.review_first_at, verdict_times = excluded.verdict_times`,
    );
    this.reevaluate = db.prepare(
      `UPDATE ${tables.claims} SET status = @status, needs_review = @needsReview, evaluation = @evaluation WHERE id = @id`,
    );
    // Setting an indexed column rewrites its index entries even when the value stands: leave them when it does.
    this.reweigh = db.prepare(`UPDATE ${tables.claims} SET evaluation = @evaluation WHERE id = @id`);
    this.keepEvents = db.prepare(`INSERT INTO ${tables.claimEvents} (claim_id, position, events) VALUES (?, ?, ?)`);
  }

  load(ids: string[]): Map<string, KnownClaim> {
    return readClaims(this.view, ids);
  }

  write(claims: ClaimWrite[]): void {
    for (const { record, evaluation, recordChanged, standingChanged, events } of claims) {
      const { claimId, storylineId, content } = record.claim;
      const standing = {
        id: claimId,
        status: evaluation.status,
        needsReview: evaluation.needsReview ? 1 : 0,
        evaluation: keptEvaluation(evaluation),
      };
      if (!recordChanged) {
        if (standingChanged) this.reevaluate.run(standing);
        else this.reweigh.run({ id: claimId, evaluation: standing.evaluation });
        continue;
      }
      this.keepEvents.run(claimId, events[events.length - 1].position, keptEvents(events));
      const feed = feedPlaceOf(content, recordedVerdicts(record));
      this.upsert.run({
        ...standing,
        seq: record.recordedPosition,
        storylineId,
        position: record.position,
        kind: content.kind,
        statement: content.statement,
        claimantId: content.claimant.id,
        claimantName: content.claimant.name,
        occurredAt: content.occurredAt,
        searchText: `${content.statement}\n${content.claimant.name}`.toLowerCase(),
        reviewAt: feed.latestAt ?? null,
        reviewFirstAt: feed.firstPublishedAt ?? null,
        verdictTimes: feed.firstPublishedAt === undefined ? null : JSON.stringify(feed.verdictTimes),
      });
    }
  }
}
