import fs from 'node:fs';
import path from 'node:path';
import { BenchOptions } from '../bench-options';
import { cpuProfileArgs } from '../profiling/cpu-profile-args';
import { ProjectionReplay, ReplayResults } from '../report/results';
import { Child } from '../support/child-process';
import { ServiceFiles } from '../support/service';
import { WrittenLog, writeEventLog } from '../workload/write-event-log';

interface ReplayAnswer {
  seconds: number;
  projections: ProjectionReplay[];
  peakRssKb: number;
}

const REPLAY_TIMEOUT_MS = 30 * 60 * 1000;

/** What an SQLite database takes on disk: its file and, when one is left, its write-ahead log. */
function databaseBytes(file: string): number {
  const wal = `${file}-wal`;
  return fs.statSync(file).size + (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
}

/** Generates the log, then times a from-zero rebuild of every projection in a child process. */
export async function replaySection(
  options: BenchOptions,
  files: ServiceFiles,
): Promise<{ results: ReplayResults; log: WrittenLog }> {
  const log = await writeEventLog(files.sqlitePath, {
    events: options.logEvents,
    largeStorylineEvents: options.asOfStorylineEvents,
    seed: options.seed,
  });
  const child = new Child({
    script: path.join(__dirname, '..', 'workload', 'replay.child.js'),
    nodeArgs: cpuProfileArgs(options.profileDir, 'replay'),
    env: { SQLITE_PATH: files.sqlitePath, READ_MODEL_PATH: files.readModelPath, LOG_LEVEL: 'silent' },
  });
  const answer = await child.nextJsonLine<ReplayAnswer>((line) => line.done === true, REPLAY_TIMEOUT_MS);
  await child.exited;
  return {
    log,
    results: {
      events: log.events,
      generateSeconds: log.seconds,
      generateEventsPerSecond: log.events / log.seconds,
      storeFileMb: fs.statSync(files.sqlitePath).size / 2 ** 20,
      seconds: answer.seconds,
      eventsPerSecond: log.events / answer.seconds,
      peakRssMb: answer.peakRssKb / 1024,
      projections: answer.projections,
      eventLogBytes: databaseBytes(files.sqlitePath),
      readModelBytes: databaseBytes(files.readModelPath),
    },
  };
}
