import Database from 'better-sqlite3';
import { Projection } from '../../application/projections/projection';
import { StoredEvent } from '../event-store/event-store.port';

/** A projection whose rows and checkpoint share one SQLite transaction. */
export abstract class SqliteProjection implements Projection {
  private position: number;
  private readonly saveCheckpoint: Database.Statement<[string, number, string]>;

  constructor(
    readonly name: string,
    protected readonly db: Database.Database,
  ) {
    this.createTables();
    this.saveCheckpoint = db.prepare(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    const row = db
      .prepare<[string], { position: number }>('SELECT position FROM projection_checkpoints WHERE name = ?')
      .get(name);
    this.position = row?.position ?? -1;
  }

  checkpoint(): number {
    return this.position;
  }

  applyPage(events: StoredEvent[]): void {
    const fresh = events.filter((event) => event.position > this.position);
    if (fresh.length === 0) return;
    const last = fresh[fresh.length - 1].position;
    try {
      this.db.transaction(() => {
        for (const event of fresh) this.apply(event);
        this.flush();
        this.saveCheckpoint.run(this.name, last, new Date().toISOString());
      })();
    } catch (error) {
      this.discard();
      throw error;
    }
    this.position = last;
  }

  /** Writes what `apply` kept in memory for the page; runs inside the page's transaction. */
  protected flush(): void {}

  /** Forgets what `apply` kept in memory when the page's transaction failed. */
  protected discard(): void {}

  protected abstract createTables(): void;
  protected abstract apply(event: StoredEvent): void;
}
