import { EventStore, StoredEvent } from '../../ports/event-store.port';
import { BuildProgress, ReadModelStore } from '../../ports/read-model-store.port';
import { ReadModelGeneration } from '../../ports/read-model-store.port';
import { batchLoad } from './batch-rebuild';
import { nextTurn } from './next-turn';
import { ProjectionEngine } from './projection-engine';
import { DeskCalendar } from '../../../domain/desk-calendar';
import { readModelVersions } from './read-model-versions';

/** Events read per page while an engine catches up a long stretch of log, and claims kept in memory meanwhile. */
export const BULK_PAGE_SIZE = 5_000;
export const BULK_CACHE_SIZE = 5_000;

/**
 * Applies the log after the engine's checkpoint in large pages until a read comes back empty, then
 * indexes. With `upTo`, stops once every event up to that position is applied and leaves the rest
 * (and the indexes) for a later call.
 */
export async function catchUp(
  store: EventStore,
  engine: ProjectionEngine,
  signal: AbortSignal,
  onPage: (events: StoredEvent[]) => void,
  upTo = Infinity,
): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    const read = await store.readAll({ after: engine.checkpoint(), limit: BULK_PAGE_SIZE });
    const events = (read.at(-1)?.position ?? -1) > upTo ? read.filter((event) => event.position <= upTo) : read;
    if (events.length === 0) break;
    engine.apply(events);
    onPage(events);
    if (events.length < read.length) break;
    // Let other work (HTTP requests, live pages of the active generation) in between pages.
    await nextTurn();
  }
  engine.settleCascades();
  if (upTo === Infinity) engine.generation.finishBulkLoad();
}

export interface BuildOptions {
  signal: AbortSignal;
  /** The desk's calendar; UTC when absent. */
  calendar?: DeskCalendar;
  /** How far the generation being replaced is; the new one is not done before it gets there. */
  liveCheckpoint?(): number;
  onProgress?(progress: BuildProgress): void;
}

/**
 * A new generation of the read models built from position 0, not yet promoted. Readers are told how
 * far it is, never shown its rows. Whoever started it promotes it once `complete`, or discards it.
 * The log as far as it reaches when the build starts is loaded as a batch (batch-rebuild.ts); an
 * engine applies what follows page by page, as the live projections do.
 */
export class GenerationBuild {
  readonly generation: ReadModelGeneration;
  private applied: ProjectionEngine | undefined;
  private readonly progress: BuildProgress;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly onProgress?: (progress: BuildProgress) => void,
    private readonly calendar = new DeskCalendar(),
  ) {
    this.generation = readModels.createGeneration(readModelVersions(calendar.timeZone), { bulk: true });
    this.progress = { applied: 0, position: -1, head: -1, startedAt: new Date().toISOString() };
    // Reported before anything is awaited: whoever asked for the build sees it under way at once.
    readModels.reportBuild(this.progress);
  }

  /** The engine that applies the log after the batch; there is none before the batch has run. */
  get engine(): ProjectionEngine {
    if (!this.applied) throw new Error('the generation has not been loaded yet');
    return this.applied;
  }

  /** Applies the log up to `position` and nothing after it: the state the active generation is at, to compare with. */
  async applyUpTo(position: number, signal: AbortSignal): Promise<void> {
    this.progress.head = Math.max(this.progress.head, position);
    const engine = await this.loaded(signal, position);
    await catchUp(this.store, engine, signal, (events) => this.report(events), position);
  }

  /** Applies the rest of the log, then waits for `liveCheckpoint` and builds the indexes. */
  async complete(signal: AbortSignal, liveCheckpoint: () => number = () => -1): Promise<ProjectionEngine> {
    this.progress.head = Math.max(this.progress.head, await this.store.headPosition());
    const engine = await this.loaded(signal, this.progress.head);
    await catchUp(this.store, engine, signal, (events) => this.report(events));
    // The live generation may have applied events that the last read did not see yet.
    while (liveCheckpoint() > engine.checkpoint()) {
      signal.throwIfAborted();
      const events = await this.store.readAll({ after: engine.checkpoint(), limit: BULK_PAGE_SIZE });
      engine.apply(events);
      this.report(events);
    }
    engine.settleCascades({ goLive: true });
    return engine;
  }

  /** The engine over the generation, once the log up to `upTo` is batch-loaded into it. */
  private async loaded(signal: AbortSignal, upTo: number): Promise<ProjectionEngine> {
    if (!this.applied) {
      const { registry, withRivals } = await batchLoad(
        this.store,
        this.generation,
        { signal, calendar: this.calendar, upTo },
        (events) => this.report(events),
      );
      this.applied = new ProjectionEngine(this.generation, BULK_CACHE_SIZE, {
        deferCascades: true,
        registry,
        calendar: this.calendar,
      });
      this.applied.reevaluate(withRivals);
    }
    return this.applied;
  }

  /** Drops the generation and tells readers no build is under way. */
  discard(): void {
    this.readModels.discard(this.generation);
    this.readModels.reportBuild(undefined);
  }

  private report(events: StoredEvent[]): void {
    this.progress.applied += events.length;
    this.progress.position = events.at(-1)?.position ?? this.progress.position;
    this.progress.head = Math.max(this.progress.head, this.progress.position);
    this.readModels.reportBuild(this.progress);
    this.onProgress?.({ ...this.progress });
  }
}

/**
 * Builds a new generation of the read models from position 0 up to the log's head, not yet promoted.
 * An abort or a failure drops it and leaves the active generation as it was.
 */
export async function buildGeneration(
  store: EventStore,
  readModels: ReadModelStore,
  { signal, liveCheckpoint, onProgress, calendar }: BuildOptions,
): Promise<ProjectionEngine> {
  const build = new GenerationBuild(store, readModels, onProgress, calendar);
  try {
    return await build.complete(signal, liveCheckpoint);
  } catch (error) {
    build.discard();
    throw error;
  }
}
