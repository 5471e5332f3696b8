import { BenchOptions } from '../bench-options';
import { ReadsUnderWritesResults } from '../report/results';
import { bearer } from '../support/api-keys';
import { LoadSpec, runLoad, warmUp } from '../support/load';
import { serviceFilesIn, startService } from '../support/service';
import { openStorylines, recordClaims } from '../support/seed-requests';
import { recordClaimLoad, WRITE_STORYLINE_PREFIX } from './record-claim.section';

/** GET /v1/storylines/:id of a storyline with a desk's worth of claims, while the record-claim load runs. */
export async function readsUnderWritesSection(options: BenchOptions, dir: string): Promise<ReadsUnderWritesResults> {
  const service = await startService(serviceFilesIn(dir), {
    dir: options.profileDir,
    name: 'service-reads-under-writes',
  });
  try {
    await openStorylines(service.baseUrl, WRITE_STORYLINE_PREFIX, options.writeStorylines);
    const [readStoryline] = await openStorylines(service.baseUrl, 'bench-reads', 1);
    await recordClaims(service.baseUrl, readStoryline, options.readStorylineClaims);
    const writes = recordClaimLoad(options, service.baseUrl);
    const reads: LoadSpec = {
      url: `${service.baseUrl}/v1/storylines/${readStoryline}`,
      connections: options.readerConnections,
      seconds: options.loadSeconds,
      method: 'GET',
      headers: { authorization: bearer('reader') },
    };
    await Promise.all([warmUp(writes, options.warmUpSeconds), warmUp(reads, options.warmUpSeconds)]);
    const [writeFigures, readFigures] = await Promise.all([runLoad(writes), runLoad(reads)]);
    return {
      seconds: options.loadSeconds,
      readerConnections: options.readerConnections,
      writerConnections: options.connections,
      claimsInReadStoryline: options.readStorylineClaims,
      reads: readFigures,
      writes: writeFigures,
    };
  } finally {
    await service.stop();
  }
}
