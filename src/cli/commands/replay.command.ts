import { servingPid } from '../../infrastructure/read-models/read-models-server-mark';
import { readModelTransaction } from '../../infrastructure/read-models/read-model-database';
import { rebuildProjections } from '../../application/projections/projection-rebuilder';
import { CliContext } from '../cli-context';
import { progressBar } from '../progress';

/** `factline replay [--projection NAME]`: rebuilds read models offline, from position 0. */
export async function replayCommand(context: CliContext, options: { projection?: string; quiet?: boolean }) {
  const server = servingPid(context.config.readModelPath);
  if (server !== undefined) {
    throw new Error(
      `a Factline server (pid ${server}) is serving ${context.config.readModelPath}; stop it first, or rebuild through POST /v1/projections/:name/rebuild`,
    );
  }
  const { db, projections } = context.readModels();
  const chosen = options.projection
    ? projections.filter((projection) => projection.name === options.projection)
    : projections;
  if (chosen.length === 0) {
    const names = projections.map((projection) => projection.name).join(', ');
    throw new Error(`no projection named ${options.projection} (there are: ${names})`);
  }
  const head = await context.store.headPosition();
  const names = chosen.map((projection) => projection.name);
  const progress = progressBar(`replay ${names.join(', ')}`, head, options.quiet);
  const started = process.hrtime.bigint();
  let events = 0;
  // One pass over the log feeds every chosen projection.
  await rebuildProjections(context.store, chosen, {
    transaction: readModelTransaction(db),
    onProgress: ({ applied, position }) => {
      events = applied;
      progress.update(position);
    },
  });
  progress.stop();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const name of names) process.stderr.write(`${name}: ${events} events\n`);
  process.stderr.write(
    `replayed ${names.length} projection(s) in one pass: ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / Math.max(seconds, 1e-9))} events/s)\n`,
  );
  return names.map((name) => ({ name, events, seconds }));
}
