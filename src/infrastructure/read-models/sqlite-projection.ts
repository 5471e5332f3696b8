import Database from 'better-sqlite3';
import { Projection } from '../../application/projections/projection';
import { StoredEvent } from '../../application/ports/event-store.port';

/**
 * A projection whose rows and checkpoint share one SQLite transaction. Subclasses call
 * `open()` at the end of their constructor, once their own fields exist.
 */
export abstract class SqliteProjection implements Projection {
  private position = -1;
  private generation: number;
  private readonly saveCheckpoint: Database.Statement<[string, number, number]>;

  constructor(
    readonly name: string,
    protected readonly db: Database.Database,
    generation?: number,
  ) {
    const active = db
      .prepare<[string], number>('SELECT generation FROM projection_generations WHERE name = ?')
      .pluck()
      .get(name);
    if (active === undefined && generation === undefined) {
      // OR IGNORE: the service's reading side and its projection worker may open the file at once.
      db.prepare('INSERT OR IGNORE INTO projection_generations (name, generation) VALUES (?, 1)').run(name);
    }
    this.generation = generation ?? active ?? 1;
    this.saveCheckpoint = db.prepare(
      `INSERT INTO projection_checkpoints_v2 (name, generation, position) VALUES (?, ?, ?)
       ON CONFLICT (name, generation) DO UPDATE SET position = excluded.position`,
    );
  }

  protected open(): void {
    this.createTables();
    this.prepare();
    this.position =
      this.db
        .prepare<[string, number], number>(
          'SELECT position FROM projection_checkpoints_v2 WHERE name = ? AND generation = ?',
        )
        .pluck()
        .get(this.name, this.generation) ?? -1;
  }

  /** The physical name of one of this projection's tables in its generation. */
  protected table(base: string, generation = this.generation): string {
    return `${base}_g${generation}`;
  }

  checkpoint(): number {
    return this.position;
  }

  activeGeneration(): number {
    return this.generation;
  }

  /**
   * For a read-only copy whose projection runs elsewhere (a worker thread): follows that
   * projection's checkpoint, and its tables once a rebuild has been swapped in.
   */
  follow(generation: number, position: number): void {
    if (generation !== this.generation) {
      this.generation = generation;
      this.prepare();
    }
    this.position = position;
  }

  applyPage(events: StoredEvent[]): void {
    const fresh = events.filter((event) => event.position > this.position);
    if (fresh.length === 0) return;
    const last = fresh[fresh.length - 1].position;
    try {
      this.db.transaction(() => {
        for (const event of fresh) this.apply(event);
        this.flush();
        this.saveCheckpoint.run(this.name, this.generation, last);
      })();
    } catch (error) {
      this.discard();
      throw error;
    }
    this.position = last;
  }

  createShadow(): SqliteProjection {
    // The generation before this one was kept at the last swap for readers still on it; no longer.
    if (this.generation > 1) this.dropGeneration(this.generation - 1);
    // Leftovers of an interrupted rebuild; the shadow's constructor then creates its tables afresh.
    this.dropGeneration(this.generation + 1);
    return this.shadowOf(this.generation + 1);
  }

  promote(shadow: Projection): void {
    if (!(shadow instanceof SqliteProjection) || shadow.name !== this.name)
      throw new Error('not a shadow of this projection');
    // The old tables stay until the next rebuild: a reader on another connection that has not yet
    // heard of the swap keeps answering from them instead of failing on a dropped table.
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM projection_checkpoints_v2 WHERE name = ? AND generation = ?')
        .run(this.name, this.generation);
      this.db
        .prepare('UPDATE projection_generations SET generation = ? WHERE name = ?')
        .run(shadow.generation, this.name);
    })();
    this.generation = shadow.generation;
    this.position = shadow.position;
    this.prepare();
  }

  discardShadow(shadow: Projection): void {
    if (shadow instanceof SqliteProjection && shadow.generation !== this.generation) {
      this.dropGeneration(shadow.generation);
    }
  }

  /** Drops one generation's tables and checkpoint, without opening (and so creating) them first. */
  private dropGeneration(generation: number): void {
    this.db.transaction(() => {
      for (const base of this.tableNames()) this.db.exec(`DROP TABLE IF EXISTS ${this.table(base, generation)}`);
      this.db
        .prepare('DELETE FROM projection_checkpoints_v2 WHERE name = ? AND generation = ?')
        .run(this.name, generation);
    })();
  }

  /** A new instance of the same projection on another generation's tables. */
  protected abstract shadowOf(generation: number): SqliteProjection;
  protected abstract tableNames(): string[];
  protected abstract createTables(): void;
  /** (Re)prepares the statements against the current generation's tables. */
  protected abstract prepare(): void;
  protected abstract apply(event: StoredEvent): void;

  /** Writes what `apply` kept in memory for the page; runs inside the page's transaction. */
  protected flush(): void {}

  /** Forgets what `apply` kept in memory when the page's transaction failed. */
  protected discard(): void {}
}
