import fs from 'node:fs';
import path from 'node:path';
import { BenchOptions } from '../bench-options';
import { cpuProfileArgs } from '../profiling/cpu-profile-args';
import { LatencyFigures, RebuildFigures, RegistryCascadeResults } from '../report/results';
import { bearer } from '../support/api-keys';
import { Child } from '../support/child-process';
import { percentile } from '../support/percentile';
import { ServiceFiles, serviceFilesIn, startService } from '../support/service';
import {
  CORRESPONDENT,
  OUTLET,
  UNMENTIONED,
  UNREACHED_CLAIM_ID,
  cascadeClaimId,
  writeCascadeLog,
} from '../workload/cascade-log';
import { writeEventLog } from '../workload/write-event-log';

const HEADERS = { 'content-type': 'application/json', authorization: bearer('editor') };
const REBUILD_TIMEOUT_MS = 30 * 60_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(baseUrl: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: HEADERS,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new HttpError(response.status, `${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** How long a read that waits for a position is asked again while the service answers it 503. */
const PROJECTED_DEADLINE_MS = 30 * 60_000;

/**
 * A GET with `minPosition`: when the projections have not reached the position while the service
 * held the read (a cascade over many claims, a busy machine), it answers 503 and is asked again at
 * once, since the service itself waits each time.
 */
async function readWhenProjected<T>(baseUrl: string, url: string): Promise<T> {
  const deadline = performance.now() + PROJECTED_DEADLINE_MS;
  for (;;) {
    try {
      return await call<T>(baseUrl, 'GET', url);
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 503) || performance.now() > deadline) throw error;
    }
  }
}

const latency = (timings: number[]): LatencyFigures => {
  const sorted = [...timings].sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
};

/** Days of 2020, long before every claim's evidence: affiliation periods that begin and end there. */
const day = (index: number) => `2020-01-${String(index + 1).padStart(2, '0')}T00:00:00Z`;

interface Timed {
  /** From sending the registry write until its answer: the append. */
  appendMs: number;
  /** From sending it until a read with `minPosition` of its position answered: the projections' checkpoint passed it. */
  projectedMs: number;
}

/**
 * One registry write, then a read of `claimId` that waits for the write's position; the read must
 * show `expected`, or the write did not reach the claim and the figure would mean nothing.
 */
async function timedRegistryWrite(
  baseUrl: string,
  write: { url: string; body: unknown },
  check: { claimId: string; expected: string } | undefined,
): Promise<Timed> {
  const started = performance.now();
  const { position } = await call<{ position: number }>(baseUrl, 'POST', write.url, write.body);
  const appendMs = performance.now() - started;
  const claimId = check?.claimId ?? cascadeClaimId(0);
  const view = await readWhenProjected<{ status: string }>(baseUrl, `/v1/claims/${claimId}?minPosition=${position}`);
  const projectedMs = performance.now() - started;
  if (check && view.status !== check.expected) {
    throw new Error(`${write.url}: claim ${claimId} is ${view.status} at position ${position}, not ${check.expected}`);
  }
  return { appendMs, projectedMs };
}

async function rebuild(files: ServiceFiles, events: number, profile: { dir?: string; name: string }) {
  const child = new Child({
    script: path.join(__dirname, '..', 'workload', 'replay.child.js'),
    nodeArgs: cpuProfileArgs(profile.dir, profile.name),
    env: { SQLITE_PATH: files.sqlitePath, READ_MODEL_PATH: files.readModelPath, LOG_LEVEL: 'silent' },
  });
  const answer = await child.nextJsonLine<{ seconds: number; peakRssKb: number }>(
    (line) => line.done === true,
    REBUILD_TIMEOUT_MS,
  );
  await child.exited;
  return {
    events,
    seconds: answer.seconds,
    eventsPerSecond: events / answer.seconds,
    peakRssMb: answer.peakRssKb / 1024,
  };
}

const ratio = (withRegistry: RebuildFigures, without: RebuildFigures) =>
  withRegistry.eventsPerSecond / without.eventsPerSecond;

/**
 * The party registry's cost. (1) The cascade: on a log of `cascadeClaims` claims, each reported by
 * one outlet and supported by one correspondent, registering her as employed by the outlet flips
 * every claim from corroborated to unverified, and ending that affiliation before her supports flips
 * them back; each write is timed from sending it until a read waiting for its position answers,
 * beside the same write between two parties no claim mentions (the baseline: what any registry
 * write costs) and a support on a claim no registry write reaches (what any write costs), in turn
 * so a busy machine slows them alike. (2) Rebuild speed: a generated
 * newsroom log rebuilt with its registry events and without them (the same log less those events),
 * and the cascade log rebuilt before and after the timed writes.
 */
export async function registryCascadeSection(options: BenchOptions, dir: string): Promise<RegistryCascadeResults> {
  const cascadeFiles = serviceFilesIn(path.join(dir, 'cascade'));
  fs.mkdirSync(path.dirname(cascadeFiles.sqlitePath), { recursive: true });
  const cascadeLogEvents = await writeCascadeLog(cascadeFiles.sqlitePath, options.cascadeClaims);
  // The log before the timed registry writes, to rebuild beside the log after them.
  const beforeFiles = serviceFilesIn(path.join(dir, 'cascade-before'));
  fs.mkdirSync(path.dirname(beforeFiles.sqlitePath), { recursive: true });
  for (const suffix of ['', '-wal']) {
    const file = `${cascadeFiles.sqlitePath}${suffix}`;
    if (fs.existsSync(file)) fs.copyFileSync(file, `${beforeFiles.sqlitePath}${suffix}`);
  }

  const service = await startService(cascadeFiles, { dir: options.profileDir, name: 'service-registry-cascade' });
  const samples = { affiliated: [] as Timed[], ended: [] as Timed[], baseline: [] as Timed[], plain: [] as Timed[] };
  const lastClaim = cascadeClaimId(options.cascadeClaims - 1);
  try {
    const { baseUrl } = service;
    const [analyst, institute] = UNMENTIONED;
    for (let index = 0; index < options.cascadeSamples; index++) {
      const period = { from: day(2 * index), to: day(2 * index + 1) };
      samples.affiliated.push(
        await timedRegistryWrite(
          baseUrl,
          {
            url: `/v1/parties/${CORRESPONDENT.id}/affiliations`,
            body: { partyId: OUTLET.id, relation: 'employed_by', from: period.from },
          },
          { claimId: lastClaim, expected: 'unverified' },
        ),
      );
      samples.baseline.push(
        await timedRegistryWrite(
          baseUrl,
          {
            url: `/v1/parties/${analyst.id}/affiliations`,
            body: { partyId: institute.id, relation: 'member_of', from: period.from },
          },
          undefined,
        ),
      );
      samples.ended.push(
        await timedRegistryWrite(
          baseUrl,
          { url: `/v1/parties/${CORRESPONDENT.id}/affiliations/end`, body: { partyId: OUTLET.id, to: period.to } },
          { claimId: lastClaim, expected: 'corroborated' },
        ),
      );
      samples.baseline.push(
        await timedRegistryWrite(
          baseUrl,
          { url: `/v1/parties/${analyst.id}/affiliations/end`, body: { partyId: institute.id, to: period.to } },
          undefined,
        ),
      );
      samples.plain.push(
        await timedRegistryWrite(
          baseUrl,
          {
            url: `/v1/claims/${UNREACHED_CLAIM_ID}/supports`,
            body: {
              by: { id: `outlet-${index}`, name: `Outlet ${index}`, kind: 'media' },
              kind: 'corroboration',
              occurredAt: '2026-01-27T12:00:00+01:00',
            },
          },
          { claimId: UNREACHED_CLAIM_ID, expected: 'corroborated' },
        ),
      );
    }
    const first = await call<{ status: string }>(baseUrl, 'GET', `/v1/claims/${cascadeClaimId(0)}`);
    if (first.status !== 'corroborated') throw new Error(`the first claim is ${first.status} after the last ending`);
  } finally {
    await service.stop();
  }

  const newsroomFiles = {
    with: serviceFilesIn(path.join(dir, 'newsroom')),
    without: serviceFilesIn(path.join(dir, 'newsroom-without')),
  };
  const shape = {
    events: options.cascadeRebuildEvents,
    largeStorylineEvents: options.cascadeRebuildEvents / 20,
    seed: options.seed,
  };
  for (const files of Object.values(newsroomFiles)) fs.mkdirSync(path.dirname(files.sqlitePath), { recursive: true });
  const withLog = await writeEventLog(newsroomFiles.with.sqlitePath, shape);
  const withoutLog = await writeEventLog(
    newsroomFiles.without.sqlitePath,
    shape,
    (event) => !event.streamId.startsWith('party-'),
  );
  const profile = (name: string) => ({ dir: options.profileDir, name: `rebuild-${name}` });
  const newsroom = {
    withoutRegistry: await rebuild(newsroomFiles.without, withoutLog.events, profile('newsroom-without-registry')),
    withRegistry: await rebuild(newsroomFiles.with, withLog.events, profile('newsroom-with-registry')),
  };
  const registryWrites = 4 * options.cascadeSamples;
  const cascadeLog = {
    beforeWrites: await rebuild(beforeFiles, cascadeLogEvents, profile('cascade-before-writes')),
    afterWrites: await rebuild(
      cascadeFiles,
      cascadeLogEvents + registryWrites + samples.plain.length,
      profile('cascade-after-writes'),
    ),
  };

  const projected = (timed: Timed[]) => latency(timed.map((sample) => sample.projectedMs));
  const cascade = {
    affiliated: projected(samples.affiliated),
    ended: projected(samples.ended),
    applied: latency([...samples.affiliated, ...samples.ended].map((sample) => sample.projectedMs - sample.appendMs)),
    baseline: projected(samples.baseline),
    plainWrite: projected(samples.plain),
  };
  return {
    claims: options.cascadeClaims,
    samples: options.cascadeSamples,
    ...cascade,
    appendP50Ms: percentile(
      samples.affiliated.map((sample) => sample.appendMs).sort((a, b) => a - b),
      50,
    ),
    ratios: {
      affiliatedToBaseline: cascade.affiliated.p50Ms / cascade.baseline.p50Ms,
      endedToBaseline: cascade.ended.p50Ms / cascade.baseline.p50Ms,
      affiliatedToPlainWrite: cascade.affiliated.p50Ms / cascade.plainWrite.p50Ms,
      baselineToPlainWrite: cascade.baseline.p50Ms / cascade.plainWrite.p50Ms,
    },
    rebuild: {
      newsroom: {
        ...newsroom,
        registryEvents: withLog.events - withoutLog.events,
        ratio: ratio(newsroom.withRegistry, newsroom.withoutRegistry),
      },
      cascadeLog: {
        ...cascadeLog,
        registryWrites,
        ratio: ratio(cascadeLog.afterWrites, cascadeLog.beforeWrites),
      },
    },
  };
}
