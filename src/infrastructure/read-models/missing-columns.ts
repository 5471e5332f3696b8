import Database from 'better-sqlite3';

/**
 * Adds the columns (`name TYPE`) a table built by an older version lacks, empty. That generation keeps
 * serving, and being written, while its successor is built.
 */
export function addMissingColumns(db: Database.Database, table: string, columns: readonly string[]): void {
  const present = new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((column) => column.name),
  );
  for (const column of columns) {
    if (!present.has(column.split(' ')[0])) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
  }
}
