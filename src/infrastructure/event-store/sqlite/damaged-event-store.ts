import fs from 'node:fs';

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
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

/**
 * What the 100-byte header shows is wrong with an existing file, at any size: no SQLite header (garbage
 * over it), or fewer bytes than the pages the header records (truncated). A new or empty file is fine.
 */
export function damageInHeader(path: string): string | undefined {
  const size = fs.statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return undefined;
  const header = Buffer.alloc(HEADER_BYTES);
  const file = fs.openSync(path, 'r');
  try {
    fs.readSync(file, header, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(file);
  }
  if (size < HEADER_BYTES || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) {
    return 'not an SQLite database: its header is missing or overwritten';
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The recorded page count is only meant to be trusted when "version-valid-for" matches the change counter.
  const countIsValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countIsValid && size < pages * pageSize) {
    return `truncated: ${size} bytes where its header records ${pages * pageSize}`;
  }
  return undefined;
}
