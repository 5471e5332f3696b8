import 'reflect-metadata';
import { openCliContext } from '../../src/cli/cli-context';
import { replayCommand } from '../../src/cli/commands/replay.command';

/**
 * Runs in a process of its own: `factline replay` of every projection, on the files named by
 * SQLITE_PATH and READ_MODEL_PATH, then one JSON line with the timings and the peak RSS.
 */
async function main(): Promise<void> {
  const context = await openCliContext();
  const started = performance.now();
  const projections = await replayCommand(context, { quiet: true });
  const seconds = (performance.now() - started) / 1000;
  await context.close();
  const peakRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ done: true, seconds, projections, peakRssKb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
