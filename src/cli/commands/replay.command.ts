import { rebuildProjection } from '../../application/projections/projection-rebuilder';
import { CliContext } from '../cli-context';
import { progressBar } from '../progress';

/** `factline replay [--projection NAME]`: rebuilds read models offline, from position 0. */
export async function replayCommand(context: CliContext, options: { projection?: string; quiet?: boolean }) {
  const { projections } = context.readModels();
  const chosen = options.projection
    ? projections.filter((projection) => projection.name === options.projection)
    : projections;
  if (chosen.length === 0) {
    const names = projections.map((projection) => projection.name).join(', ');
    throw new Error(`no projection named ${options.projection} (there are: ${names})`);
  }
  const head = await context.store.headPosition();
  const results: Array<{ name: string; events: number; seconds: number }> = [];
  for (const projection of chosen) {
    const progress = progressBar(`replay ${projection.name}`, head, options.quiet);
    const started = process.hrtime.bigint();
    let events = 0;
    await rebuildProjection(context.store, projection, {
      onProgress: ({ applied, position }) => {
        events = applied;
        progress.update(position);
      },
    });
    progress.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    results.push({ name: projection.name, events, seconds });
    process.stderr.write(
      `${projection.name}: ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / Math.max(seconds, 1e-9))} events/s)\n`,
    );
  }
  return results;
}
