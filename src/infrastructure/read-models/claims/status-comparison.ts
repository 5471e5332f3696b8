import Database from 'better-sqlite3';
import { ClaimStatus, StatusRule } from '../../../domain/claim/claim-status';
import { ReadModelGeneration } from '../../../application/ports/read-model-store.port';
import {
  HeadlineComparisonPage,
  StatusChange,
  StatusComparison,
  StatusComparisonPage,
  StoredStatus,
} from '../../../application/ports/status-comparison.port';
import { generationTables } from '../generation-tables';
import { headlinePages } from '../storylines/headline-comparison';

/** Claims compared per query. */
const PAGE_SIZE = 2_000;

interface ComparedRow {
  id: string;
  storylineId: string;
  beforeStatus: ClaimStatus | null;
  beforeRule: StatusRule | null;
  beforeReason: string | null;
  afterStatus: ClaimStatus | null;
  afterRule: StatusRule | null;
  afterReason: string | null;
}

/**
 * The next page of ids of either table after the cursor, each looked up by its primary key in both:
 * a merge of the two tables in id order, one index range per page. The rule and its reason are read
 * out of the evaluation only where the statuses differ, so most rows never have their JSON parsed.
 */
const bothGenerations = (older: string, newer: string) => `
  WITH ids AS (
    SELECT id FROM (SELECT id FROM ${newer} WHERE id > @cursor ORDER BY id LIMIT @limit)
    UNION
    SELECT id FROM (SELECT id FROM ${older} WHERE id > @cursor ORDER BY id LIMIT @limit)
    ORDER BY id LIMIT @limit
  )
  SELECT ids.id AS id, coalesce(n.storyline_id, o.storyline_id) AS storylineId,
    o.status AS beforeStatus, n.status AS afterStatus,
    CASE WHEN o.status IS NOT n.status THEN json_extract(o.evaluation, '$.explanation.rule') END AS beforeRule,
    CASE WHEN o.status IS NOT n.status THEN json_extract(o.evaluation, '$.explanation.summary') END AS beforeReason,
    CASE WHEN o.status IS NOT n.status THEN json_extract(n.evaluation, '$.explanation.rule') END AS afterRule,
    CASE WHEN o.status IS NOT n.status THEN json_extract(n.evaluation, '$.explanation.summary') END AS afterReason
  FROM ids LEFT JOIN ${older} o ON o.id = ids.id LEFT JOIN ${newer} n ON n.id = ids.id
  ORDER BY ids.id`;

const onlyNewer = (newer: string) => `
  SELECT id, storyline_id AS storylineId, NULL AS beforeStatus, NULL AS beforeRule, NULL AS beforeReason,
    status AS afterStatus, json_extract(evaluation, '$.explanation.rule') AS afterRule,
    json_extract(evaluation, '$.explanation.summary') AS afterReason
  FROM ${newer} WHERE id > @cursor ORDER BY id LIMIT @limit`;

const side = (status: ClaimStatus | null, rule: StatusRule | null, reason: string | null): StoredStatus | undefined =>
  status === null ? undefined : { status, ...(rule === null ? {} : { rule }), ...(reason === null ? {} : { reason }) };

const toChange = (row: ComparedRow): StatusChange => {
  const before = side(row.beforeStatus, row.beforeRule, row.beforeReason);
  const after = side(row.afterStatus, row.afterRule, row.afterReason);
  return { claimId: row.id, storylineId: row.storylineId, ...(before ? { before } : {}), ...(after ? { after } : {}) };
};

/** Compares the stored statuses of two generations' claims tables, and their storylines' headlines, in the read-model file. */
export class SqliteStatusComparison implements StatusComparison {
  constructor(
    private readonly db: Database.Database,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  *pages(before: ReadModelGeneration | undefined, after: ReadModelGeneration): Generator<StatusComparisonPage> {
    const newer = generationTables(after.generation).claims;
    const older = before && generationTables(before.generation).claims;
    const query = this.db.prepare<[{ cursor: string; limit: number }], ComparedRow>(
      older ? bothGenerations(older, newer) : onlyNewer(newer),
    );
    // Every claim id is a non-empty slug, so the empty string sorts before the first.
    let cursor = '';
    for (;;) {
      const rows = query.all({ cursor, limit: this.pageSize });
      if (rows.length === 0) return;
      cursor = rows[rows.length - 1].id;
      const changes = rows.filter((row) => row.beforeStatus !== row.afterStatus).map(toChange);
      yield { claims: rows.length, changes };
    }
  }

  headlinePages(before: ReadModelGeneration | undefined, after: ReadModelGeneration): Iterable<HeadlineComparisonPage> {
    return headlinePages(this.db, before, after, this.pageSize);
  }
}
