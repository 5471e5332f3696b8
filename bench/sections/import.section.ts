import path from 'node:path';
import { countLines } from '../../src/cli/count-lines';
import { REPO_ROOT } from '../bench-options';
import { cpuProfileArgs } from '../profiling/cpu-profile-args';
import { ImportResults } from '../report/results';
import { Child } from '../support/child-process';
import { ServiceFiles } from '../support/service';

const TIMEOUT_MS = 30 * 60_000;

async function cli(args: string[], env: Record<string, string>, nodeArgs: string[] = []) {
  const child = new Child({ script: path.join(REPO_ROOT, 'dist', 'cli', 'factline.js'), args, env, nodeArgs });
  const timer = setTimeout(() => child.process.kill('SIGKILL'), TIMEOUT_MS);
  const exit = await child.exited;
  clearTimeout(timer);
  if (exit.code !== 0)
    throw new Error(`factline ${args[0]} failed (${exit.code ?? exit.signal}): ${child.stderr().slice(-2000)}`);
}

/** `factline export` of the replay's log, then a timed `factline import` of it into a fresh store. */
export async function importSection(
  options: { profileDir?: string },
  files: ServiceFiles,
  dir: string,
): Promise<ImportResults> {
  const exported = path.join(dir, 'log.ndjson');
  await cli(['export', '--quiet', '--out', exported], { SQLITE_PATH: files.sqlitePath, LOG_LEVEL: 'silent' });
  const lines = await countLines(exported);
  const started = performance.now();
  await cli(
    ['import', '--quiet', exported],
    { SQLITE_PATH: path.join(dir, 'imported.db'), LOG_LEVEL: 'silent' },
    cpuProfileArgs(options.profileDir, 'import'),
  );
  const seconds = (performance.now() - started) / 1000;
  return { events: lines, seconds, eventsPerSecond: lines / seconds };
}
