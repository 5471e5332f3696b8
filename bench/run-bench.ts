import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchOptions } from './bench-options';
import { formatResults } from './report/print-table';
import { BenchResults } from './report/results';
import { checkTargets } from './report/targets';
import { readsUnderWritesSection } from './sections/reads-under-writes.section';
import { registryCascadeSection } from './sections/registry-cascade.section';
import { changesSinceSection } from './sections/changes-since.section';
import { claimEvaluationSection } from './sections/claim-evaluation.section';
import { recordClaimSection } from './sections/record-claim.section';
import { importSection } from './sections/import.section';
import { liveProjectionSection } from './sections/live-projection.section';
import { replaySection } from './sections/replay.section';
import { restartAndAsOfSection } from './sections/restart-and-as-of.section';
import { writeCostSection } from './sections/write-cost.section';
import { captureSection } from './sections/capture.section';
import { serviceFilesIn } from './support/service';

const step = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Each section's figures as soon as it ends, so a later section's failure does not lose them. */
function echoed<T>(results: T): T {
  process.stderr.write(`bench: ${JSON.stringify(results)}\n`);
  return results;
}

/** `npm run bench [-- --quick] [--out FILE] [--profile DIR]`: every section in order, a table, and JSON. */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-'));
  const sectionDir = (name: string) => {
    const dir = path.join(workDir, name);
    fs.mkdirSync(dir);
    return dir;
  };
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  try {
    step(`record-claim load on the raw, no-op and real services (${options.loadSeconds} s each)`);
    const recordClaim = echoed(await recordClaimSection(options, sectionDir('record-claim')));
    step('reads under writes');
    const readsUnderWrites = echoed(await readsUnderWritesSection(options, sectionDir('reads-under-writes')));
    step(`generating ${options.logEvents} events and replaying them`);
    const logFiles = serviceFilesIn(sectionDir('replay'));
    const { results: replayed, log } = await replaySection(options, logFiles);
    const replay = echoed(replayed);
    step('projections fed the log in live-sized pages');
    const liveProjection = echoed(await liveProjectionSection(options, logFiles, sectionDir('live-projection')));
    step('export of the log, then a timed import into a fresh store');
    const imported = echoed(await importSection(options, logFiles, sectionDir('import')));
    step('restart on the projected log, then as-of reads');
    const { restart, asOf } = echoed(await restartAndAsOfSection(options, logFiles, log));
    step(`write cost: supports on a fresh claim and on one with ${options.writeCostStreamEvents} events`);
    const writeCost = echoed(await writeCostSection(options, sectionDir('write-cost')));
    step(
      `registry cascade: a registry write reaching ${options.cascadeClaims} claims, and rebuilds with and without registry events`,
    );
    const registryCascade = echoed(await registryCascadeSection(options, sectionDir('registry-cascade')));
    step('the status rule in process: claims evaluated against a registry of 3,000 parties');
    const claimEvaluation = echoed(claimEvaluationSection(options));
    step('what changed since: the morning call after a night of 3,000 events');
    const changesSince = echoed(await changesSinceSection(options, sectionDir('changes-since')));
    step('capture: the claims of a 10,000-word article proposed');
    const capture = echoed(captureSection(options));
    const measured = {
      mode: options.mode,
      startedAt,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
      },
      recordClaim,
      readsUnderWrites,
      replay,
      liveProjection,
      import: imported,
      asOf,
      restart,
      writeCost,
      registryCascade,
      claimEvaluation,
      changesSince,
      capture,
    };
    const results: BenchResults = { ...measured, targets: checkTargets(measured) };
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    fs.writeFileSync(options.outFile, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${formatResults(results)}\n\nresults: ${options.outFile}\n`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
