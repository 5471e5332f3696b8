import { EventStore, StoredEvent, Subscription } from '../../ports/event-store.port';
import { ReadModelStore } from '../../ports/read-model-store.port';
import { BULK_CACHE_SIZE, buildGeneration, catchUp } from './build-generation';
import { nextTurn } from './next-turn';
import { ProjectionEngine } from './projection-engine';
import { ProjectionFailure } from './projection-failure';
import { DeskCalendar } from '../../../domain/desk-calendar';
import { readModelVersions, sameVersions } from './read-model-versions';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface RunnerHooks {
  onAdvanced?(checkpoint: number): void;
  /**
   * Why the read models stopped, or undefined once they run again: told directly as well as written
   * to the file, because the file may be the very thing that cannot be written.
   */
  onFailure?(message: string | undefined): void;
  /** The read-model file is damaged: its owner replaces it with a new one, rebuilt from the log. */
  onDamaged?(message: string): void;
  logger?: RunnerLogger;
}

export interface StartOptions {
  /** With no active generation, build one in the background before readers see it (a replaced file). */
  buildBeforeServing?: boolean;
}

/** How long the runner waits before trying again after a fault of the file or of the log, doubling up to the cap. */
export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 30_000;

export class RebuildAlreadyRunningError extends Error {
  constructor() {
    super('the read models are already being rebuilt');
    this.name = 'RebuildAlreadyRunningError';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** A ProjectionFailure names the event; what failed underneath decides whether trying again can help. */
const causeOf = (error: unknown) => (error instanceof ProjectionFailure ? error.cause : error);

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
  private retry: { delayMs: number; timer?: NodeJS.Timeout } | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly hooks: RunnerHooks = {},
    private readonly calendar = new DeskCalendar(),
  ) {}

  private get versions() {
    return readModelVersions(this.calendar.timeZone);
  }

  /** Resolves once the runner is under way; catching up a long log goes on in the background. */
  async start({ buildBeforeServing = false }: StartOptions = {}): Promise<void> {
    let active = this.readModels.active();
    if (!active && buildBeforeServing) {
      this.startRebuild();
      return;
    }
    if (!active) {
      active = this.readModels.createGeneration(this.versions, { bulk: true });
      this.readModels.promote(active);
    }
    this.engine = new ProjectionEngine(active, BULK_CACHE_SIZE, { calendar: this.calendar });
    this.catchUpThenFollow(this.engine);
    if (!sameVersions(active.versions, this.versions)) {
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
        const cause = causeOf(error);
        if (this.readModels.faultOf(cause) === 'damaged') return this.hooks.onDamaged?.(messageOf(cause));
        const message = `rebuild failed: ${messageOf(error)}`;
        this.report(message);
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
    clearTimeout(this.retry?.timer);
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

  private catchUpThenFollow(engine: ProjectionEngine): void {
    const advanced = () => this.hooks.onAdvanced?.(engine.checkpoint());
    this.catchingUp = catchUp(this.store, engine, this.shutdown.signal, advanced)
      .then(() => {
        this.resumed(engine);
        this.follow();
      })
      .catch((error: unknown) => this.fail(engine, error));
  }

  /**
   * An event the fold cannot take stops the read models before it for good: trying again cannot
   * change the event. A damaged file is handed to its owner. Anything else (a full disk, an I/O error,
   * a log that cannot be read) is tried again, from the checkpoint, until its cause is gone.
   */
  private fail(engine: ProjectionEngine, error: unknown): void {
    if (this.shutdown.signal.aborted || engine !== this.engine) return;
    this.failed = true;
    // Not awaited: the subscription may be waiting for the very page that failed.
    void this.subscription?.close();
    this.subscription = undefined;
    const cause = causeOf(error);
    const fault = this.readModels.faultOf(cause);
    if (fault === 'damaged') return this.hooks.onDamaged?.(messageOf(cause));
    if (error instanceof ProjectionFailure && !fault) {
      this.report(messageOf(error));
      this.hooks.logger?.error(`read models stopped at position ${engine.checkpoint()}: ${messageOf(error)}`);
      return;
    }
    this.retryLater(
      engine,
      fault === 'storage' ? `cannot write the read-model file: ${messageOf(cause)}` : messageOf(cause),
    );
  }

  /** Catches up again from the checkpoint after a delay that doubles with each failure in a row; logged once. */
  private retryLater(engine: ProjectionEngine, reason: string): void {
    const delayMs = Math.min(MAX_RETRY_MS, this.retry ? this.retry.delayMs * 2 : FIRST_RETRY_MS);
    const message = `${reason}; retrying in ${Math.ceil(delayMs / 1000)} s`;
    if (!this.retry) this.hooks.logger?.error(`read models stopped at position ${engine.checkpoint()}: ${message}`);
    this.report(message);
    this.retry = {
      delayMs,
      timer: setTimeout(() => {
        if (engine !== this.engine || this.shutdown.signal.aborted) return;
        this.failed = false;
        this.catchUpThenFollow(engine);
      }, delayMs),
    };
  }

  private resumed(engine: ProjectionEngine): void {
    if (!this.retry) return;
    clearTimeout(this.retry.timer);
    this.retry = undefined;
    this.report(undefined);
    this.hooks.logger?.log(`read models running again at position ${engine.checkpoint()}`);
  }

  /** The file may be what failed: the hook tells readers either way. */
  private report(message: string | undefined): void {
    this.hooks.onFailure?.(message);
    try {
      this.readModels.reportFailure(message);
    } catch (error) {
      if (!this.readModels.faultOf(error)) throw error;
    }
  }

  private async rebuild(signal: AbortSignal): Promise<void> {
    const engine = await buildGeneration(this.store, this.readModels, {
      signal,
      liveCheckpoint: () => this.engine?.checkpoint() ?? -1,
      calendar: this.calendar,
    });
    this.readModels.promote(engine.generation);
    this.engine = engine;
    this.failed = false;
    clearTimeout(this.retry?.timer);
    this.retry = undefined;
    this.hooks.onFailure?.(undefined);
    this.hooks.logger?.log(`read models rebuilt up to position ${engine.checkpoint()}`);
    this.hooks.onAdvanced?.(engine.checkpoint());
    this.follow();
  }
}
