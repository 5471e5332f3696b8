import Database from 'better-sqlite3';
import { ClaimStatus, StatusRule } from '../../../domain/claim/claim-status';
import { ReadModelGeneration } from '../../../application/ports/read-model-store.port';
import {
  HeadlineComparisonPage,
  StatusChange,
  StatusComparison,
  StatusComparisonPage,
  StatusExplainer,
  StoredStatus,
} from '../../../application/ports/status-comparison.port';
import { generationTables } from '../generation-tables';
import { GenerationRegistry } from '../parties/generation-registry';
import { preparedOnce } from './claim-rows';
import { storedClaimsOf } from './stored-claims';
import { WORDS_ON_READ_SINCE_VERSION } from './claims.schema';
import { headlinePages } from '../storylines/headline-comparison';

/** Claims compared per query. */
const PAGE_SIZE = 2_000;

interface ComparedRow {
  id: string;
  storylineId: string;
  beforeStatus: ClaimStatus | null;
  afterStatus: ClaimStatus | null;
}

interface Explained {
  rule?: StatusRule;
  reason?: string;
}

/**
 * The next page of ids of either table after the cursor, each looked up by its primary key in both:
 * a merge of the two tables in id order, one index range per page. The rule and its reason are
 * worked out only where the statuses differ (`explanations`).
 */
const bothGenerations = (older: string, newer: string) => `
  WITH ids AS (
    SELECT id FROM (SELECT id FROM ${newer} WHERE id > @cursor ORDER BY id LIMIT @limit)
    UNION
    SELECT id FROM (SELECT id FROM ${older} WHERE id > @cursor ORDER BY id LIMIT @limit)
    ORDER BY id LIMIT @limit
  )
  SELECT ids.id AS id, coalesce(n.storyline_id, o.storyline_id) AS storylineId,
    o.status AS beforeStatus, n.status AS afterStatus
  FROM ids LEFT JOIN ${older} o ON o.id = ids.id LEFT JOIN ${newer} n ON n.id = ids.id
  ORDER BY ids.id`;

const onlyNewer = (newer: string) => `
  SELECT id, storyline_id AS storylineId, NULL AS beforeStatus, status AS afterStatus
  FROM ${newer} WHERE id > @cursor ORDER BY id LIMIT @limit`;

const side = (status: ClaimStatus | null, explained: Explained | undefined): StoredStatus | undefined =>
  status === null ? undefined : { status, ...explained };

/**
 * The rule and reason of the named claims in one generation: read out of the evaluation a row of
 * version 5 or older keeps, else worked out by `explain` from what the generation stores.
 */
function explanations(
  db: Database.Database,
  generation: ReadModelGeneration,
  ids: string[],
  explain: StatusExplainer,
): Map<string, Explained> {
  const tables = generationTables(generation.generation);
  const found = new Map<string, Explained>();
  if (ids.length === 0) return found;
  if ((generation.versions.claims ?? 0) < WORDS_ON_READ_SINCE_VERSION) {
    const rows = db
      .prepare<[string], { id: string; rule: StatusRule | null; reason: string | null }>(
        `SELECT id, json_extract(evaluation, '$.explanation.rule') AS rule,
           json_extract(evaluation, '$.explanation.summary') AS reason
         FROM ${tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    for (const { id, rule, reason } of rows) {
      found.set(id, { ...(rule === null ? {} : { rule }), ...(reason === null ? {} : { reason }) });
    }
    return found;
  }
  const prepare = preparedOnce(db);
  const stored = storedClaimsOf({
    tables,
    versions: generation.versions,
    prepare,
    checkpoint: generation.checkpoint(),
    registry: () => new GenerationRegistry().of(generation.generation, tables, prepare),
  });
  return explain(stored, ids);
}

/** Compares the stored statuses of two generations' claims tables, and their storylines' headlines, in the read-model file. */
export class SqliteStatusComparison implements StatusComparison {
  constructor(
    private readonly db: Database.Database,
    private readonly explain: StatusExplainer,
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
      const changed = rows.filter((row) => row.beforeStatus !== row.afterStatus);
      const explainedBefore = before
        ? explanations(
            this.db,
            before,
            changed.flatMap((row) => (row.beforeStatus === null ? [] : [row.id])),
            this.explain,
          )
        : new Map<string, Explained>();
      const explainedAfter = explanations(
        this.db,
        after,
        changed.flatMap((row) => (row.afterStatus === null ? [] : [row.id])),
        this.explain,
      );
      const changes = changed.map((row): StatusChange => {
        const beforeSide = side(row.beforeStatus, explainedBefore.get(row.id));
        const afterSide = side(row.afterStatus, explainedAfter.get(row.id));
        return {
          claimId: row.id,
          storylineId: row.storylineId,
          ...(beforeSide ? { before: beforeSide } : {}),
          ...(afterSide ? { after: afterSide } : {}),
        };
      });
      yield { claims: rows.length, changes };
    }
  }

  headlinePages(before: ReadModelGeneration | undefined, after: ReadModelGeneration): Iterable<HeadlineComparisonPage> {
    return headlinePages(this.db, before, after, this.pageSize);
  }
}
