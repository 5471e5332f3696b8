import { projectionLag } from '../../application/projections/projection-runner';
import { CliContext } from '../cli-context';

/** `factline status`: each projection's checkpoint and how far it trails the log. */
export async function statusCommand(context: CliContext, options: { json?: boolean }) {
  const head = await context.store.headPosition();
  const rows = context.readModels().projections.map((projection) => ({
    name: projection.name,
    checkpoint: projection.checkpoint(),
    head,
    lag: projectionLag(head, projection.checkpoint()),
  }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ head, projections: rows })}\n`);
  } else {
    process.stdout.write(`log head: ${head}\n`);
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(12)} checkpoint ${String(row.checkpoint).padStart(10)}   lag ${row.lag}\n`,
      );
    }
  }
  return rows;
}
