import {
  BenchResults,
  ChangesSinceResults,
  ClaimEvaluationResults,
  LoadFigures,
  RebuildFigures,
  RegistryCascadeResults,
  WriteCostResults,
} from './results';

const number = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : String(value);

const MB = 2 ** 20;

const load = (label: string, figures: LoadFigures): string[] => [
  label,
  `${number(figures.requestsPerSecond)} req/s`,
  `p50 ${number(figures.p50Ms, 2)} ms`,
  `p99 ${number(figures.p99Ms, 2)} ms`,
  `non-2xx ${figures.non2xx}, errors ${figures.errors}`,
];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd())
    .join('\n');
}

/** The write-cost section's block (also printed alone by bench/write-cost.ts). */
export function formatWriteCost(writeCost: WriteCostResults, heading = 'Write cost'): string[] {
  const row = (label: string, figures: WriteCostResults['freshClaim']) => [
    label,
    `p50 ${number(figures.p50Ms, 2)} ms`,
    `p99 ${number(figures.p99Ms, 2)} ms`,
    `${figures.requests} requests`,
  ];
  return [
    `${heading}, POST /v1/claims/:id/supports one at a time, alternating between the two claims`,
    table([
      row('fresh claim (its first supports)', writeCost.freshClaim),
      row(`claim with ${number(writeCost.streamEvents)} events`, writeCost.longClaim),
    ]),
    `  p50 at ${number(writeCost.streamEvents)} events ÷ p50 on the fresh claim ${number(writeCost.p50Ratio, 2)}×`,
  ];
}

/** The registry-cascade section's block (also printed alone by bench/registry-cascade.ts). */
export function formatRegistryCascade(cascade: RegistryCascadeResults, heading = 'Registry cascade'): string[] {
  const write = (label: string, figures: RegistryCascadeResults['affiliated']) => [
    label,
    `p50 ${number(figures.p50Ms, 1)} ms`,
    `p99 ${number(figures.p99Ms, 1)} ms`,
    `${figures.requests} writes`,
  ];
  const rebuild = (label: string, figures: RebuildFigures) => [
    label,
    `${number(figures.events)} events`,
    `${number(figures.seconds, 2)} s`,
    `${number(figures.eventsPerSecond)} events/s`,
    `peak RSS ${number(figures.peakRssMb)} MB`,
  ];
  const { newsroom, cascadeLog } = cascade.rebuild;
  return [
    `${heading}: one registry write reaching ${number(cascade.claims)} claims, from sending it until a read waiting for its position answers`,
    table([
      write('affiliation registered (every claim flips)', cascade.affiliated),
      write('affiliation ended (every claim flips back)', cascade.ended),
      write("either, applied: from the append's answer", cascade.applied),
      write('baseline: the same writes, no claim reached', cascade.baseline),
      write('baseline: a support on one claim', cascade.plainWrite),
    ]),
    `  registered ÷ registry baseline ${number(cascade.ratios.affiliatedToBaseline, 2)}×, ended ÷ registry baseline ${number(cascade.ratios.endedToBaseline, 2)}×, registered ÷ support ${number(cascade.ratios.affiliatedToPlainWrite, 2)}×, registry baseline ÷ support ${number(cascade.ratios.baselineToPlainWrite, 2)}×`,
    `  the append alone (the registration's round trip) p50 ${number(cascade.appendP50Ms, 1)} ms`,
    '  rebuild of every read model from position 0',
    table([
      rebuild(`newsroom log with its ${number(newsroom.registryEvents)} registry events`, newsroom.withRegistry),
      rebuild('the same log without them (baseline)', newsroom.withoutRegistry),
      rebuild(`cascade log after ${cascadeLog.registryWrites} writes reaching every claim`, cascadeLog.afterWrites),
      rebuild('the cascade log before them (baseline)', cascadeLog.beforeWrites),
    ]),
    `  events/s with ÷ without: newsroom ${number(newsroom.ratio, 2)}×, cascade log ${number(cascadeLog.ratio, 2)}×`,
  ];
}

/** The run as a reader wants it: one block per section, then the targets with pass or miss. */
function formatClaimEvaluation(evaluation: ClaimEvaluationResults): string[] {
  return [
    `10. Status rule in process: ${number(evaluation.claims)} claims (${number(evaluation.developmentsPerClaim, 1)} developments each) against ${number(evaluation.parties)} parties (${number(evaluation.registryEvents)} registry events)`,
    table([
      [
        'CPU per evaluation, settling pass (nothing worked out yet)',
        `${number(evaluation.settlingMicrosPerEvaluation, 1)} µs`,
      ],
      [
        'CPU per evaluation, the next version after an affiliation',
        `${number(evaluation.afterRegistryEventMicrosPerEvaluation, 1)} µs`,
      ],
      [
        `relatedness alone, CPU per question (${number(evaluation.relatedQuestions)} supports against their claimants)`,
        `${number(evaluation.relatedMicrosPerQuestion, 2)} µs`,
      ],
      ['registry fold, CPU per event', `${number(evaluation.registryFoldMicrosPerEvent, 1)} µs`],
    ]),
  ];
}

