import Database from 'better-sqlite3';
import { ReadModelFault } from '../../application/ports/read-model-store.port';

const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;
const STORAGE = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|NOMEM|PROTOCOL)/;

/** SQLite's result codes sorted by what heals them: time (a disk with room again) or a new file. */
export function sqliteFaultOf(error: unknown): ReadModelFault | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (DAMAGED.test(error.code)) return 'damaged';
  if (STORAGE.test(error.code)) return 'storage';
  return undefined;
}
