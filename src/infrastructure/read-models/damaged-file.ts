import Database from 'better-sqlite3';
import fs from 'node:fs';
import { headerDamage } from '../sqlite-files/header-damage';
import { sqliteFaultOf } from './sqlite-fault';

/**
 * Why the read-model file is damaged, or undefined when it looks whole. Cheap at any size: it reads
 * the header, the schema, the bookkeeping tables and the first and last row of every table, never
 * the whole file (an integrity check reads every page: minutes on a file of a million events). Damage
 * deeper inside is found when a query or the writer reaches it.
 */
export function damageOf(file: string): string | undefined {
  const damage = headerDamage(file);
  if (damage !== undefined) return damage;
  if (!fs.existsSync(file)) return undefined;
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
