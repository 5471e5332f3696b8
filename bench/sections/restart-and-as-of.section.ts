import { BenchOptions } from '../bench-options';
import { AsOfResults, RestartResults } from '../report/results';
import { bearer } from '../support/api-keys';
import { percentile } from '../support/percentile';
import { RunningService, ServiceFiles, startService } from '../support/service';
import { WrittenLog } from '../workload/write-event-log';

/** The past view of the large storyline, folded from the log on each request. */
async function measureAsOf(options: BenchOptions, service: RunningService, log: WrittenLog): Promise<AsOfResults> {
  const { id, lastRecordedAt, events, claims } = log.largeStoryline;
  const url = `${service.baseUrl}/v1/storylines/${id}?asOf=${encodeURIComponent(lastRecordedAt)}`;
  const headers = { authorization: bearer('reader') };
  const timings: number[] = [];
  for (let index = -2; index < options.asOfRequests; index++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const view = (await response.json()) as { claimCount?: number };
    const elapsed = performance.now() - started;
    if (response.status !== 200 || view.claimCount !== claims) {
      throw new Error(`as-of view of ${id}: ${response.status}, ${view.claimCount} claims instead of ${claims}`);
    }
    if (index >= 0) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  return {
    storylineEvents: events,
    claims,
    requests: timings.length,
    p50Ms: percentile(timings, 50),
    p99Ms: percentile(timings, 99),
  };
}

/** Starts the service on the replayed log (time to ready), then measures as-of reads on it. */
export async function restartAndAsOfSection(
  options: BenchOptions,
  files: ServiceFiles,
  log: WrittenLog,
): Promise<{ restart: RestartResults; asOf: AsOfResults }> {
  const service = await startService(files, { dir: options.profileDir, name: 'service-restart-as-of' });
  try {
    const restart = { events: log.events, readyMs: service.readyMs, listeningMs: service.listeningMs };
    return { restart, asOf: await measureAsOf(options, service, log) };
  } finally {
    await service.stop();
  }
}
