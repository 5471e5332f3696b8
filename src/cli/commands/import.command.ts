import fs from 'node:fs';
import { importLog } from '../../application/log-transfer/import-log';
import { CliContext } from '../cli-context';
import { countLines } from '../count-lines';
import { linesOf } from '../lines-of';
import { progressBar } from '../progress';

/** `factline import FILE|-`: appends an export, idempotent by event id. */
export async function importCommand(context: CliContext, file: string, options: { quiet?: boolean }) {
  // Opened at once: a missing file then fails here, as one line, instead of as an unhandled 'error'
  // event of a stream nobody reads yet.
  const input = file === '-' ? process.stdin : (await fs.promises.open(file)).createReadStream();
  // Counted only for the progress bar, which a quiet import has not.
  const total = file === '-' || options.quiet ? 0 : await countLines(file);
  const progress = progressBar('import', total, options.quiet);
  const result = await importLog(context.store, linesOf(input), {
    onProgress: ({ lines: done }) => progress.update(done),
  });
  progress.stop();
  process.stderr.write(`read ${result.lines} lines: ${result.appended} events appended, the rest were already there\n`);
  return result;
}