function formatChangesSince(changes: ChangesSinceResults): string[] {
  return [
    `11. What changed since, GET /v1/changes?since=… after ${number(changes.events)} events at the end of a ${number(changes.logEvents)}-event log`,
    table([
      [
        'first call',
        `${number(changes.firstMs)} ms`,
        `then p50 ${number(changes.againP50Ms)} ms, max ${number(changes.againMaxMs)} ms`,
      ],
    ]),
  ];
}

export function formatResults(results: BenchResults): string {
  const { recordClaim, readsUnderWrites, replay, asOf, restart, writeCost, machine, liveProjection: live } = results;
  const lines = [
    `Factline benchmark (${results.mode}) ${results.startedAt}`,
    `${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, load average ${machine.loadAverageAtStart.map((value) => number(value, 2)).join(' ')} at start, ${machine.loadAverageAtEnd.map((value) => number(value, 2)).join(' ')} at end`,
    '',
    `1. Record claim, POST /v1/storylines/:id/claims, ${recordClaim.connections} connections, ${recordClaim.seconds} s`,
    table([
      load('service (durable)', recordClaim.service),
      load('no-op NestJS+Fastify', recordClaim.noopNest),
      load('raw node:http', recordClaim.rawHttp),
    ]),
    `  service ÷ no-op NestJS ${number(recordClaim.ratios.serviceToNoopNest, 2)}×, service ÷ raw node:http ${number(recordClaim.ratios.serviceToRawHttp, 2)}×`,
    '',
    `2. Reads under writes, GET /v1/storylines/:id (${readsUnderWrites.claimsInReadStoryline} claims), ${readsUnderWrites.readerConnections} readers beside ${readsUnderWrites.writerConnections} writers, ${readsUnderWrites.seconds} s`,
    table([load('reads', readsUnderWrites.reads), load('writes', readsUnderWrites.writes)]),
    '',
    `3. Replay of every projection in one pass over ${number(replay.events)} events (log ${number(replay.storeFileMb)} MB, written at ${number(replay.generateEventsPerSecond)} events/s)`,
    table([
      [
        replay.projections.map((projection) => projection.name).join(', '),
        `${number(replay.seconds, 2)} s`,
        `${number(replay.eventsPerSecond)} events/s`,
        `peak RSS ${number(replay.peakRssMb)} MB`,
      ],
    ]),
    `  on disk after it: read models ${number(replay.readModelBytes / MB, 1)} MB, event log ${number(replay.eventLogBytes / MB, 1)} MB`,
    '',
    `4. As-of view, GET /v1/storylines/:id?asOf=…, ${number(asOf.storylineEvents)} events in ${number(asOf.claims)} claims, ${asOf.requests} requests one at a time`,
    table([['as-of', `p50 ${number(asOf.p50Ms, 2)} ms`, `p99 ${number(asOf.p99Ms, 2)} ms`]]),
    '',
    `5. Restart with ${number(restart.events)} events projected`,
    table([
      [
        'ready (health 200, projections live)',
        `${number(restart.readyMs)} ms`,
        `listening after ${number(restart.listeningMs)} ms`,
      ],
    ]),
    '',
    ...formatWriteCost(writeCost, '6. Write cost'),
    '',
    `7. Live projection cost: the log in pages of ${live.pageSize}, every read model`,
    table([
      [
        `CPU per event, first ${number(live.withRegistry.events)} events with the registry's`,
        `${number(live.withRegistry.cpuMicrosPerEvent, 1)} µs`,
      ],
      [
        `CPU per event, ${number(live.withoutRegistry.events)} events of the log's start without its registry events`,
        `${number(live.withoutRegistry.cpuMicrosPerEvent, 1)} µs`,
      ],
    ]),
    '',
    `8. Import: factline import of the replay's log (${number(results.import.events)} events) into a fresh store`,
    table([['import', `${number(results.import.seconds, 2)} s`, `${number(results.import.eventsPerSecond)} events/s`]]),
    '',
    ...formatRegistryCascade(results.registryCascade, '9. Registry cascade'),
    '',
    ...formatClaimEvaluation(results.claimEvaluation),
    '',
    ...formatChangesSince(results.changesSince),
    '',
    'Targets',
    table(
      results.targets.map((target) => [
        target.pass ? 'pass' : 'MISS',
        target.name,
        `${number(target.actual, target.unit === 'req/s' || target.unit === 'events/s' ? 0 : 2)} ${target.unit}`,
        `${target.comparison} ${target.target.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${target.unit}`,
      ]),
    ),
  ];
  return lines.join('\n');
}
