import path from 'node:path';
import { BenchOptions } from '../bench-options';
import { LoadFigures, RecordClaimResults } from '../report/results';
import { Child } from '../support/child-process';
import { LoadSpec, runLoad, warmUp } from '../support/load';
import { serviceFilesIn, startService } from '../support/service';
import { claimPathsOver, JSON_WRITE_HEADERS, openStorylines, RECORD_CLAIM_BODY } from '../support/seed-requests';

export const WRITE_STORYLINE_PREFIX = 'bench-writes';

/** The same record-claim load, whatever answers it. */
export function recordClaimLoad(options: BenchOptions, baseUrl: string): LoadSpec {
  const storylineIds = Array.from(
    { length: options.writeStorylines },
    (_, index) => `${WRITE_STORYLINE_PREFIX}-${index}`,
  );
  return {
    url: `${baseUrl}/v1/storylines/${storylineIds[0]}/claims`,
    connections: options.connections,
    seconds: options.loadSeconds,
    method: 'POST',
    headers: JSON_WRITE_HEADERS,
    body: RECORD_CLAIM_BODY,
    paths: claimPathsOver(storylineIds),
  };
}

async function measure(options: BenchOptions, baseUrl: string): Promise<LoadFigures> {
  const load = recordClaimLoad(options, baseUrl);
  await warmUp(load, options.warmUpSeconds);
  return runLoad(load);
}

/** A baseline server in a child of its own, measured under the same load as the service. */
async function measureBaseline(options: BenchOptions, server: string): Promise<LoadFigures> {
  const child = new Child({ script: path.join(__dirname, '..', 'servers', server) });
  try {
    const { port } = await child.nextJsonLine<{ port: number }>((line) => line.ready === true, 120_000);
    return await measure(options, `http://127.0.0.1:${port}`);
  } finally {
    await child.stop();
  }
}

/** Durable record-claim commands on the real service, beside a raw node:http handler and a no-op NestJS endpoint. */
export async function recordClaimSection(options: BenchOptions, dir: string): Promise<RecordClaimResults> {
  const rawHttp = await measureBaseline(options, 'raw-http.server.js');
  const noopNest = await measureBaseline(options, 'noop-nest.server.js');
  const service = await startService(serviceFilesIn(dir), { dir: options.profileDir, name: 'service-record-claim' });
  let figures: LoadFigures;
  try {
    await openStorylines(service.baseUrl, WRITE_STORYLINE_PREFIX, options.writeStorylines);
    figures = await measure(options, service.baseUrl);
  } finally {
    await service.stop();
  }
  return {
    connections: options.connections,
    seconds: options.loadSeconds,
    service: figures,
    rawHttp,
    noopNest,
    ratios: {
      serviceToRawHttp: figures.requestsPerSecond / rawHttp.requestsPerSecond,
      serviceToNoopNest: figures.requestsPerSecond / noopNest.requestsPerSecond,
    },
  };
}
