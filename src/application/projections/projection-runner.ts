import { EventStore, StoredEvent, Subscription } from '../ports/event-store.port';
import { ReadModelStore } from '../ports/read-model-store.port';
import { BULK_CACHE_SIZE, buildGeneration, catchUp, nextTurn } from './build-generation';
import { ProjectionEngine } from './projection-engine';
import { READ_MODEL_VERSIONS, sameVersions } from './read-model-versions';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string): void;
}

export class RebuildAlreadyRunningError extends Error {
  constructor() {
    super('the read models are already being rebuilt');
    this.name = 'RebuildAlreadyRunningError';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The one writer of the read-model file. It catches the active generation up with the log in large
 * pages, then follows the log live; it builds a new generation from zero (at start when the active
 * one was built by other versions, and on request) while the active one keeps serving, then swaps
 * it in. A page that cannot be applied stops the read models before it, never skipping it.
 */
export class ProjectionRunner {
  private engine: ProjectionEngine | undefined;
  private subscription: Subscription | undefined;
  private catchingUp: Promise<void> = Promise.resolve();
  private building: { abort: AbortController; done: Promise<void> } | undefined;
  private readonly shutdown = new AbortController();
  private failed = false;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly hooks: { onAdvanced?(checkpoint: number): void; logger?: RunnerLogger } = {},
  ) {}

  /** Resolves once the runner is under way; catching up a long log goes on in the background. */
  async start(): Promise<void> {
    let active = this.readModels.active();
    if (!active) {
      active = this.readModels.createGeneration(READ_MODEL_VERSIONS, { bulk: true });
      this.readModels.promote(active);
    }
    const engine = new ProjectionEngine(active, BULK_CACHE_SIZE);
    this.engine = engine;
    const advanced = () => this.hooks.onAdvanced?.(engine.checkpoint());
    this.catchingUp = catchUp(this.store, engine, this.shutdown.signal, advanced)
      .then(() => this.follow())
      .catch((error: unknown) => this.fail(engine, error));
    if (!sameVersions(active.versions, READ_MODEL_VERSIONS)) {
      this.hooks.logger?.log('the read models were built by other versions: rebuilding them while they serve');
      this.startRebuild();
    }
  }

  /** Builds a new generation from position 0 in the background; throws if one is being built. */
  startRebuild(): void {
    if (this.building) throw new RebuildAlreadyRunningError();
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.shutdown.signal]);
    const done = this.rebuild(signal)
      .catch((error: unknown) => {
        if (signal.aborted) return;
        const message = `rebuild failed: ${messageOf(error)}`;
        this.readModels.reportFailure(message);
        this.hooks.logger?.error(message);
      })
      .finally(() => (this.building = undefined));
    this.building = { abort, done };
  }

  isRebuilding(): boolean {
    return this.building !== undefined;
  }

  /** Resolves when catching up and any rebuild under way have ended; for offline tools and tests. */
  async settled(): Promise<void> {
    await this.catchingUp;
    await this.building?.done;
  }

  async stop(): Promise<void> {
    this.shutdown.abort();
    await this.catchingUp;
    await this.building?.done;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  private follow(): void {
    if (this.subscription || !this.engine || this.shutdown.signal.aborted) return;
    this.subscription = this.store.subscribe({
      after: this.engine.checkpoint(),
      onEvents: (events) => this.applyLive(events),
      onError: (error) => this.hooks.logger?.error(`log subscription failed: ${error.message}`),
    });
  }

  private async applyLive(events: StoredEvent[]): Promise<void> {
    const engine = this.engine;
    if (!engine || this.failed) return;
    try {
      engine.apply(events);
    } catch (error) {
      this.fail(engine, error);
      return;
    }
    this.hooks.onAdvanced?.(engine.checkpoint());
    // Applying a page never waits on I/O: let messages and a rebuild in between pages.
    await nextTurn();
  }

  private fail(engine: ProjectionEngine, error: unknown): void {
    if (this.shutdown.signal.aborted) return;
    const message = messageOf(error);
    this.failed = true;
    this.readModels.reportFailure(message);
    // Not awaited: the subscription may be waiting for the very page that failed.
    void this.subscription?.close();
    this.subscription = undefined;
    this.hooks.logger?.error(`read models stopped at position ${engine.checkpoint()}: ${message}`);
  }

  private async rebuild(signal: AbortSignal): Promise<void> {
    const engine = await buildGeneration(this.store, this.readModels, {
      signal,
      liveCheckpoint: () => this.engine?.checkpoint() ?? -1,
    });
    this.readModels.promote(engine.generation);
    this.engine = engine;
    this.failed = false;
    this.hooks.logger?.log(`read models rebuilt up to position ${engine.checkpoint()}`);
    this.hooks.onAdvanced?.(engine.checkpoint());
    this.follow();
  }
}
