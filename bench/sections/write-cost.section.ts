import { BenchOptions } from '../bench-options';
import { LatencyFigures, WriteCostResults } from '../report/results';
import { bearer } from '../support/api-keys';
import { percentile } from '../support/percentile';
import { serviceFilesIn, startService } from '../support/service';
import { claimBody, party, storylineBody } from '../../test/support/fixtures';

const STORYLINE_ID = 'bench-write-cost';
const FILL_CONNECTIONS = 8;
const HEADERS = { 'content-type': 'application/json', authorization: bearer('reporter') };

async function post(baseUrl: string, path: string, body: unknown): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${text}`);
  return elapsed;
}

const support = (index: number) => ({
  by: party(`Outlet ${index}`, 'media', `outlet-${index}`),
  kind: 'corroboration',
  occurredAt: '2026-01-27T12:00:00+01:00',
  source: { url: `https://news.example/outlet-${index}/follow-up`, title: 'Follow-up' },
});

const latency = (timings: number[]): LatencyFigures => {
  const sorted = [...timings].sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
};

/**
 * What a command costs as its stream grows: supports on a fresh claim (its first ones) against
 * supports on a claim that already holds `writeCostStreamEvents` events, one request at a time and
 * alternating between the two claims, so a busy machine slows both alike.
 */
export async function writeCostSection(options: BenchOptions, dir: string): Promise<WriteCostResults> {
  const service = await startService(serviceFilesIn(dir), { dir: options.profileDir, name: 'service-write-cost' });
  const { baseUrl } = service;
  try {
    await post(baseUrl, '/v1/storylines', storylineBody({ id: STORYLINE_ID }));
    const claim = (id: string) => post(baseUrl, `/v1/storylines/${STORYLINE_ID}/claims`, claimBody({ id }));
    await claim('long-claim');
    let filled = 1;
    const fill = async () => {
      while (filled < options.writeCostStreamEvents) {
        filled += 1;
        await post(baseUrl, '/v1/claims/long-claim/supports', support(filled));
      }
    };
    await Promise.all(Array.from({ length: FILL_CONNECTIONS }, fill));
    await claim('fresh-claim');

    const fresh: number[] = [];
    const long: number[] = [];
    for (let index = 0; index < options.writeCostSamples; index++) {
      const onFresh = () =>
        post(baseUrl, '/v1/claims/fresh-claim/supports', support(index)).then((ms) => fresh.push(ms));
      const onLong = () => post(baseUrl, '/v1/claims/long-claim/supports', support(index)).then((ms) => long.push(ms));
      if (index % 2 === 0) await onFresh().then(onLong);
      else await onLong().then(onFresh);
    }
    const freshClaim = latency(fresh);
    const longClaim = latency(long);
    return {
      streamEvents: options.writeCostStreamEvents,
      freshClaim,
      longClaim,
      p50Ratio: longClaim.p50Ms / freshClaim.p50Ms,
    };
  } finally {
    await service.stop();
  }
}
