import Database from 'better-sqlite3';
import { decodeKeptEvents } from '../../src/infrastructure/read-models/claims/kept-events';

export interface ReadModelDump {
  /** The generation readers are served from. */
  generation: number;
  /** Rows of the active generation's tables, keyed by the table's name without the generation, each row as JSON, sorted. */
  tables: Record<string, string[]>;
}

/**
 * A generation table's rows for a comparison, each as JSON, sorted: the kept claim events one a
 * row, as readers decode them, since how many share a row (and so how they are stored) depends on
 * how the log was cut into pages.
 */
export function comparedRows(db: Database.Database, table: string): string[] {
  if (!table.endsWith('_claim_events')) {
    return db
      .prepare(`SELECT * FROM ${table}`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  const rows = db
    .prepare<[], { claim_id: string; events: string | Buffer }>(`SELECT claim_id, events FROM ${table}`)
    .all();
  return rows
    .flatMap(({ claim_id: claimId, events }) =>
      decodeKeptEvents(claimId, events).map((event) => JSON.stringify({ claim_id: claimId, event })),
    )
    .sort();
}

/** The generation a read-model file serves readers from. */
export function activeGenerationOf(db: Database.Database, readModelPath: string): number {
  const generation = db
    .prepare<[], number>("SELECT generation FROM read_model_generations WHERE role = 'active'")
    .pluck()
    .get();
  if (generation === undefined) throw new Error(`${readModelPath} has no active generation`);
  return generation;
}

/** Reads every table of the active generation of a read-model file, whatever its generation number. */
export function dumpReadModels(readModelPath: string): ReadModelDump {
  const db = new Database(readModelPath, { readonly: true, fileMustExist: true });
  try {
    const generation = activeGenerationOf(db, readModelPath);
    const prefix = `g${generation}_`;
    const names = db
      .prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ? || '*'")
      .pluck()
      .all(prefix);
    const tables: Record<string, string[]> = {};
    for (const name of names) {
      tables[name.slice(prefix.length)] = comparedRows(db, name);
    }
    return { generation, tables };
  } finally {
    db.close();
  }
}
