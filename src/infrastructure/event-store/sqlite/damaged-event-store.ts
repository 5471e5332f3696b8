/** SQLite's answers for a file that is not (or no longer) a whole database. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** The event store's file is not a whole SQLite database; one line says which file, what is wrong and what to do. */
export class DamagedEventStoreError extends Error {
  constructor(
    readonly path: string,
    readonly damage: string,
  ) {
    super(
      `the event store ${path} is damaged (${damage}). It holds the log every view is built from and cannot be ` +
        'rebuilt: restore it from a backup, or move it aside and load an export with `factline import`',
    );
    this.name = 'DamagedEventStoreError';
  }
}

export function isDamage(error: unknown): boolean {
  return DAMAGE_CODES.has(String((error as { code?: unknown }).code));
}
