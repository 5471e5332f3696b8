import Database from 'better-sqlite3';
import { EventToAppend } from '../../src/application/ports/event-store.port';
import { partyStreamId } from '../../src/domain/party/party.events';
import { withSecondStore } from './direct-append';
import { eventToAppend } from './event-to-append';
import { activeGenerationOf } from './read-model-tables';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { toClaimSummary } from '../../src/application/read-models/claims/claim-view';
import { evaluatedClaims } from '../../src/application/read-models/claims/evaluated-claims';
import { storedClaimsOf } from '../../src/infrastructure/read-models/claims/stored-claims';
import { createLegacyClaimsTable } from '../../src/infrastructure/read-models/claims/legacy-claims.writer';
import { generationTables } from '../../src/infrastructure/read-models/generation-tables';
import { GenerationRegistry } from '../../src/infrastructure/read-models/parties/generation-registry';

/** Writes a generation's narrow claims rows in the older shape, each holding its whole fold and its summary. */
function widenClaimRows(db: Database.Database, generation: number): void {
  const tables = generationTables(generation);
  const ids = db.prepare<[], string>(`SELECT id FROM ${tables.claims}`).pluck().all();
  const prepare = (sql: string) => db.prepare(sql);
  const view = {
    tables,
    versions: READ_MODEL_VERSIONS,
    prepare,
    checkpoint: -1,
    registry: () => new GenerationRegistry().of(generation, tables, prepare as Parameters<GenerationRegistry['of']>[2]),
  };
  const claims = evaluatedClaims(storedClaimsOf(view as Parameters<typeof storedClaimsOf>[0]), ids);
  const rows = db.prepare(`SELECT * FROM ${tables.claims}`).all() as Array<Record<string, unknown>>;
  db.exec(`DROP TABLE ${tables.claims}; DROP TABLE ${tables.claimEvents};`);
  createLegacyClaimsTable(db, tables);
  const insert = db.prepare(
    `INSERT INTO ${tables.claims} (id, storyline_id, seq, status, needs_review, claimant_id, search_text, record,
       evaluation, summary, review_at, review_first_at, verdict_times)
     VALUES (@id, @storyline_id, @seq, @status, @needs_review, @claimant_id, @search_text, @record, @evaluation,
       @summary, @review_at, @review_first_at, @verdict_times)`,
  );
  for (const row of rows) {
    const { record, evaluation } = claims.get(row.id as string)!;
    insert.run({
      ...Object.fromEntries(
        ['id', 'storyline_id', 'seq', 'status', 'needs_review', 'claimant_id', 'search_text', 'review_at']
          .concat(['review_first_at', 'verdict_times'])
          .map((column) => [column, row[column]]),
      ),
      record: JSON.stringify(record),
      evaluation: JSON.stringify(evaluation),
      summary: JSON.stringify(toClaimSummary(record, evaluation)),
    });
  }
}

/** The versions of the release before the party registry (read-model-versions.ts at that time). */
export const VERSIONS_BEFORE_THE_REGISTRY = { statusRule: 2, claims: 2, storylines: 1, timeline: 1 };

/**
 * Rewrites the active generation of a read-model file as the release before the party registry left
 * it: built under that release's versions, without the tables and columns it did not have (the
 * registry's events, the mentions index, claim counts per kind, the parties each evaluation resolved
 * to), and with its checkpoint at `checkpoint`. That release applied party events without effect,
 * so a file written by this code before the registry events were appended, with its checkpoint
 * moved past them, holds the statuses that release's rule gave. Returns the generation rewritten.
 */
export function rewriteAsBeforeTheRegistry(readModelPath: string, checkpoint: number): number {
  const db = new Database(readModelPath);
  try {
    const generation = activeGenerationOf(db, readModelPath);
    const table = (name: string) => `g${generation}_${name}`;
    db.transaction(() => {
      widenClaimRows(db, generation);
      db.prepare('UPDATE read_model_generations SET versions = ?, checkpoint = ? WHERE generation = ?').run(
        JSON.stringify(VERSIONS_BEFORE_THE_REGISTRY),
        checkpoint,
        generation,
      );
      db.exec(`
        DROP TABLE ${table('registry')};
        DROP TABLE ${table('mentions')};
        ALTER TABLE ${table('storylines')} DROP COLUMN kinds;
        UPDATE ${table('claims')} SET evaluation = json_remove(evaluation, '$.parties', '$.independentSources');
      `);
    })();
    return generation;
  } finally {
    db.close();
  }
}

export interface PartyEventData {
  type: string;
  data: { partyId: string } & Record<string, unknown>;
}

/** Appends party events straight into the log, as an import would, each to its party's stream; returns the last position. */
export function appendPartyEvents(sqlitePath: string, events: PartyEventData[]): Promise<number> {
  return withSecondStore(sqlitePath, async (store) => {
    let position = -1;
    for (const { type, data } of events) {
      const event: EventToAppend = eventToAppend(type, data, 'editor-key');
      position = (await store.append(partyStreamId(data.partyId), [event], 'any')).position;
    }
    return position;
  });
}
