import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { damageOf, moveAside } from '../../src/infrastructure/read-models/damaged-file';
import { ReadModelReader } from '../../src/infrastructure/read-models/read-model-reader';
import { ReadModelsUnavailableError } from '../../src/application/queries/read-models.port';
import { makeTempDir } from '../support/test-app';

/** A read-model file with one generation of tables and a few hundred rows, closed as a server leaves it. */
function readModelFile(dir: string): string {
  const file = path.join(dir, 'factline.read-models.db');
  const db = openReadModelFile(file);
  const readModels = new SqliteReadModelStore(db);
  readModels.promote(readModels.createGeneration(READ_MODEL_VERSIONS, { bulk: false }));
  db.exec('CREATE TABLE filler (text TEXT)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let row = 0; row < 500; row++) insert.run(`row ${row} `.repeat(40));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

describe('the start check of the read-model file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = makeTempDir();
    file = readModelFile(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds nothing wrong with a whole file, an empty one or none', () => {
    expect(damageOf(file)).toBeUndefined();
    expect(damageOf(path.join(dir, 'missing.db'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'empty.db'), '');
    expect(damageOf(path.join(dir, 'empty.db'))).toBeUndefined();
  });

  it('finds a file cut short', () => {
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    expect(damageOf(file)).toMatch(/cut short: \d+ bytes where its header records \d+/);
  });

  it('finds a file that is not a database', () => {
    fs.writeFileSync(file, 'not a database at all, just some text that someone wrote over it '.repeat(100));
    expect(damageOf(file)).toMatch(/not an SQLite database/);
  });

  it('finds a table whose last pages are garbage', () => {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, size - 8192);
    fs.closeSync(fd);
    expect(damageOf(file)).toMatch(/malformed/);
  });

  it('moves the file and its WAL files aside together', () => {
    fs.writeFileSync(`${file}-wal`, '');
    const aside = moveAside(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(aside)).toBe(true);
    expect(fs.existsSync(`${aside}-wal`)).toBe(true);
    expect(path.dirname(aside)).toBe(dir);
  });
});

describe('a reader of a read-model file its writer has just created', () => {
  it('answers unavailable for now, then reads once the writer has made its tables', () => {
    const dir = makeTempDir();
    try {
      const file = path.join(dir, 'factline.read-models.db');
      // The writer's new file, before its tables: what a reader may open while a damaged file is replaced.
      new Database(file).close();
      const reader = new ReadModelReader(file);
      expect(() => reader.read(({ checkpoint }) => checkpoint)).toThrow(ReadModelsUnavailableError);

      const db = openReadModelFile(file);
      const readModels = new SqliteReadModelStore(db);
      readModels.promote(readModels.createGeneration(READ_MODEL_VERSIONS, { bulk: false }));
      db.close();
      expect(reader.read(({ checkpoint }) => checkpoint)).toBe(-1);
      reader.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
