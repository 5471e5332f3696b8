import { projectionLag } from '../../application/read-models/runtime/projection-control';
import { READ_MODEL_NAMES } from '../../application/read-models/runtime/read-model-versions';
import { ReadModelReader } from '../../infrastructure/read-models/read-model-reader';
import { CliContext } from '../cli-context';

/** `factline status`: how far the read models are behind the log. */
export async function statusCommand(context: CliContext, options: { json?: boolean }) {
  const head = await context.store.headPosition();
  context.readModelFile();
  const reader = new ReadModelReader(context.config.readModelPath);
  const { active, build, failure } = reader.status();
  reader.close();
  const checkpoint = active?.checkpoint ?? -1;
  const rows = READ_MODEL_NAMES.map((name) => ({ name, checkpoint, head, lag: projectionLag(head, checkpoint) }));
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ head, projections: rows, ...(build ? { build } : {}), ...(failure ? { failure } : {}) })}\n`,
    );
  } else {
    process.stdout.write(`log head: ${head}\n`);
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(12)} checkpoint ${String(row.checkpoint).padStart(10)}   lag ${row.lag}\n`,
      );
    }
    if (build) process.stdout.write(`a rebuild is under way: position ${build.position} of ${build.head}\n`);
    if (failure) process.stdout.write(`stopped: ${failure}\n`);
  }
  return rows;
}
