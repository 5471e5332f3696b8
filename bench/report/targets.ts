import { BenchResults, LoadFigures, TargetCheck } from './results';

const check = (name: string, actual: number, unit: string, comparison: '>=' | '<=', target: number): TargetCheck => ({
  name,
  actual,
  unit,
  comparison,
  target,
  pass: comparison === '>=' ? actual >= target : actual <= target,
});

/**
 * The 99th percentile of a load run's answers. When none was answered within the run, every request
 * took longer than the run: its length stands in (a bound the target can only miss), and the name says so.
 */
function p99Of(figures: LoadFigures, seconds: number, name: string): [string, number] {
  if (Number.isFinite(figures.p99Ms)) return [name, figures.p99Ms];
  return [`${name} (none answered within the ${seconds} s run: its length)`, seconds * 1000];
}

/** The performance bar of SPEC §6 and of issue 17, against this run's figures. */
export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const { recordClaim, readsUnderWrites, replay, liveProjection, asOf, restart, writeCost, registryCascade } = results;
  const { claimEvaluation, changesSince, capture } = results;
  return [
    check('record-claim throughput (64 connections)', recordClaim.service.requestsPerSecond, 'req/s', '>=', 8000),
    check(...p99Of(recordClaim.service, recordClaim.seconds, 'record-claim p99'), 'ms', '<=', 25),
    check('record-claim vs no-op NestJS endpoint', recordClaim.ratios.serviceToNoopNest, '×', '>=', 0.45),
    check(
      ...p99Of(
        readsUnderWrites.reads,
        readsUnderWrites.seconds,
        `GET storyline p99 beside ${readsUnderWrites.writerConnections} writers`,
      ),
      'ms',
      '<=',
      10,
    ),
    check(`rebuild of every read model (${replay.events} events)`, replay.eventsPerSecond, 'events/s', '>=', 100_000),
    check('rebuild peak RSS', replay.peakRssMb, 'MB', '<=', 256),
    check(
      'read-model file ÷ event log, on disk after the rebuild',
      replay.readModelBytes / replay.eventLogBytes,
      '×',
      '<=',
      1,
    ),
    check(
      `projections' CPU per event in pages of ${liveProjection.pageSize}, ${liveProjection.withRegistry.events} events with the registry's`,
      liveProjection.withRegistry.cpuMicrosPerEvent,
      'µs',
      '<=',
      40,
    ),
    check(
      `the same, ${liveProjection.withoutRegistry.events} events of the log without the registry's`,
      liveProjection.withoutRegistry.cpuMicrosPerEvent,
      'µs',
      '<=',
      40,
    ),
    check('factline import', results.import.eventsPerSecond, 'events/s', '>=', 100_000),
    check(`as-of storyline (${asOf.storylineEvents} events) p99`, asOf.p99Ms, 'ms', '<=', 50),
    check(`restart to ready (${restart.events} events)`, restart.readyMs / 1000, 's', '<=', 2),
    check(`support p50 after ${writeCost.streamEvents} events vs a fresh claim`, writeCost.p50Ratio, '×', '<=', 1.5),
    check(
      `registry event reaching ${registryCascade.claims} claims, applied (append answered to checkpoint), p50`,
      registryCascade.applied.p50Ms / 1000,
      's',
      '<=',
      0.2,
    ),
    check(
      `claim evaluation, ${claimEvaluation.parties} parties, rebuild's settling pass (CPU)`,
      claimEvaluation.settlingMicrosPerEvaluation,
      'µs',
      '<=',
      5,
    ),
    check(
      `GET /v1/changes?since= for ${changesSince.events} events, first call`,
      changesSince.firstMs,
      'ms',
      '<=',
      100,
    ),
    check(`claims proposed from a ${capture.words}-word article, p50`, capture.p50Ms, 'ms', '<=', 200),
  ];
}
