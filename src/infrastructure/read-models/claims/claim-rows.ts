import Database from 'better-sqlite3';
import type { ClaimRecordEvent } from '../../../application/read-models/claims/claim-record';
import type { MentionRole, PartyMention } from '../../../application/read-models/claims/party-mentions';
import { KeptFold, ReadModelVersions, StoredClaimRow } from '../../../application/ports/read-model-store.port';
import { ClaimStatus } from '../../../domain/claim/claim-status';
import { PartyKind } from '../../../domain/party';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { GenerationTables } from '../generation-tables';
import { COMPACT_EVENTS_SINCE_VERSION, FACTS_SINCE_VERSION, NARROW_ROWS_SINCE_VERSION } from './claims.schema';
import { decodeKeptEvents, encodeKeptEvents } from './kept-events';

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

/** The same, as a reader sees them: with the registry the generation holds at its checkpoint. */
export interface ClaimReadTables extends ClaimTables {
  registry(): PartyRegistry;
}

/** A claim event as a version-6 row of `claim_events` keeps it: what the claim fold reads. */
interface KeptEvent {
  eventId: string;
  type: string;
  revision: number;
  position: number;
  recordedAt: string;
  data: unknown;
}

const keepsCompactEvents = ({ versions }: Pick<ClaimTables, 'versions'>): boolean =>
  (versions.claims ?? 0) >= COMPACT_EVENTS_SINCE_VERSION;

/** The claim events of one page, as one row of `claim_events` keeps them (kept-events.ts since version 7). */
export function keptEvents(
  view: Pick<ClaimTables, 'versions'>,
  claimId: string,
  events: ClaimRecordEvent[],
): string | Buffer {
  if (keepsCompactEvents(view)) return encodeKeptEvents(claimId, events);
  return JSON.stringify(
    events.map(({ eventId, type, revision, position, metadata, data }): KeptEvent => ({
      eventId,
      type,
      revision,
      position,
      recordedAt: metadata.recordedAt,
      data,
    })),
  );
}

function recordEvents(view: Pick<ClaimTables, 'versions'>, claimId: string, kept: string | Buffer): ClaimRecordEvent[] {
  if (keepsCompactEvents(view)) return decodeKeptEvents(claimId, kept);
  return (JSON.parse(kept as string) as KeptEvent[]).map(({ eventId, type, revision, position, recordedAt, data }) => ({
    eventId,
    type,
    revision,
    position,
    data,
    metadata: { recordedAt },
  }));
}

export const isNarrow = ({ versions }: Pick<ClaimTables, 'versions'>): boolean =>
  (versions.claims ?? 0) >= NARROW_ROWS_SINCE_VERSION;

export const keepsFacts = ({ versions }: Pick<ClaimTables, 'versions'>): boolean =>
  (versions.claims ?? 0) >= FACTS_SINCE_VERSION;

/** Every claim as its writer packed it, by id (packed-claim.ts); undefined for rows without the column. */
export function readPackedClaims(view: ClaimTables): Map<string, string> | undefined {
  if (!keepsFacts(view)) return undefined;
  const rows = view.prepare<[], [string, string]>(`SELECT id, facts FROM ${view.tables.claims}`).raw().all();
  return new Map(rows);
}

/** The folds of the claims named by `ids` as their rows keep them (unknown ones left out). */
export function readKeptFolds(view: ClaimTables, ids: readonly string[]): Map<string, KeptFold> {
  return ids.length === 0 ? new Map() : readFolds(view, ids);
}

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

/** The claims named by `ids` (unknown ones left out): their kept events, or the whole fold a row of the older shape keeps. */
function readFolds(view: ClaimTables, ids: readonly string[]): Map<string, KeptFold> {
  const folds = new Map<string, KeptFold>();
  if (isNarrow(view)) {
    for (const [id, events] of keptEventsOf(view, ids, Number.MAX_SAFE_INTEGER) ?? []) folds.set(id, { events });
    return folds;
  }
  const rows = view
    .prepare<[string], { id: string; record: string }>(
      `SELECT id, record FROM ${view.tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  for (const { id, record } of rows) folds.set(id, { record });
  return folds;
}

interface StandingRow {
  id: string;
  status: ClaimStatus;
  needs_review: number;
}

interface MentionRow {
  claim_id: string;
  role: MentionRole;
  mention_id: string;
  name_key: string;
  name: string;
  kind: PartyKind;
  party_id: string;
  registered: number;
}

/**
 * The claims named by `ids` as their rows keep them: the fold, the decision the row holds, and its
 * rows of the mentions index.
 */
export function readStoredClaims(view: ClaimTables, ids: readonly string[]): Map<string, StoredClaimRow> {
  const found = new Map<string, StoredClaimRow>();
  if (ids.length === 0) return found;
  const idList = JSON.stringify(ids);
  const folds = readFolds(view, ids);
  const { tables, prepare } = view;
  const mentions = new Map<string, PartyMention[]>();
  const mentionRows = prepare<[string], MentionRow>(
    `SELECT claim_id, role, mention_id, name_key, name, kind, party_id, registered FROM ${tables.mentions}
     WHERE claim_id IN (SELECT value FROM json_each(?))`,
  ).all(idList);
  for (const row of mentionRows) {
    const mention: PartyMention = {
      role: row.role,
      mentionId: row.mention_id,
      nameKey: row.name_key,
      name: row.name,
      kind: row.kind,
      partyId: row.party_id,
      registered: row.registered === 1,
    };
    const list = mentions.get(row.claim_id);
    if (list) list.push(mention);
    else mentions.set(row.claim_id, [mention]);
  }
  const rows = prepare<[string], StandingRow>(
    `SELECT id, status, needs_review FROM ${tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(idList);
  for (const row of rows) {
    const fold = folds.get(row.id);
    if (!fold) continue;
    found.set(row.id, {
      fold,
      decision: { status: row.status, needsReview: row.needs_review === 1 },
      mentions: mentions.get(row.id) ?? [],
    });
  }
  return found;
}

/**
 * The claims' kept events up to `throughPosition`, oldest first, each claim's in one list (claims
 * without any left out): the events their folds took, read in one query. Undefined for rows of an
 * older shape, which keep no events.
 */
export function keptEventsOf(
  view: ClaimTables,
  ids: readonly string[],
  throughPosition: number,
): Map<string, ClaimRecordEvent[]> | undefined {
  if (!isNarrow(view)) return undefined;
  const found = new Map<string, ClaimRecordEvent[]>();
  if (ids.length === 0) return found;
  // A page's row is at its last event, so one past `throughPosition` may still hold earlier events.
  const rows = view
    .prepare<[string], { claim_id: string; events: string | Buffer }>(
      `SELECT claim_id, events FROM ${view.tables.claimEvents}
       WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, position`,
    )
    .all(JSON.stringify(ids));
  for (const { claim_id: claimId, events } of rows) {
    const known = recordEvents(view, claimId, events).filter((event) => event.position <= throughPosition);
    if (known.length === 0) continue;
    const kept = found.get(claimId);
    if (kept) kept.push(...known);
    else found.set(claimId, known);
  }
  return found;
}
