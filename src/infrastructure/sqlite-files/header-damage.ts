import fs from 'node:fs';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * What the 100-byte header of an existing SQLite file shows is wrong with it, at any size: no SQLite
 * header (garbage over it), or fewer bytes than the pages the header records (cut short). A missing or
 * empty file is fine: SQLite makes a new one.
 */
export function headerDamage(file: string): string | undefined {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return undefined;
  const header = readHeader(file);
  if (size < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return 'not an SQLite database: its header is missing or overwritten';
  }
  const recorded = recordedSize(header);
  // A crash in the middle of a checkpoint can leave the header ahead of the file: the WAL beside it still has the pages.
  const walSize = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (recorded !== undefined && size < recorded && walSize === 0) {
    return `cut short: ${size} bytes where its header records ${recorded}`;
  }
  return undefined;
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header;
}

/** The size the header records, when it says that figure is current ("version-valid-for" matches the change counter). */
function recordedSize(header: Buffer): number | undefined {
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  const current = header.readUInt32BE(24) === header.readUInt32BE(92);
  return current && pages > 0 ? pages * pageSize : undefined;
}
