import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Config } from '../../config/config';
import { forgetHolder, readHolder, recordHolder, StoreHolder } from './store-holder';

/** What a holder calls itself in the line that refuses the next one. */
export const SERVER = 'a Factline server';

/** The files a process writes, and they cannot be shared: the event store's file (embedded store only) and the read models. */
function guardedFiles(config: Config): string[] {
  return config.eventStore === 'sqlite' ? [config.sqlitePath, config.readModelPath] : [config.readModelPath];
}

/** `data/factline.lock` beside `data/factline.db` (or beside the read models on KurrentDB). */
export function lockPathOf(config: Config): string {
  const parsed = path.parse(guardedFiles(config)[0]);
  return path.join(parsed.dir, `${parsed.name}.lock`);
}

/** Another process holds the store; the message names the files and that process, and reads as one line. */
export class StoreInUseError extends Error {
  constructor(
    readonly files: string[],
    readonly holder: StoreHolder | undefined,
    lockPath: string,
  ) {
    super(
      holder
        ? `${holder.name} (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}) is ${holder.url ? 'serving' : 'using'} ${files.join(' and ')}`
        : `another process holds ${files.join(' and ')} (its lock: ${lockPath})`,
    );
    this.name = 'StoreInUseError';
  }
}

/**
 * One process writes a store. It holds an exclusive SQLite lock on a small file beside the store's
 * files: an OS lock (fcntl), so it ends with the process, however that ends, and a kill -9 leaves
 * nothing that blocks the next start. SQLite also refuses a second connection of the same process.
 * Who holds it is written beside it for the line that refuses the next one; only the lock decides.
 */
export class StoreLock {
  private constructor(
    private readonly db: Database.Database,
    private readonly holder: StoreHolder,
    readonly lockPath: string,
  ) {}

  /** Takes the store for this process, or throws StoreInUseError naming the one that has it. */
  static hold(config: Config, name: string): StoreLock {
    const lockPath = lockPathOf(config);
    fs.mkdirSync(path.dirname(path.resolve(lockPath)), { recursive: true });
    const db = new Database(lockPath, { timeout: 0 });
    try {
      // Nothing is ever written to the file: no journal beside it.
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      throw new StoreInUseError(guardedFiles(config), readHolder(lockPath), lockPath);
    }
    const holder = { pid: process.pid, name };
    recordHolder(lockPath, holder);
    return new StoreLock(db, holder, lockPath);
  }

  /** Records where this process answers, for the CLIs that go through its HTTP API instead of the files. */
  servesAt(url: string): void {
    recordHolder(this.lockPath, { ...this.holder, url });
  }

  release(): void {
    if (!this.db.open) return;
    forgetHolder(this.lockPath);
    this.db.exec('ROLLBACK');
    this.db.close();
  }
}
