import Database from 'better-sqlite3';

export interface ReadModelDump {
  /** The generation readers are served from. */
  generation: number;
  /** Rows of the active generation's tables, keyed by the table's name without the generation, each row as JSON, sorted. */
  tables: Record<string, string[]>;
}

/**
 * The SQL that reads a generation table's rows for a comparison: the kept claim events one a row,
 * since how many share a row depends on how the log was cut into pages.
 */
export const comparedRows = (table: string): string =>
  table.endsWith('_claim_events')
    ? `SELECT kept.claim_id AS claim_id, event.value AS event FROM ${table} kept, json_each(kept.events) event`
    : `SELECT * FROM ${table}`;

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
      tables[name.slice(prefix.length)] = db
        .prepare(comparedRows(name))
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return { generation, tables };
  } finally {
    db.close();
  }
}
