import { BenchOptions } from '../bench-options';
import { ChangesSinceResults } from '../report/results';
import { bearer } from '../support/api-keys';
import { percentile } from '../support/percentile';
import { serviceFilesIn, startService } from '../support/service';
import { writeEventLog } from '../workload/write-event-log';

interface Answer {
  next: number;
  truncated: boolean;
  totals: Record<string, number>;
  developments: { total: Record<string, number> };
}

const REPEATS = 10;

async function timedGet(url: string): Promise<{ ms: number; body: Answer }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: bearer('reader') } });
  const body = (await response.json()) as Answer;
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

/** One night's morning call: the first answer on the running service, then the same call asked again. */
export async function timedNight(baseUrl: string, head: number, night: number) {
  const url = `${baseUrl}/v1/changes?since=${head - night}&limit=500`;
  const first = await timedGet(url);
  const again: number[] = [];
  for (let index = 0; index < REPEATS; index++) again.push((await timedGet(url)).ms);
  again.sort((a, b) => a - b);
  return {
    events: night,
    firstMs: first.ms,
    againP50Ms: percentile(again, 50),
    againMaxMs: again[again.length - 1],
    totals: first.body.totals,
    developments: first.body.developments.total,
  };
}

/**
 * The morning call, GET /v1/changes?since=…, after a night of 3,000 events at the end of a generated
 * newsroom log (registry events among them), against the built service: the first call on the
 * process, then the same call again.
 */
export async function changesSinceSection(options: BenchOptions, dir: string): Promise<ChangesSinceResults> {
  const logEvents = options.mode === 'quick' ? 20_000 : 100_000;
  const files = serviceFilesIn(dir);
  await writeEventLog(files.sqlitePath, { events: logEvents, largeStorylineEvents: 2_000, seed: options.seed });
  const service = await startService(files, { dir: options.profileDir, name: 'service-changes-since' });
  try {
    const health = (await (await fetch(`${service.baseUrl}/health`)).json()) as { head: number };
    return { logEvents, ...(await timedNight(service.baseUrl, health.head, 3_000)) };
  } finally {
    await service.stop();
  }
}
