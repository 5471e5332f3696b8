import { BenchResults, TargetCheck } from './results';

const check = (name: string, actual: number, unit: string, comparison: '>=' | '<=', target: number): TargetCheck => ({
  name,
  actual,
  unit,
  comparison,
  target,
  pass: comparison === '>=' ? actual >= target : actual <= target,
});

/** The performance bar of SPEC §6, against this run's figures. */
export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const { recordClaim, readsUnderWrites, replay, liveProjection, asOf, restart, writeCost, registryCascade, capture } =
    results;
  return [
    check('record-claim throughput (64 connections)', recordClaim.service.requestsPerSecond, 'req/s', '>=', 8000),
    check('record-claim p99', recordClaim.service.p99Ms, 'ms', '<=', 25),
    check('record-claim vs no-op NestJS endpoint', recordClaim.ratios.serviceToNoopNest, '×', '>=', 0.45),
    check('GET storyline p99 under writes', readsUnderWrites.reads.p99Ms, 'ms', '<=', 10),
    check('replay of all projections', replay.eventsPerSecond, 'events/s', '>=', 100_000),
    check('replay peak RSS', replay.peakRssMb, 'MB', '<=', 256),
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
      `registry write reaching ${registryCascade.claims} claims, to checkpoint, p50`,
      registryCascade.affiliated.p50Ms / 1000,
      's',
      '<=',
      1,
    ),
    check(`claims proposed from a ${capture.words}-word article, p50`, capture.p50Ms, 'ms', '<=', 200),
  ];
}
