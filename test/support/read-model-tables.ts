import Database from 'better-sqlite3';
import { decodeKeptEvents } from '../../src/infrastructure/read-models/claims/kept-events';
import { unpackClaim } from '../../src/application/read-models/claims/packed-claim';
import { PartyTable } from '../../src/application/read-models/claims/party-table';
import { Party } from '../../src/domain/party';

export interface ReadModelDump {
  /** The generation readers are served from. */
  generation: number;
  /** Rows of the active generation's tables, keyed by the table's name without the generation, each row as JSON, sorted. */
  tables: Record<string, string[]>;
}

const tableExists = (db: Database.Database, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/**
 * A claims row with its packed `facts` unpacked against the generation's party table, whose numbers
 * follow the order in which claims were packed (live, page by page; a batch rebuild, claim by claim).
 */
function claimsRows(db: Database.Database, table: string): Array<Record<string, unknown>> {
  const rows = db.prepare<[], Record<string, unknown>>(`SELECT * FROM ${table}`).all();
  const partiesTable = table.replace(/_claims$/, '_claim_parties');
  if (!tableExists(db, partiesTable)) return rows;
  const pages = db.prepare<[], string>(`SELECT parties FROM ${partiesTable} ORDER BY first`).pluck().all();
  const parties = new PartyTable(pages.flatMap((page) => JSON.parse(page) as Party[]));
  return rows.map((row) => ({ ...row, facts: unpackClaim(row.id as string, row.facts as string, parties) }));
}

/**
 * A generation table's rows for a comparison, each as JSON, sorted: the kept claim events one a
 * row, as readers decode them, since how many share a row (and so how they are stored) depends on
 * how the log was cut into pages; the packed claims unpacked, the party table they name parties by
 * left out, since its numbers (and the parties it keeps that corrections took out of claims) depend
 * on the order claims were packed in.
 */
export function comparedRows(db: Database.Database, table: string): string[] {
  if (table.endsWith('_claim_parties')) return [];
  if (table.endsWith('_claims'))
    return claimsRows(db, table)
      .map((row) => JSON.stringify(row))
      .sort();
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
