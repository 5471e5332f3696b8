import fs from 'node:fs';
import path from 'node:path';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';

/**
 * Runs in a process of its own: the projection engine fed the first EVENTS events of the log at SQLITE_PATH
 * in pages of PAGE_SIZE, as the live worker applies them, into a fresh file in DIR. One JSON line: CPU
 * per event (reading the log is not counted: the pages are read first). With WITHOUT_REGISTRY set, the
 * log's party events are left out, as a baseline for what the registry's cascades cost.
 */
async function main(): Promise<void> {
  const events = Number(process.env.EVENTS);
  const pageSize = Number(process.env.PAGE_SIZE);
  const store = new SqliteEventStore(process.env.SQLITE_PATH as string);
  const log: StoredEvent[] = [];
  while (log.length < events) {
    const page = await store.readAll({ after: log.at(-1)?.position, limit: Math.min(10_000, events - log.length) });
    if (page.length === 0) break;
    log.push(...page);
  }
  await store.close();
  const fed = process.env.WITHOUT_REGISTRY ? log.filter((event) => !event.type.startsWith('Party')) : log;
  const file = path.join(process.env.DIR as string, 'live.read-models.db');
  const readModels = new SqliteReadModelStore(openReadModelFile(file));
  const generation = readModels.createGeneration(READ_MODEL_VERSIONS, { bulk: false });
  readModels.promote(generation);
  const engine = new ProjectionEngine(generation);
  const before = process.cpuUsage();
  for (let start = 0; start < fed.length; start += pageSize) engine.apply(fed.slice(start, start + pageSize));
  const cpu = process.cpuUsage(before);
  fs.rmSync(file, { force: true });
  process.stdout.write(
    `${JSON.stringify({ done: true, events: fed.length, pageSize, cpuMicrosPerEvent: (cpu.user + cpu.system) / fed.length })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
