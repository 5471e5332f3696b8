import Database from 'better-sqlite3';
import { BuildProgress, ReadModelVersions } from '../../application/ports/read-model-store.port';
import { ReadModelsUnavailableError } from '../../application/queries/read-models.port';
import type { PartyNumbers } from '../../application/read-models/claims/party-table';
import { PartyRegistry } from '../../domain/party/party-registry';
import { GenerationPartyNumbers } from './claims/claim-parties';
import { GenerationTables, generationTables } from './generation-tables';
import { GenerationRegistry } from './parties/generation-registry';
import { openReadModelFileForReading } from './read-model-file';
import { sqliteFaultOf } from './sqlite-fault';

export interface ReadModelStatus {
  active?: { generation: number; versions: ReadModelVersions; checkpoint: number };
  build?: BuildProgress;
  failure?: string;
}

/** What a query sees: the active generation's tables, and statements prepared against them. */
export interface GenerationView {
  tables: GenerationTables;
  checkpoint: number;
  /** What the generation was built by (read-model-versions.ts): a query may need a newer one. */
  versions: ReadModelVersions;
  prepare<P extends unknown[], R>(sql: string): Database.Statement<P, R>;
  /** The party registry the generation holds at its checkpoint (a generation built since the registry). */
  registry(): PartyRegistry;
  /** The party table its packed claims name parties by (claims read model 10 on). */
  partyNumbers(): PartyNumbers;
}

interface ActiveRow {
  generation: number;
  versions: string;
  checkpoint: number;
}

/**
 * The HTTP thread's read-only connection to the read-model file. Each query runs in one read
 * transaction that first looks up the active generation, so a swap or a dropped generation is
 * never half seen: SQLite's snapshot keeps the tables the transaction started with.
 */
export class ReadModelReader {
  private db: Database.Database | undefined;
  private generation = -1;
  private readonly statements = new Map<string, Database.Statement>();
  private versions: { raw: string; parsed: ReadModelVersions } | undefined;
  private readonly registries = new GenerationRegistry();
  private readonly partyTables = new GenerationPartyNumbers();
  /** Told when a query meets a damaged file, so that its writer replaces it. */
  onDamaged: ((message: string) => void) | undefined;

  constructor(private readonly file: string) {}

  read<T>(query: (view: GenerationView) => T): T {
    return this.guarded(() => this.readActive(query));
  }

  private readActive<T>(query: (view: GenerationView) => T): T {
    const db = this.connection();
    return db.transaction(() => {
      const active = this.activeRow(db);
      if (!active) throw new ReadModelsUnavailableError(this.buildingDetail());
      if (active.generation !== this.generation) {
        this.statements.clear();
        this.generation = active.generation;
      }
      const tables = generationTables(active.generation);
      const prepare = <P extends unknown[], R>(sql: string) => this.prepared<P, R>(db, sql);
      return query({
        tables,
        checkpoint: active.checkpoint,
        versions: this.versionsOf(active),
        prepare,
        registry: () => this.registries.of(active.generation, tables, prepare),
        partyNumbers: () => this.partyTables.of(active.generation, tables, prepare),
      });
    })();
  }

  /** The active generation's checkpoint, -1 while there is none. */
  checkpoint(): number {
    return this.guarded(() => this.activeRow(this.connection())?.checkpoint ?? -1);
  }

  status(): ReadModelStatus {
    return this.guarded(() => this.readStatus());
  }

  private readStatus(): ReadModelStatus {
    const db = this.connection();
    const active = this.activeRow(db);
    const row = db
      .prepare<[], { build: string | null; failure: string | null }>('SELECT build, failure FROM read_model_status')
      .get();
    return {
      ...(active
        ? {
            active: {
              generation: active.generation,
              versions: JSON.parse(active.versions) as ReadModelVersions,
              checkpoint: active.checkpoint,
            },
          }
        : {}),
      ...(row?.build ? { build: JSON.parse(row.build) as BuildProgress } : {}),
      ...(row?.failure ? { failure: row.failure } : {}),
    };
  }

  /** Closes the connection; the next read opens the file again, as after the writer replaced it. */
  close(): void {
    this.db?.close();
    this.db = undefined;
    this.statements.clear();
    this.generation = -1;
  }

  /**
   * A damaged file, or one missing while its writer replaces it, answers as the read models do while
   * they are built: unavailable for now. The writer is told of the damage and rebuilds the file.
   */
  private guarded<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      const fault = sqliteFaultOf(error) ?? (notSetUpYet(error) ? 'storage' : undefined);
      if (!fault) throw error;
      this.close();
      if (fault === 'damaged') this.onDamaged?.((error as Error).message);
      throw new ReadModelsUnavailableError(
        fault === 'damaged'
          ? 'the read-model file is damaged and is being rebuilt from the event log; retry shortly'
          : `the read-model file cannot be read (${(error as Error).message}); retry shortly`,
      );
    }
  }

  private connection(): Database.Database {
    this.db ??= openReadModelFileForReading(this.file);
    return this.db;
  }

  private activeRow(db: Database.Database): ActiveRow | undefined {
    return this.prepared<[], ActiveRow>(
      db,
      "SELECT generation, versions, checkpoint FROM read_model_generations WHERE role = 'active'",
    ).get();
  }

  private versionsOf(active: ActiveRow): ReadModelVersions {
    if (this.versions?.raw !== active.versions) {
      this.versions = { raw: active.versions, parsed: JSON.parse(active.versions) as ReadModelVersions };
    }
    return this.versions.parsed;
  }

  private prepared<P extends unknown[], R>(db: Database.Database, sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<P, R>;
  }

  private buildingDetail(): string {
    const { build } = this.readStatus();
    if (!build) return 'the read models are not built yet; retry shortly';
    return `the read models are being built (${build.position} of ${build.head} log positions applied); retry shortly`;
  }
}

/**
 * A file its writer has just created in place of a damaged one, before the writer has made its tables:
 * as unavailable for now as a file being rebuilt.
 */
const notSetUpYet = (error: unknown): boolean =>
  (error as { name?: unknown }).name === 'SqliteError' &&
  /no such table: read_model_generations/.test((error as Error).message);
