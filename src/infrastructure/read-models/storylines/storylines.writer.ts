import Database from 'better-sqlite3';
import type { KnownStoryline, StorylineWrite } from '../../../application/read-models/runtime/read-model-page';
import type {
  ClaimKindCounts,
  ClaimStatusCounts,
  StorylineCounts,
} from '../../../application/read-models/storylines/storyline-tally';
import { CLAIM_KINDS } from '../../../domain/claim/claim.events';
import type { StorylineRecord } from '../../../application/read-models/storylines/storyline-view';
import { StorylineStatus } from '../../../domain/storyline/storyline-status';
import { GenerationTables } from '../generation-tables';
import { addCountColumns } from './storylines.schema';

interface StoredStorylineRow {
  id: string;
  status: StorylineStatus;
  needs_review: number;
  claim_count: number;
  counts: string;
  kinds: string | null;
  retracted_claims: number | null;
  record: string | null;
  position: number;
}

/** Writes the storylines and their tags for one generation, and reads back what it wrote. */
export class StorylinesWriter {
  private readonly statements;

  constructor(db: Database.Database, tables: GenerationTables) {
    const { storylines, storylineTags } = tables;
    addCountColumns(db, tables);
    this.statements = {
      select: db.prepare<[string], StoredStorylineRow>(
        `SELECT id, status, needs_review, claim_count, counts, kinds, retracted_claims, record, position FROM ${storylines}
         WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      upsert: db.prepare(
        `INSERT INTO ${storylines}
           (id, seq, status, needs_review, claim_count, counts, kinds, retracted_claims, search_text, record, position)
         VALUES (@id, @seq, @status, @needsReview, @claimCount, @counts, @kinds, @retractedClaims, @searchText,
           @record, @position)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, status = excluded.status,
           needs_review = excluded.needs_review, claim_count = excluded.claim_count, counts = excluded.counts,
           kinds = excluded.kinds, retracted_claims = excluded.retracted_claims,
           search_text = excluded.search_text, record = excluded.record, position = excluded.position`,
      ),
      // Only a storyline's own events change its record, its place in lists and its search text.
      updateCounts: db.prepare(
        `UPDATE ${storylines} SET status = @status, needs_review = @needsReview, claim_count = @claimCount,
           counts = @counts, kinds = @kinds, retracted_claims = @retractedClaims, position = @position
         WHERE id = @id`,
      ),
      deleteTags: db.prepare(`DELETE FROM ${storylineTags} WHERE storyline_id = ?`),
      insertTag: db.prepare(`INSERT OR IGNORE INTO ${storylineTags} (tag, storyline_id) VALUES (?, ?)`),
    };
  }

  load(ids: string[]): Map<string, KnownStoryline> {
    const found = new Map<string, KnownStoryline>();
    for (const row of this.statements.select.all(JSON.stringify(ids))) {
      found.set(row.id, {
        ...(row.record !== null ? { record: JSON.parse(row.record) as StorylineRecord } : {}),
        counts: storylineCountsOf(row),
        position: row.position,
      });
    }
    return found;
  }

  write(storylines: StorylineWrite[]): void {
    for (const { id, record, counts, position, recordChanged } of storylines) {
      const tally = {
        id,
        status: counts.status,
        needsReview: counts.needsReview,
        claimCount: counts.claimCount,
        counts: JSON.stringify(counts.counts),
        kinds: JSON.stringify(counts.kinds),
        retractedClaims: counts.retractedClaims,
        position,
      };
      if (!recordChanged && this.statements.updateCounts.run(tally).changes > 0) continue;
      this.statements.upsert.run({
        ...tally,
        seq: record?.openedPosition ?? -1,
        searchText: record ? `${record.title}\n${record.summary}`.toLowerCase() : '',
        record: record ? JSON.stringify(record) : null,
      });
      if (!recordChanged || !record) continue;
      this.statements.deleteTags.run(id);
      for (const tag of record.tags) this.statements.insertTag.run(tag, id);
    }
  }
}

/**
 * A row's counts. One written before kinds were counted holds every claim as factual; one written
 * before retracted claims were counted knows only those still without a verdict. Such rows serve
 * only while their generation is being rebuilt.
 */
export function storylineCountsOf(row: {
  status: StorylineStatus;
  needs_review: number;
  claim_count: number;
  counts: string;
  kinds: string | null;
  retracted_claims: number | null;
}): StorylineCounts {
  const counts = JSON.parse(row.counts) as ClaimStatusCounts;
  return {
    status: row.status,
    counts,
    needsReview: row.needs_review,
    retractedClaims: row.retracted_claims ?? counts.retracted,
    claimCount: row.claim_count,
    kinds:
      row.kinds === null
        ? (Object.fromEntries(
            CLAIM_KINDS.map((kind) => [kind, kind === 'factual' ? row.claim_count : 0]),
          ) as ClaimKindCounts)
        : (JSON.parse(row.kinds) as ClaimKindCounts),
  };
}
