import { buildGeneration } from '../../application/projections/build-generation';
import { READ_MODEL_NAMES } from '../../application/projections/read-model-versions';
import { otherLiveWriter, releaseWriter, takeWriter } from '../../infrastructure/read-models/read-model-writer';
import { SqliteReadModelStore } from '../../infrastructure/read-models/sqlite-read-model-store';
import { CliContext } from '../cli-context';
import { progressBar } from '../progress';

/**
 * `factline replay`: rebuilds the read models offline, from position 0, into a new generation that
 * replaces the old one only once it is complete (a crash halfway leaves the old one as it was).
 */
export async function replayCommand(context: CliContext, options: { quiet?: boolean }) {
  const db = context.readModelFile();
  const server = otherLiveWriter(db);
  if (server !== undefined) {
    throw new Error(
      `a Factline server (pid ${server}) is serving ${context.config.readModelPath}; stop it first, or rebuild through POST /v1/projections/:name/rebuild`,
    );
  }
  takeWriter(db);
  try {
    const readModels = new SqliteReadModelStore(db);
    const head = await context.store.headPosition();
    const progress = progressBar(`replay ${READ_MODEL_NAMES.join(', ')}`, head, options.quiet);
    const started = process.hrtime.bigint();
    let events = 0;
    const engine = await buildGeneration(context.store, readModels, {
      signal: new AbortController().signal,
      onProgress: ({ applied, position }) => {
        events = applied;
        progress.update(position);
      },
    });
    readModels.promote(engine.generation);
    progress.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write(
      `replayed ${READ_MODEL_NAMES.join(', ')} in one pass: ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / Math.max(seconds, 1e-9))} events/s)\n`,
    );
    return READ_MODEL_NAMES.map((name) => ({ name, events, seconds }));
  } finally {
    releaseWriter(db);
  }
}
