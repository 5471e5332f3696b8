import path from 'node:path';
import { BenchOptions } from '../bench-options';
import { cpuProfileArgs } from '../profiling/cpu-profile-args';
import { LiveProjectionResults, LiveRun } from '../report/results';
import { Child } from '../support/child-process';
import { ServiceFiles } from '../support/service';

/** Events a live worker typically finds per page under the record-claim load (a 2 ms gathering window). */
export const LIVE_PAGE_SIZE = 20;

/**
 * Events of the log fed with its registry events. Each of those re-evaluates every claim naming the
 * party it changes, so their cost per event grows with the log; the registry-cascade section
 * measures one such write at 10,000 claims.
 */
const WITH_REGISTRY_EVENTS = 20_000;

/** Events of the log fed without them: the figure as it was measured before the registry. */
const WITHOUT_REGISTRY_EVENTS = 200_000;

/** One run of the child over the start of the log, as generated or without its party events. */
async function projectLive(
  options: BenchOptions,
  files: ServiceFiles,
  dir: string,
  { events, withoutRegistry }: { events: number; withoutRegistry: boolean },
): Promise<LiveRun> {
  const child = new Child({
    script: path.join(__dirname, '..', 'workload', 'live-projection.child.js'),
    nodeArgs: cpuProfileArgs(
      options.profileDir,
      withoutRegistry ? 'live-projection-without-registry' : 'live-projection',
    ),
    env: {
      SQLITE_PATH: files.sqlitePath,
      DIR: dir,
      EVENTS: String(Math.min(options.logEvents, events)),
      PAGE_SIZE: String(LIVE_PAGE_SIZE),
      ...(withoutRegistry ? { WITHOUT_REGISTRY: '1' } : {}),
    },
  });
  const answer = await child.nextJsonLine<LiveRun & { done: true }>((line) => line.done === true, 30 * 60_000);
  await child.exited;
  return { events: answer.events, cpuMicrosPerEvent: answer.cpuMicrosPerEvent };
}

/** CPU of every projection together per event, at live page sizes, over the start of the replay's log, with and without its registry events. */
export async function liveProjectionSection(
  options: BenchOptions,
  files: ServiceFiles,
  dir: string,
): Promise<LiveProjectionResults> {
  return {
    pageSize: LIVE_PAGE_SIZE,
    withRegistry: await projectLive(options, files, dir, { events: WITH_REGISTRY_EVENTS, withoutRegistry: false }),
    withoutRegistry: await projectLive(options, files, dir, { events: WITHOUT_REGISTRY_EVENTS, withoutRegistry: true }),
  };
}
