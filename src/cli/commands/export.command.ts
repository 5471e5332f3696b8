import fs from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { readWholeLog } from '../../application/log-transfer/export-log';
import { toExportLine } from '../../application/log-transfer/exported-event';
import { CliContext } from '../cli-context';
import { progressBar } from '../progress';

/** `factline export [--out FILE]`: the whole log as NDJSON, stdout by default. */
export async function exportCommand(context: CliContext, options: { out?: string; quiet?: boolean }): Promise<number> {
  const output: Writable = options.out ? fs.createWriteStream(options.out) : process.stdout;
  const head = await context.store.headPosition();
  const progress = progressBar('export', head, options.quiet);
  let count = 0;
  for await (const page of readWholeLog(context.store)) {
    const chunk = page.map((event) => `${toExportLine(event)}\n`).join('');
    if (!output.write(chunk)) await once(output, 'drain');
    count += page.length;
    progress.update(page[page.length - 1].position, Math.max(head, page[page.length - 1].position));
  }
  progress.stop();
  if (options.out) {
    output.end();
    await once(output, 'finish');
  }
  process.stderr.write(`exported ${count} events${options.out ? ` to ${options.out}` : ''}\n`);
  return count;
}
