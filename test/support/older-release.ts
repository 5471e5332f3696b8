import Database from 'better-sqlite3';
import { EventToAppend } from '../../src/application/ports/event-store.port';
import { partyStreamId } from '../../src/domain/party/party.events';
import { withSecondStore } from './direct-append';
import { eventToAppend } from './event-to-append';
import { activeGenerationOf } from './read-model-tables';

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
