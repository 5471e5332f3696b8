import path from 'node:path';
import { BenchOptions } from '../bench-options';
import { cpuProfileArgs } from '../profiling/cpu-profile-args';
import { LiveProjectionResults } from '../report/results';
import { Child } from '../support/child-process';
import { ServiceFiles } from '../support/service';

/** Events a live worker typically finds per page under the record-claim load (a 2 ms gathering window). */
export const LIVE_PAGE_SIZE = 20;

/** CPU of every projection together per event, at live page sizes, over the start of the replay's log. */
export async function liveProjectionSection(
  options: BenchOptions,
  files: ServiceFiles,
  dir: string,
): Promise<LiveProjectionResults> {
  const child = new Child({
    script: path.join(__dirname, '..', 'workload', 'live-projection.child.js'),
    nodeArgs: cpuProfileArgs(options.profileDir, 'live-projection'),
    env: {
      SQLITE_PATH: files.sqlitePath,
      DIR: dir,
      EVENTS: String(Math.min(options.logEvents, 200_000)),
      PAGE_SIZE: String(LIVE_PAGE_SIZE),
    },
  });
  const answer = await child.nextJsonLine<LiveProjectionResults & { done: true }>(
    (line) => line.done === true,
    30 * 60_000,
  );
  await child.exited;
  return { events: answer.events, pageSize: answer.pageSize, cpuMicrosPerEvent: answer.cpuMicrosPerEvent };
}
