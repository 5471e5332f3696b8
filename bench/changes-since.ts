import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchOptions } from './bench-options';
import { bearer } from './support/api-keys';
import { percentile } from './support/percentile';
import { serviceFilesIn, startService } from './support/service';
import { writeEventLog } from './workload/write-event-log';

/*
 * The morning call, GET /v1/changes?since=…, after a night of N events on a generated newsroom log,
 * against the built service (first call on a fresh process, then repeated):
 *
 *   npm run build && npx tsc -p bench/tsconfig.json && node dist/bench/bench/changes-since.js [--quick] [--profile DIR]
 */
interface Answer {
  next: number;
  truncated: boolean;
  totals: Record<string, number>;
  developments: { total: Record<string, number> };
}

async function timedGet(url: string): Promise<{ ms: number; body: Answer }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: bearer('reader') } });
  const body = (await response.json()) as Answer;
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

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
        const url = `${service.baseUrl}/v1/changes?since=${health.head - night}&limit=500`;
        const first = await timedGet(url);
        const again: number[] = [];
        for (let index = 0; index < 10; index++) again.push((await timedGet(url)).ms);
        again.sort((a, b) => a - b);
        const { totals, developments } = first.body;
        process.stdout.write(
          `${night} events since: first call ${first.ms.toFixed(0)} ms, then p50 ${percentile(again, 50).toFixed(0)} ms, ` +
            `max ${again[again.length - 1].toFixed(0)} ms; ${JSON.stringify(totals)} ${JSON.stringify(developments.total)}\n`,
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
