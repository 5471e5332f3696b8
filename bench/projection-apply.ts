import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoredEvent } from '../src/application/ports/event-store.port';
import { SqliteEventStore } from '../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { openReadModelDatabase } from '../src/infrastructure/read-models/read-model-database';
import { SqliteClaimsProjection } from '../src/infrastructure/read-models/sqlite-claims.projection';
import { SqliteProjection } from '../src/infrastructure/read-models/sqlite-projection';
import { SqliteStorylinesProjection } from '../src/infrastructure/read-models/sqlite-storylines.projection';
import { SqliteTimelineProjection } from '../src/infrastructure/read-models/sqlite-timeline.projection';
import { writeEventLog } from './workload/write-event-log';

/*
 * Times `applyPage` of single projections over a generated log, in process, and prints one JSON line
 * per projection and page size: µs per event (fastest of the repeats) and a digest of each table, so
 * two versions of a projection can be compared for speed and for identical rows.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/projection-apply.js
 *
 * Environment: BENCH_EVENTS (200000), BENCH_PROJECTIONS (claims,storylines,timeline), BENCH_PAGES
 * (5000,20: the rebuild's and the live runner's page sizes), BENCH_REPEAT (3), BENCH_DIR (a temp
 * folder; the log is generated once per size and kept there), BENCH_IGNORE_COLUMNS (left out of the
 * digests), BENCH_LATE_OPENINGS (set: every third storyline opens 300 events after its place, so
 * claims arrive before their storyline).
 */

const PROJECTIONS: Record<string, (db: Database.Database) => SqliteProjection> = {
  claims: (db) => new SqliteClaimsProjection(db),
  storylines: (db) => new SqliteStorylinesProjection(db),
  timeline: (db) => new SqliteTimelineProjection(db),
};

const listed = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);
const dir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'factline-projection-apply');
const events = Number(process.env.BENCH_EVENTS ?? 200_000);

async function loadLog(): Promise<StoredEvent[]> {
  fs.mkdirSync(dir, { recursive: true });
  const logPath = path.join(dir, `log-${events}.sqlite`);
  if (!fs.existsSync(logPath)) await writeEventLog(logPath, { events, largeStorylineEvents: events / 10, seed: 7 });
  const store = new SqliteEventStore(logPath);
  const log: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: log.at(-1)?.position, limit: 10_000 });
    if (page.length === 0) break;
    log.push(...page);
  }
  await store.close();
  return log;
}

function withLateOpenings(log: StoredEvent[]): StoredEvent[] {
  const moved = [...log];
  for (let index = moved.length - 1; index >= 0; index--) {
    if (moved[index].type !== 'StorylineOpened' || index % 3 !== 0) continue;
    const [opened] = moved.splice(index, 1);
    moved.splice(Math.min(moved.length, index + 300), 0, opened);
  }
  return moved.map((event, index) => ({ ...event, position: index }));
}

/** One digest per generation table over its rows in column order. */
function tableDigests(db: Database.Database): Record<string, string> {
  const ignored = new Set(listed(process.env.BENCH_IGNORE_COLUMNS, ''));
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB '*_g[0-9]*' ORDER BY name")
    .pluck()
    .all();
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const columns = db
      .prepare(`SELECT * FROM ${table} LIMIT 0`)
      .columns()
      .map((column) => column.name)
      .filter((name) => !ignored.has(name))
      .join(', ');
    const hash = crypto.createHash('sha256');
    for (const row of db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`).raw().all()) {
      hash.update(JSON.stringify(row));
    }
    digests[table] = hash.digest('hex').slice(0, 12);
  }
  return digests;
}

function applyAll(name: string, log: StoredEvent[], pageSize: number) {
  const file = path.join(dir, `read-models-${name}-${pageSize}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openReadModelDatabase(file);
  const projection = PROJECTIONS[name](db);
  const started = performance.now();
  for (let index = 0; index < log.length; index += pageSize) projection.applyPage(log.slice(index, index + pageSize));
  const microsPerEvent = ((performance.now() - started) * 1000) / log.length;
  const tables = tableDigests(db);
  db.close();
  return { microsPerEvent, tables };
}

async function main(): Promise<void> {
  const generated = await loadLog();
  const log = process.env.BENCH_LATE_OPENINGS ? withLateOpenings(generated) : generated;
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  for (const name of listed(process.env.BENCH_PROJECTIONS, Object.keys(PROJECTIONS).join(','))) {
    for (const pageSize of listed(process.env.BENCH_PAGES, '5000,20').map(Number)) {
      const runs = Array.from({ length: repeat }, () => applyAll(name, log, pageSize));
      const micros = runs.map((run) => Number(run.microsPerEvent.toFixed(2)));
      console.log(
        JSON.stringify({
          name,
          pageSize,
          events: log.length,
          microsPerEvent: Math.min(...micros),
          runs: micros,
          tables: runs[0].tables,
        }),
      );
    }
  }
}

void main();
