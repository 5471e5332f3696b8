import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ProjectionEngine } from '../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../src/application/read-models/runtime/read-model-versions';
import { StoredEvent } from '../src/application/ports/event-store.port';
import { SqliteEventStore } from '../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { openReadModelFile } from '../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../src/infrastructure/read-models/sqlite-read-model-store';
import { writeEventLog } from './workload/write-event-log';

/*
 * Times the projection engine (one fold of each page, every read model written) over a generated log,
 * in process, and prints one JSON line per page size: µs per event (fastest of the repeats) and a
 * digest of each table, so two versions can be compared for speed and for identical rows.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/bench/projection-apply.js
 *
 * Environment: BENCH_EVENTS (200000), BENCH_PAGES (20000,20: a rebuild's and live page sizes; the
 * rebuild's leaves the indexes to the end and keeps more claims in memory), BENCH_REPEAT (3), BENCH_DIR (a temp
 * folder; the log is generated once per size and kept there), BENCH_IGNORE_COLUMNS (left out of the
 * digests), BENCH_LATE_OPENINGS (set: every third storyline opens 300 events after its place, so
 * claims arrive before their storyline).
 */

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
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'g[0-9]*_*' ORDER BY name")
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
    digests[table.replace(/^g\d+_/, '')] = hash.digest('hex').slice(0, 12);
  }
  return digests;
}

const BULK_FROM = 1000;

function applyAll(log: StoredEvent[], pageSize: number) {
  const file = path.join(dir, `read-models-${pageSize}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openReadModelFile(file);
  const bulk = pageSize >= BULK_FROM;
  const generation = new SqliteReadModelStore(db).createGeneration(READ_MODEL_VERSIONS, { bulk });
  const engine = new ProjectionEngine(generation, bulk ? 40_000 : undefined);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < log.length; index += pageSize) engine.apply(log.slice(index, index + pageSize));
  generation.finishBulkLoad();
  const microsPerEvent = ((performance.now() - started) * 1000) / log.length;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMicrosPerEvent = (cpu.user + cpu.system) / log.length;
  const tables = tableDigests(db);
  db.close();
  return { microsPerEvent, cpuMicrosPerEvent, tables };
}

async function main(): Promise<void> {
  const generated = await loadLog();
  const log = process.env.BENCH_LATE_OPENINGS ? withLateOpenings(generated) : generated;
  const repeat = Number(process.env.BENCH_REPEAT ?? 3);
  for (const pageSize of listed(process.env.BENCH_PAGES, '20000,20').map(Number)) {
    const runs = Array.from({ length: repeat }, () => applyAll(log, pageSize));
    const micros = runs.map((run) => Number(run.microsPerEvent.toFixed(2)));
    const cpuMicros = runs.map((run) => Number(run.cpuMicrosPerEvent.toFixed(2)));
    console.log(
      JSON.stringify({
        pageSize,
        events: log.length,
        microsPerEvent: Math.min(...micros),
        cpuMicrosPerEvent: Math.min(...cpuMicros),
        runs: micros,
        tables: runs[0].tables,
      }),
    );
  }
}

void main();
