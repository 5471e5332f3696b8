import Database from 'better-sqlite3';
import {
  HeadlineChange,
  HeadlineComparisonPage,
  StoredHeadline,
} from '../../../application/ports/status-comparison.port';
import { ReadModelGeneration } from '../../../application/ports/read-model-store.port';
import { ClaimStatusCounts, StorylineStatus } from '../../../domain/storyline/storyline-status';
import { generationTables } from '../generation-tables';

interface ComparedRow {
  id: string;
  title: string;
  beforeStatus: StorylineStatus | null;
  beforeCounts: string | null;
  afterStatus: StorylineStatus | null;
  afterCounts: string | null;
  afterRetracted: number | null;
}

/**
 * The next page of opened storylines of either table after the cursor, looked up by id in both, as
 * the claims are compared (status-comparison.ts). The older table may predate `retracted_claims`, so
 * only the newer one's is read.
 */
const bothGenerations = (older: string, newer: string) => `
  WITH ids AS (
    SELECT id FROM (SELECT id FROM ${newer} WHERE id > @cursor AND record IS NOT NULL ORDER BY id LIMIT @limit)
    UNION
    SELECT id FROM (SELECT id FROM ${older} WHERE id > @cursor AND record IS NOT NULL ORDER BY id LIMIT @limit)
    ORDER BY id LIMIT @limit
  )
  SELECT ids.id AS id, coalesce(json_extract(n.record, '$.title'), json_extract(o.record, '$.title')) AS title,
    o.status AS beforeStatus, o.counts AS beforeCounts,
    n.status AS afterStatus, n.counts AS afterCounts, n.retracted_claims AS afterRetracted
  FROM ids LEFT JOIN ${older} o ON o.id = ids.id AND o.record IS NOT NULL
    LEFT JOIN ${newer} n ON n.id = ids.id AND n.record IS NOT NULL
  ORDER BY ids.id`;

const onlyNewer = (newer: string) => `
  SELECT id, json_extract(record, '$.title') AS title, NULL AS beforeStatus, NULL AS beforeCounts,
    status AS afterStatus, counts AS afterCounts, retracted_claims AS afterRetracted
  FROM ${newer} WHERE id > @cursor AND record IS NOT NULL ORDER BY id LIMIT @limit`;

function side(status: StorylineStatus | null, counts: string | null, retracted?: number | null) {
  if (status === null || counts === null) return undefined;
  const headline: StoredHeadline = { status, counts: JSON.parse(counts) as ClaimStatusCounts };
  return retracted == null ? headline : { ...headline, retractedClaims: retracted };
}

function toChange(row: ComparedRow): HeadlineChange {
  const before = side(row.beforeStatus, row.beforeCounts);
  const after = side(row.afterStatus, row.afterCounts, row.afterRetracted);
  return { storylineId: row.id, title: row.title, ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

/** The headlines of two generations' opened storylines, a page of ids at a time, those that differ named. */
export function* headlinePages(
  db: Database.Database,
  before: ReadModelGeneration | undefined,
  after: ReadModelGeneration,
  pageSize: number,
): Generator<HeadlineComparisonPage> {
  const newer = generationTables(after.generation).storylines;
  const older = before && generationTables(before.generation).storylines;
  const query = db.prepare<[{ cursor: string; limit: number }], ComparedRow>(
    older ? bothGenerations(older, newer) : onlyNewer(newer),
  );
  let cursor = '';
  for (;;) {
    const rows = query.all({ cursor, limit: pageSize });
    if (rows.length === 0) return;
    cursor = rows[rows.length - 1].id;
    yield {
      storylines: rows.length,
      changes: rows.filter((row) => row.beforeStatus !== row.afterStatus).map(toChange),
    };
  }
}
