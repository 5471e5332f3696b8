import Database from 'better-sqlite3';

/** The tables each projection writes, by their name without the generation suffix. */
const TABLES_OF: Record<string, string[]> = {
  claims: ['claims'],
  storylines: ['storylines', 'storyline_tags', 'storyline_claims'],
  timeline: ['timeline', 'timeline_claims'],
};

export interface ReadModelDump {
  generations: Record<string, number>;
  /** Rows of the active generation's tables, keyed by the table's base name, each row as JSON, sorted. */
  tables: Record<string, string[]>;
}

/** Reads every promoted (active) generation table of the read-model file, independent of the generation number. */
export function dumpReadModels(readModelPath: string): ReadModelDump {
  const db = new Database(readModelPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT name, generation FROM projection_generations').all() as Array<{
      name: string;
      generation: number;
    }>;
    const generations = Object.fromEntries(rows.map((row) => [row.name, row.generation]));
    const tables: Record<string, string[]> = {};
    for (const [name, bases] of Object.entries(TABLES_OF)) {
      if (generations[name] === undefined) throw new Error(`no active generation for projection ${name}`);
      for (const base of bases) {
        const physical = `${base}_g${generations[name]}`;
        tables[base] = db
          .prepare(`SELECT * FROM ${physical}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort();
      }
    }
    return { generations, tables };
  } finally {
    db.close();
  }
}
