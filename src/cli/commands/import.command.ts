import fs from 'node:fs';
import readline from 'node:readline';
import { readWholeLog } from '../../application/log-transfer/export-log';
import { importLog } from '../../application/log-transfer/import-log';
import { EventStore } from '../../application/ports/event-store.port';
import { CliContext } from '../cli-context';
import { progressBar } from '../progress';

/** `factline import FILE|-`: appends an export, idempotent by event id. */
export async function importCommand(context: CliContext, file: string, options: { quiet?: boolean }) {
  // Counted before the input is opened: a missing file then fails here, as one line, instead of as
  // an unhandled 'error' event of a stream nobody listens to yet.
  const total = file === '-' ? 0 : await countLines(file);
  const input = file === '-' ? process.stdin : fs.createReadStream(file);
  const progress = progressBar('import', total, options.quiet);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const before = await context.store.headPosition();
  const result = await importLog(context.store, lines, {
    inFlight: context.config.eventStore === 'sqlite' ? 256 : 1,
    onProgress: ({ lines: done }) => progress.update(done),
  });
  progress.stop();
  const added = await countEventsAfter(context.store, before);
  process.stderr.write(`read ${result.lines} lines: ${added} events appended, the rest were already there\n`);
  return { ...result, added };
}

async function countEventsAfter(store: EventStore, after: number): Promise<number> {
  let count = 0;
  for await (const page of readWholeLog(store, undefined, after)) count += page.length;
  return count;
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of fs.createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) count += 1;
  }
  return count;
}
