import { EventStore, StoredEvent } from '../ports/event-store.port';
import { BuildProgress, ReadModelStore } from '../ports/read-model-store.port';
import { ProjectionEngine } from './projection-engine';
import { READ_MODEL_VERSIONS } from './read-model-versions';

/** Events read per page while a generation catches up a long stretch of log, and claims kept in memory meanwhile. */
export const BULK_PAGE_SIZE = 5_000;
export const BULK_CACHE_SIZE = 5_000;

export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Applies the log after the engine's checkpoint in large pages until a read comes back empty, then indexes. */
export async function catchUp(
  store: EventStore,
  engine: ProjectionEngine,
  signal: AbortSignal,
  onPage: (events: StoredEvent[]) => void,
): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    const events = await store.readAll({ after: engine.checkpoint(), limit: BULK_PAGE_SIZE });
    if (events.length === 0) break;
    engine.apply(events);
    onPage(events);
    // Let other work (HTTP requests, live pages of the active generation) in between pages.
    await nextTurn();
  }
  engine.generation.finishBulkLoad();
}

export interface BuildOptions {
  signal: AbortSignal;
  /** How far the generation being replaced is; the new one is not done before it gets there. */
  liveCheckpoint?(): number;
  onProgress?(progress: BuildProgress): void;
}

/**
 * Builds a new generation of the read models from position 0 up to the log's head, not yet promoted.
 * An abort or a failure drops it and leaves the active generation as it was.
 */
export async function buildGeneration(
  store: EventStore,
  readModels: ReadModelStore,
  { signal, liveCheckpoint = () => -1, onProgress }: BuildOptions,
): Promise<ProjectionEngine> {
  const next = readModels.createGeneration(READ_MODEL_VERSIONS, { bulk: true });
  const engine = new ProjectionEngine(next, BULK_CACHE_SIZE);
  const progress: BuildProgress = { applied: 0, position: -1, head: -1, startedAt: new Date().toISOString() };
  // Reported before anything is awaited: whoever asked for the build sees it under way at once.
  readModels.reportBuild(progress);
  const report = (events: StoredEvent[]) => {
    progress.applied += events.length;
    progress.position = engine.checkpoint();
    progress.head = Math.max(progress.head, progress.position);
    readModels.reportBuild(progress);
    onProgress?.({ ...progress });
  };
  try {
    progress.head = await store.headPosition();
    await catchUp(store, engine, signal, report);
    // The live generation may have applied events that the last read did not see yet.
    while (liveCheckpoint() > engine.checkpoint()) {
      signal.throwIfAborted();
      const events = await store.readAll({ after: engine.checkpoint(), limit: BULK_PAGE_SIZE });
      engine.apply(events);
      report(events);
    }
  } catch (error) {
    readModels.discard(next);
    readModels.reportBuild(undefined);
    throw error;
  }
  return engine;
}
