import Database from 'better-sqlite3';
import fs from 'node:fs';
import { sqliteFaultOf } from './sqlite-fault';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * Why the read-model file is damaged, or undefined when it looks whole. Cheap at any size: it reads
 * the header, the schema, the bookkeeping tables and the first and last row of every table, never
 * the whole file (an integrity check reads every page: minutes on a file of a million events). Damage
 * deeper inside is found when a query or the writer reaches it.
 */
export function damageOf(file: string): string | undefined {
  const size = fileSize(file);
  if (size === undefined || size === 0) return undefined;
  const header = readHeader(file);
  if (size < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return 'file is not a database';
  }
  const expected = headerSize(header);
  // A crash in the middle of a checkpoint can leave the header ahead of the file: the log beside it still has the pages.
  if (expected !== undefined && size < expected && !fileSize(`${file}-wal`)) {
    return `the file is ${size} bytes long where its header says ${expected}: it was cut short`;
  }
  try {
    probe(file);
    return undefined;
  } catch (error) {
    if (sqliteFaultOf(error) !== 'damaged') throw error;
    return (error as Error).message;
  }
}

/** Moves the file and its WAL files to one side (kept for a post-mortem); returns where it now is. */
export function moveAside(file: string): string {
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

export function damagedFileMessage(file: string, reason: string, aside: string): string {
  return `read models: ${file} is damaged (${reason}); it is derived data: moved it to ${aside} and rebuilding it from the event log`;
}

function fileSize(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
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

/** The size the header gives, when the header says that figure is current (its change counter matches). */
function headerSize(header: Buffer): number | undefined {
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  const current = header.readUInt32BE(24) === header.readUInt32BE(92);
  return current && pages > 0 ? pages * pageSize : undefined;
}

function probe(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
      .all();
    for (const { name, sql } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      if (/WITHOUT\s+ROWID/i.test(sql)) {
        db.prepare(`SELECT * FROM ${quoted} LIMIT 1`).get();
        continue;
      }
      db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid LIMIT 1`).get();
      db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid DESC LIMIT 1`).get();
    }
  } finally {
    db.close();
  }
}
