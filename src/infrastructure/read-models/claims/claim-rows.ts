import Database from 'better-sqlite3';
import { ClaimEvaluation, evaluateClaim } from '../../../application/projections/claim-evaluation';
import {
  ClaimRecord,
  ClaimRecordEvent,
  evolveClaimRecord,
  readClaimRecord,
} from '../../../application/projections/claim-record';
import { KnownClaim } from '../../../application/projections/read-model-page';
import { ReadModelVersions } from '../../../application/ports/read-model-store.port';
import { GenerationTables } from '../generation-tables';
import { NARROW_ROWS_SINCE_VERSION } from './claims.schema';

type Prepare = <P extends unknown[], R>(sql: string) => Database.Statement<P, R>;

/** Prepares each statement once (a writer's reads of its own tables). */
export function preparedOnce(db: Database.Database): Prepare {
  const statements = new Map<string, Database.Statement>();
  return <P extends unknown[], R>(sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement as Database.Statement<P, R>;
  };
}

/** A generation's claims tables as a reader or their writer sees them. */
export interface ClaimTables {
  tables: GenerationTables;
  versions: ReadModelVersions;
  prepare: Prepare;
}

/** A claim event as the claims read model keeps it: what the claim fold reads, its position in its column. */
interface KeptEvent {
  eventId: string;
  type: string;
  revision: number;
  recordedAt: string;
  data: unknown;
}

export const keptEvent = ({ eventId, type, revision, metadata, data }: ClaimRecordEvent): string =>
  JSON.stringify({ eventId, type, revision, recordedAt: metadata.recordedAt, data } satisfies KeptEvent);

const recordEvent = (position: number, json: string): ClaimRecordEvent => {
  const { eventId, type, revision, recordedAt, data } = JSON.parse(json) as KeptEvent;
  return { eventId, type, revision, position, data, metadata: { recordedAt } };
};

/** The evaluation as a narrow row keeps it: the status and whether it needs review have their columns. */
export function keptEvaluation({ status: _status, needsReview: _needsReview, ...rest }: ClaimEvaluation): string {
  return JSON.stringify(rest);
}

export const isNarrow = ({ versions }: Pick<ClaimTables, 'versions'>): boolean =>
  (versions.claims ?? 0) >= NARROW_ROWS_SINCE_VERSION;

/**
 * SQL for what lists show of a claim (`c` is its row), over either shape of the table: a narrow row
 * has columns for them, an older row keeps them in its JSON.
 */
export function claimColumns(view: Pick<ClaimTables, 'versions'>) {
  if (!isNarrow(view)) {
    return {
      position: `json_extract(c.record, '$.position')`,
      kind: `json_extract(c.record, '$.claim.content.kind')`,
      summary: 'c.summary',
    };
  }
  return {
    position: 'c.position',
    kind: 'c.kind',
    summary: `json_object('id', c.id, 'statement', c.statement, 'kind', c.kind,
      'claimant', json_object('id', c.claimant_id, 'name', c.claimant_name), 'status', c.status,
      'needsReview', json(CASE c.needs_review WHEN 1 THEN 'true' ELSE 'false' END), 'occurredAt', c.occurred_at)`,
  };
}

interface NarrowRow {
  id: string;
  status: ClaimEvaluation['status'];
  needs_review: number;
  evaluation: string;
}

/**
 * The claims named by `ids` (unknown ones left out), each folded again from its kept events, with
 * its evaluation. A row of an older shape holds its fold; one written under an older status rule
 * lacks the parties its evidence resolved to, and is weighed again without a registry, by mention
 * ids as that rule did, while its generation serves until its successor is built.
 */
export function readClaims(view: ClaimTables, ids: readonly string[]): Map<string, KnownClaim> {
  const { tables, prepare } = view;
  const found = new Map<string, KnownClaim>();
  if (ids.length === 0) return found;
  const idList = JSON.stringify(ids);
  if (!isNarrow(view)) {
    const rows = prepare<[string], { id: string; record: string; evaluation: string }>(
      `SELECT id, record, evaluation FROM ${tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(idList);
    for (const row of rows) {
      const record = readClaimRecord(row.record);
      const evaluation = JSON.parse(row.evaluation) as ClaimEvaluation;
      found.set(row.id, { record, evaluation: evaluation.parties ? evaluation : evaluateClaim(record.claim) });
    }
    return found;
  }
  const records = new Map<string, ClaimRecord>();
  const events = prepare<[string], { claim_id: string; position: number; event: string }>(
    `SELECT claim_id, position, event FROM ${tables.claimEvents}
     WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, position`,
  ).all(idList);
  for (const { claim_id: claimId, position, event } of events) {
    const record = evolveClaimRecord(records.get(claimId), recordEvent(position, event));
    if (record) records.set(claimId, record);
  }
  const rows = prepare<[string], NarrowRow>(
    `SELECT id, status, needs_review, evaluation FROM ${tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(idList);
  for (const row of rows) {
    const record = records.get(row.id);
    if (!record) continue;
    const evaluation = {
      status: row.status,
      needsReview: row.needs_review === 1,
      ...(JSON.parse(row.evaluation) as Omit<ClaimEvaluation, 'status' | 'needsReview'>),
    };
    found.set(row.id, { record, evaluation });
  }
  return found;
}

/** The claim folded from its kept events up to `throughPosition`: the fold its row held at that position. */
export function claimRecordAt(view: ClaimTables, claimId: string, throughPosition: number): ClaimRecord | undefined {
  const events = view
    .prepare<[string, number], { position: number; event: string }>(
      `SELECT position, event FROM ${view.tables.claimEvents} WHERE claim_id = ? AND position <= ? ORDER BY position`,
    )
    .all(claimId, throughPosition);
  let record: ClaimRecord | undefined;
  for (const { position, event } of events) record = evolveClaimRecord(record, recordEvent(position, event));
  return record;
}

/** `readClaims` for rows in the order given (a page of a list), skipping none the page found. */
export function readClaimsInOrder(view: ClaimTables, ids: readonly string[]): KnownClaim[] {
  const found = readClaims(view, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}
