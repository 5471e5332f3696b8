import Database from 'better-sqlite3';
import {
  BuildProgress,
  ReadModelFault,
  ReadModelGeneration,
  ReadModelStore,
  ReadModelVersions,
} from '../../application/ports/read-model-store.port';
import { generationTables } from './generation-tables';
import { sqliteFaultOf } from './sqlite-fault';
import { SqliteGeneration, createGenerationTables, dropGenerationTables } from './sqlite-generation';

interface GenerationRow {
  generation: number;
  versions: string;
  checkpoint: number;
}

/**
 * The read-model file as its one writer (the projection worker, or `factline replay`) sees it. A
 * generation left half-built by a crash is dropped on open: the active one is as it was.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private current: ReadModelGeneration | undefined;

  constructor(private readonly db: Database.Database) {
    db.transaction(() => {
      const leftovers = db
        .prepare<[], number>("SELECT generation FROM read_model_generations WHERE role = 'building'")
        .pluck()
        .all();
      for (const generation of leftovers) this.drop(generation);
      db.prepare('UPDATE read_model_status SET build = NULL').run();
    }).immediate();
    const active = db
      .prepare<[], GenerationRow>(
        "SELECT generation, versions, checkpoint FROM read_model_generations WHERE role = 'active'",
      )
      .get();
    if (active) {
      const versions = JSON.parse(active.versions) as ReadModelVersions;
      this.current = new SqliteGeneration(db, active.generation, versions, active.checkpoint, false);
    }
  }

  faultOf(error: unknown): ReadModelFault | undefined {
    return sqliteFaultOf(error);
  }

  active(): ReadModelGeneration | undefined {
    return this.current;
  }

  createGeneration(versions: ReadModelVersions, { bulk }: { bulk: boolean }): ReadModelGeneration {
    return this.db
      .transaction(() => {
        const last = this.db.prepare<[], number>('SELECT MAX(generation) FROM read_model_generations').pluck().get();
        const generation = (last ?? 0) + 1;
        dropGenerationTables(this.db, generation);
        createGenerationTables(this.db, generationTables(generation), versions, !bulk);
        this.db
          .prepare(
            "INSERT INTO read_model_generations (generation, role, versions, checkpoint) VALUES (?, 'building', ?, -1)",
          )
          .run(generation, JSON.stringify(versions));
        return new SqliteGeneration(this.db, generation, versions, -1, bulk);
      })
      .immediate();
  }

  promote(next: ReadModelGeneration): void {
    const previous = this.current;
    this.db
      .transaction(() => {
        if (previous) this.drop(previous.generation);
        this.db.prepare("UPDATE read_model_generations SET role = 'active' WHERE generation = ?").run(next.generation);
        this.db.prepare('UPDATE read_model_status SET build = NULL, failure = NULL').run();
      })
      .immediate();
    this.current = next;
  }

  discard(generation: ReadModelGeneration): void {
    if (generation === this.current) return;
    this.db.transaction(() => this.drop(generation.generation)).immediate();
  }

  reportBuild(progress: BuildProgress | undefined): void {
    this.db.prepare('UPDATE read_model_status SET build = ?').run(progress ? JSON.stringify(progress) : null);
  }

  reportFailure(error: string | undefined): void {
    this.db.prepare('UPDATE read_model_status SET failure = ?').run(error ?? null);
  }

  private drop(generation: number): void {
    dropGenerationTables(this.db, generation);
    this.db.prepare('DELETE FROM read_model_generations WHERE generation = ?').run(generation);
  }
}
