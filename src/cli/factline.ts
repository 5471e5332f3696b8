import 'reflect-metadata';
import { Command, Option } from 'commander';
import { ConfigError } from '../config/config';
import { StoreInUseError } from '../infrastructure/store-lock/store-lock';
import { CliContext, CliContextOptions, openCliContext } from './cli-context';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { ReplayOptions, replayCommand } from './commands/replay.command';
import { statusCommand } from './commands/status.command';

/** Opens the store named by the environment, runs one command, and always closes it again. */
function run<A extends unknown[]>(
  action: (context: CliContext, ...args: A) => Promise<unknown>,
  contextOptions?: CliContextOptions & { whenInUse?: (error: StoreInUseError) => string },
) {
  return async (...args: A) => {
    let context: CliContext;
    try {
      context = await openCliContext(contextOptions);
    } catch (error) {
      if (error instanceof StoreInUseError && contextOptions?.whenInUse) {
        throw new Error(`${error.message}; ${contextOptions.whenInUse(error)}`);
      }
      throw error;
    }
    try {
      await action(context, ...args);
    } finally {
      await context.close();
    }
  };
}

const program = new Command('factline')
  .description(
    "Factline event log tools. Uses the server's variables: EVENT_STORE, SQLITE_PATH, READ_MODEL_PATH, KURRENTDB_CONNECTION_STRING.",
  )
  .showHelpAfterError();

program
  .command('export')
  .description('write the whole log as NDJSON (one event per line, with metadata and position)')
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .option('-q, --quiet', 'no progress bar')
  // The export copies the log as it is stored; readers upcast it when they read it back.
  .action(
    run((context, options: { out?: string; quiet?: boolean }) => exportCommand(context, options), { asStored: true }),
  );

program
  .command('import')
  .description('append an export (a file, or - for stdin); events already present are skipped by id')
  .argument('<file>', 'NDJSON export, or - for stdin')
  .option('-q, --quiet', 'no progress bar')
  .action(
    run((context, file: string, options: { quiet?: boolean }) => importCommand(context, file, options), {
      holdAs: 'factline import',
      bulk: true,
      whenInUse: ({ holder }) =>
        holder?.url ? 'an import writes the store directly: stop that server first' : 'wait until it is done',
    }),
  );

program
  .command('replay')
  .description(
    'rebuild every read model from position 0 (offline; a running server rebuilds via POST /v1/projections/rebuild)',
  )
  .option('-q, --quiet', 'no progress bar')
  .option(
    '--diff',
    "before the rebuilt read models replace the current ones, print every claim whose status differs between the two (claim id, storyline, old → new status, the rule that fired and its reason), then a total; compared at the current read models' log position, then promoted",
  )
  .addOption(
    new Option('--dry-run', 'as --diff, but keep the current read models (the rebuilt ones are dropped)').implies({
      diff: true,
    }),
  )
  .addOption(
    new Option('--json', 'the --diff report as JSON lines on stdout: one per claim, then {"total": …}').implies({
      diff: true,
    }),
  )
  .action(
    run((context, options: ReplayOptions) => replayCommand(context, options), {
      holdAs: 'factline replay',
      whenInUse: ({ holder }) =>
        holder?.url
          ? `stop it first, or rebuild through POST ${holder.url}/v1/projections/rebuild`
          : 'wait until it is done',
    }),
  );

program
  .command('status')
  .description("print the projections' checkpoints and lag")
  .option('--json', 'machine-readable output')
  .action(run((context, options: { json?: boolean }) => statusCommand(context, options)));

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : (error as Error).message;
  process.stderr.write(`factline: ${message}\n`);
  process.exit(1);
});
