import { DeskCalendar } from '../../../domain/desk-calendar';
import { EventStore } from '../../ports/event-store.port';
import { BuildProgress, ReadModelStore, ReadModelVersions } from '../../ports/read-model-store.port';
import { HeadlineChange, StatusChange, StatusComparison } from '../../ports/status-comparison.port';
import { GenerationBuild } from './build-generation';

export interface ComparedRebuildOptions {
  signal: AbortSignal;
  /** Report the changes, then drop the rebuilt generation and keep the active one. */
  dryRun: boolean;
  onProgress?(progress: BuildProgress): void;
  /** Called with each page's changed claims, in claim id order, as the comparison goes. */
  onChanges(changes: StatusChange[]): void;
  /** Then with each page's storylines whose headline status changed, in storyline id order. */
  onHeadlineChanges(changes: HeadlineChange[]): void;
  /** The desk's calendar; UTC when absent. */
  calendar?: DeskCalendar;
}

export interface ComparedRebuild {
  /** The log position both generations stood at when compared; -1 for an empty log. */
  comparedAt: number;
  /** What the stored read models were built under (the status rule's version among them); undefined when there were none. */
  versionsBefore?: ReadModelVersions;
  versionsAfter: ReadModelVersions;
  /** Claims in either generation. */
  claims: number;
  /** Claims whose status differs, those only the rebuilt generation holds and those only the old one held included. */
  changed: number;
  added: number;
  removed: number;
  /** Opened storylines in either generation, and those whose headline status differs. */
  storylines: number;
  headlinesChanged: number;
  /** Log events the rebuilt generation applied. */
  applied: number;
  /** The rebuilt generation's checkpoint once promoted; undefined after a dry run. */
  promotedAt?: number;
}

/**
 * Rebuilds the read models from position 0 beside the active generation and, before promoting the
 * new one, compares every claim's status, then every storyline's headline, in the two at the same log
 * position: the new generation is built up to the active one's checkpoint, compared, and only then
 * applies the rest of the log. The difference is therefore what the current rules and projections
 * make of the same events. Without an active generation every claim and storyline is new.
 */
export async function rebuildComparing(
  store: EventStore,
  readModels: ReadModelStore,
  comparison: StatusComparison,
  { signal, dryRun, onProgress, onChanges, onHeadlineChanges, calendar }: ComparedRebuildOptions,
): Promise<ComparedRebuild> {
  const active = readModels.active();
  let applied = 0;
  const build = new GenerationBuild(
    store,
    readModels,
    (progress) => {
      applied = progress.applied;
      onProgress?.(progress);
    },
    calendar,
  );
  try {
    if (active) await build.applyUpTo(active.checkpoint(), signal);
    else await build.complete(signal);
    const totals = {
      comparedAt: active?.checkpoint() ?? build.engine.checkpoint(),
      ...(active ? { versionsBefore: active.versions } : {}),
      versionsAfter: build.engine.generation.versions,
      claims: 0,
      changed: 0,
      storylines: 0,
      headlinesChanged: 0,
    };
    let added = 0;
    let removed = 0;
    for (const page of comparison.pages(active, build.engine.generation)) {
      totals.claims += page.claims;
      totals.changed += page.changes.length;
      added += page.changes.filter((change) => !change.before).length;
      removed += page.changes.filter((change) => !change.after).length;
      if (page.changes.length > 0) onChanges(page.changes);
    }
    for (const page of comparison.headlinePages(active, build.engine.generation)) {
      totals.storylines += page.storylines;
      totals.headlinesChanged += page.changes.length;
      if (page.changes.length > 0) onHeadlineChanges(page.changes);
    }
    if (dryRun) {
      build.discard();
      return { ...totals, added, removed, applied };
    }
    const engine = await build.complete(signal);
    readModels.promote(engine.generation);
    return { ...totals, added, removed, applied, promotedAt: engine.checkpoint() };
  } catch (error) {
    build.discard();
    throw error;
  }
}
