import { ReadModelFault } from '../../application/ports/read-model-store.port';

const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;
const STORAGE = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|NOMEM|PROTOCOL)/;

/** SQLite's result codes sorted by what heals them: time (a disk with room again) or a new file. */
export function sqliteFaultOf(error: unknown): ReadModelFault | undefined {
  const code = sqliteCodeOf(error);
  if (code === undefined) return undefined;
  if (DAMAGED.test(code)) return 'damaged';
  if (STORAGE.test(code)) return 'storage';
  return undefined;
}

/**
 * By name, not instanceof: better-sqlite3's native part keeps the error class of the first copy of the
 * module loaded in the process (and that copy's realm), so errors fail instanceof in a second copy:
 * Jest loads one per test file.
 */
function sqliteCodeOf(error: unknown): string | undefined {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' ? code : undefined;
}
