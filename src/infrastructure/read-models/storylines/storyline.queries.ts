import type { ClaimSummary } from '../../../application/read-models/claims/claim-view';
import type {
  StoredStoryline,
  StorylineSnapshot,
  StorylineStore,
} from '../../../application/read-models/storylines/storyline-store.port';
import type { StorylineRecord } from '../../../application/read-models/storylines/storyline-view';
import { StorylineFilter } from '../../../application/queries/read-models.port';
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

const STORYLINE_COLUMNS =
  's.seq, s.status, s.needs_review, s.claim_count, s.counts, s.kinds, s.retracted_claims, s.record, s.position';

const stored = (row: StorylineRow): StoredStoryline => ({
  seq: row.seq,
  record: JSON.parse(row.record) as StorylineRecord,
  counts: storylineCountsOf(row),
  position: row.position,
});

function storylineOf({ tables, prepare }: GenerationView, storylineId: string): StoredStoryline | undefined {
  const row = prepare<[string], StorylineRow>(
    `SELECT ${STORYLINE_COLUMNS} FROM ${tables.storylines} s WHERE s.id = ? AND s.record IS NOT NULL`,
  ).get(storylineId);
  return row && stored(row);
}

function storylinesOf({ tables, prepare }: GenerationView, filter: StorylineFilter, afterSeq: number, limit: number) {
  const where = new WhereClause()
    .and('s.record IS NOT NULL')
    .and('s.seq > ?', afterSeq)
    .andIf(filter.status, 's.status = ?')
    .andIf(filter.tag, `EXISTS (SELECT 1 FROM ${tables.storylineTags} t WHERE t.tag = ? AND t.storyline_id = s.id)`)
    .andIf(filter.text, "s.search_text LIKE ? ESCAPE '\\'", (text) => containsPattern(String(text)));
  return prepare<unknown[], StorylineRow>(
    `SELECT ${STORYLINE_COLUMNS} FROM ${tables.storylines} s WHERE ${where} ORDER BY s.seq LIMIT ?`,
  )
    .all(...where.params, limit)
    .map(stored);
}

function claimSummariesOf(view: GenerationView, storylineId: string, afterSeq: number, limit: number) {
  return view
    .prepare<[string, number, number], { seq: number; summary: string }>(
      `SELECT c.seq AS seq, ${claimColumns(view).summary} AS summary FROM ${view.tables.claims} c
       WHERE c.storyline_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`,
    )
    .all(storylineId, afterSeq, limit)
    .map((row) => ({ seq: row.seq, summary: JSON.parse(row.summary) as ClaimSummary }));
}

/** What the storylines read model stores, read on the HTTP side; the views are built from it (storyline-views.ts). */
export class StorylineQueries implements StorylineStore {
  constructor(private readonly reader: ReadModelReader) {}

  read<T>(query: (snapshot: StorylineSnapshot) => T): T {
    return this.reader.read((view) =>
      query({
        storyline: (storylineId) => storylineOf(view, storylineId),
        storylines: (filter, afterSeq, limit) => storylinesOf(view, filter, afterSeq, limit),
        claimSummaries: (storylineId, afterSeq, limit) => claimSummariesOf(view, storylineId, afterSeq, limit),
      }),
    );
  }
}
