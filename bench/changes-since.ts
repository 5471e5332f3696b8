import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchOptions } from './bench-options';
import { timedNight } from './sections/changes-since.section';
import { serviceFilesIn, startService } from './support/service';
import { writeEventLog } from './workload/write-event-log';

/*
 * The morning call, GET /v1/changes?since=…, after a night of N events on a generated newsroom log,
 * against the built service (first call on a fresh process, then repeated); `npm run bench` measures
 * the night of 3,000 events in its own section:
 *
 *   npm run build && npx tsc -p bench/tsconfig.json && node dist/bench/bench/changes-since.js [--quick] [--profile DIR]
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const events = options.mode === 'quick' ? 20_000 : 100_000;
  const nights = options.mode === 'quick' ? [3_000] : [3_000, 1_000, 5_000, 10_000];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-changes-'));
  const files = serviceFilesIn(dir);
  try {
    await writeEventLog(files.sqlitePath, { events, largeStorylineEvents: 2_000, seed: 20260127 });
    const service = await startService(
      files,
      options.profileDir ? { dir: options.profileDir, name: 'changes-since' } : undefined,
    );
    try {
      const health = (await (await fetch(`${service.baseUrl}/health`)).json()) as { head: number };
      for (const night of nights) {
        const timed = await timedNight(service.baseUrl, health.head, night);
        process.stdout.write(
          `${night} events since: first call ${timed.firstMs.toFixed(0)} ms, then p50 ${timed.againP50Ms.toFixed(0)} ms, ` +
            `max ${timed.againMaxMs.toFixed(0)} ms; ${JSON.stringify(timed.totals)} ${JSON.stringify(timed.developments)}\n`,
        );
      }
    } finally {
      await service.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
