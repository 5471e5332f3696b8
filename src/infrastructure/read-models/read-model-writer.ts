import Database from 'better-sqlite3';

/**
 * The read-model file has one writer. The running one leaves its pid in the file, so `factline
 * replay` can refuse to write beside a live server; the pid of a killed server is ignored.
 */
export function takeWriter(db: Database.Database): void {
  db.prepare('UPDATE read_model_status SET writer = ?').run(process.pid);
}

export function releaseWriter(db: Database.Database): void {
  db.prepare('UPDATE read_model_status SET writer = NULL WHERE writer = ?').run(process.pid);
}

/** The pid of another live process that writes this file, if there is one. */
export function otherLiveWriter(db: Database.Database): number | undefined {
  const pid = db.prepare<[], number | null>('SELECT writer FROM read_model_status').pluck().get();
  if (!pid || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the file.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
