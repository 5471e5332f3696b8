import v8 from 'node:v8';
import { DeskCalendar } from '../../domain/desk-calendar';
import Database from 'better-sqlite3';
import { buildGeneration } from '../../application/read-models/runtime/build-generation';
import { rebuildComparing } from '../../application/read-models/runtime/compared-rebuild';
import { READ_MODEL_NAMES } from '../../application/read-models/runtime/read-model-versions';
import { explainedStatuses } from '../../application/read-models/claims/evaluated-claims';
import { SqliteStatusComparison } from '../../infrastructure/read-models/claims/status-comparison';
import { SqliteReadModelStore } from '../../infrastructure/read-models/sqlite-read-model-store';
import { CliContext } from '../cli-context';
import { progressBar } from '../progress';
import { statusDiffReport } from '../status-diff-report';

export interface ReplayOptions {
  quiet?: boolean;
  /** Report every claim whose status, and every storyline whose headline, the rebuild changes. */
  diff?: boolean;
  /** With the report: keep the read models as they were. */
  dryRun?: boolean;
  /** The report as JSON lines. */
  json?: boolean;
}

/**
 * A rebuild allocates fast and keeps little (about 100 MB live at 1,000,000 events), and V8 lets
 * such a heap grow to about four times what survives a full collection before it collects again:
 * 1 GB at the peak. Growing it by half instead keeps the process near what is live (about 350 MB)
 * for the same time (the flag is read at every collection, so setting it here takes effect).
 */
function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

/**
 * `factline replay`: rebuilds the read models offline, from position 0, into a new generation that
 * replaces the old one only once it is complete (a crash halfway leaves the old one as it was).
 */
export async function replayCommand(context: CliContext, options: ReplayOptions) {
  const db = context.readModelFile();
  boundHeapGrowth();
  const head = await context.store.headPosition();
  const progress = progressBar(`replay ${READ_MODEL_NAMES.join(', ')}`, head, options.quiet);
  const started = process.hrtime.bigint();
  const events = await (options.diff ? replayComparing(context, db, options, progress) : replay(context, db, progress));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `replayed ${READ_MODEL_NAMES.join(', ')} in one pass: ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / Math.max(seconds, 1e-9))} events/s)\n`,
  );
  return READ_MODEL_NAMES.map((name) => ({ name, events, seconds }));
}

type Progress = ReturnType<typeof progressBar>;

async function replay(context: CliContext, db: Database.Database, progress: Progress): Promise<number> {
  const readModels = new SqliteReadModelStore(db);
  let events = 0;
  const engine = await buildGeneration(context.store, readModels, {
    signal: new AbortController().signal,
    calendar: new DeskCalendar(context.config.deskTimeZone),
    onProgress: ({ applied, position }) => {
      events = applied;
      progress.update(position);
    },
  });
  readModels.promote(engine.generation);
  progress.stop();
  return events;
}

/** The rebuild with `--diff`: the changes go to stdout as they are found, the total after them. */
async function replayComparing(
  context: CliContext,
  db: Database.Database,
  options: ReplayOptions,
  progress: Progress,
): Promise<number> {
  const report = statusDiffReport(options.json ? 'json' : 'text', (line) => process.stdout.write(`${line}\n`));
  const outcome = await rebuildComparing(
    context.store,
    new SqliteReadModelStore(db),
    new SqliteStatusComparison(db, explainedStatuses),
    {
      signal: new AbortController().signal,
      calendar: new DeskCalendar(context.config.deskTimeZone),
      dryRun: options.dryRun ?? false,
      onProgress: ({ position }) => progress.update(position),
      onChanges: (changes) => {
        // The bar and the report may share a terminal: the bar ends before the report's first line.
        progress.stop();
        report.changes(changes);
      },
      onHeadlineChanges: (changes) => {
        progress.stop();
        report.headlineChanges(changes);
      },
    },
  );
  progress.stop();
  report.total(outcome);
  return outcome.applied;
}
