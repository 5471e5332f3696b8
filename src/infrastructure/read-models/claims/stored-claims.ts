import type { StoredClaim, StoredClaims } from '../../../application/read-models/claims/claim-store.port';
import type { Stakeholder } from '../../../domain/storyline/stakeholder';
import { ClaimReadTables, isNarrow, keptEventsOf } from './claim-rows';

/** The claims named by `ids` as stored: their kept events, or their whole row in the older shape. */
function storedClaims(view: ClaimReadTables, ids: readonly string[]): Map<string, StoredClaim> {
  const found = new Map<string, StoredClaim>();
  if (ids.length === 0) return found;
  if (isNarrow(view)) {
    for (const [id, events] of keptEventsOf(view, ids, Number.MAX_SAFE_INTEGER) ?? []) found.set(id, { events });
    return found;
  }
  const rows = view
    .prepare<[string], { id: string; record: string; evaluation: string }>(
      `SELECT id, record, evaluation FROM ${view.tables.claims} WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  for (const { id, record, evaluation } of rows) found.set(id, { record, evaluation });
  return found;
}

/** The stakeholders of the storylines that name any, as their rows keep them. */
function stakeholdersOf(
  { tables, prepare }: ClaimReadTables,
  storylineIds: readonly string[],
): Map<string, Stakeholder[]> {
  const rows = prepare<[string], { id: string; stakeholders: string }>(
    `SELECT id, json_extract(record, '$.stakeholders') AS stakeholders FROM ${tables.storylines}
     WHERE id IN (SELECT value FROM json_each(?)) AND json_extract(record, '$.stakeholders') IS NOT NULL`,
  ).all(JSON.stringify([...new Set(storylineIds)]));
  return new Map(rows.map((row) => [row.id, JSON.parse(row.stakeholders) as Stakeholder[]]));
}

/** What a read transaction (or the comparing rebuild's writer) finds stored of the claims at `checkpoint`. */
export function storedClaimsOf(view: ClaimReadTables & { checkpoint: number }): StoredClaims {
  return {
    checkpoint: view.checkpoint,
    claims: (ids) => storedClaims(view, ids),
    stakeholders: (storylineIds) => stakeholdersOf(view, storylineIds),
    registry: () => view.registry(),
  };
}
