import fs from 'node:fs';
import readline from 'node:readline';
import { importLog } from '../../application/log-transfer/import-log';
import { BULK_APPENDS_PER_COMMIT } from '../../infrastructure/event-store/sqlite/sqlite-event-store';
import { CliContext } from '../cli-context';
import { countLines } from '../count-lines';
import { progressBar } from '../progress';

/** `factline import FILE|-`: appends an export, idempotent by event id. */
export async function importCommand(context: CliContext, file: string, options: { quiet?: boolean }) {
  // Counted before the input is opened: a missing file then fails here, as one line, instead of as
  // an unhandled 'error' event of a stream nobody listens to yet.
  const total = file === '-' ? 0 : await countLines(file);
  const input = file === '-' ? process.stdin : fs.createReadStream(file);
  const progress = progressBar('import', total, options.quiet);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const result = await importLog(context.store, lines, {
    // As many as the embedded store's bulk group commit takes in one transaction.
    inFlight: context.config.eventStore === 'sqlite' ? BULK_APPENDS_PER_COMMIT : 1,
    onProgress: ({ lines: done }) => progress.update(done),
  });
  progress.stop();
  process.stderr.write(`read ${result.lines} lines: ${result.appended} events appended, the rest were already there\n`);
  return result;
}
