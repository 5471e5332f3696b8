import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EVENT_STORE, EventStore, StoredEvent, Subscription } from '../ports/event-store.port';
import { upcast } from '../events/upcasters';
import {
  PROJECTIONS,
  PROJECTION_TRANSACTION,
  Projection,
  ProjectionTransaction,
  withoutSharedTransaction,
} from './projection';
import { PositionWaiters } from './position-waiters';
import { RebuildProgress, rebuildProjection } from './projection-rebuilder';

export type ProjectionState = 'catching_up' | 'live' | 'rebuilding' | 'stopped';

export interface ProjectionStatus {
  name: string;
  checkpoint: number;
  head: number;
  /** How far behind the head, in log positions (events, on SQLite). */
  lag: number;
  state: ProjectionState;
  lastError?: string;
  rebuild?: RebuildProgress & { startedAt: string };
}

/** Positions start at 1 on SQLite, so a projection that has seen nothing (checkpoint -1) is `head` behind, not `head + 1`. */
export function projectionLag(head: number, checkpoint: number): number {
  return Math.max(0, head - Math.max(checkpoint, 0));
}

/** What the HTTP layer needs of the projections, wherever they run (this process or a worker thread). */
export interface ProjectionControl {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The position every running projection has reached. */
  position(): number;
  /** Resolves `true` once all projections have applied `position`, or `false` after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
  status(): ProjectionStatus[];
  /** Throws UnknownProjectionError or RebuildAlreadyRunningError; otherwise the rebuild runs in the background. */
  startRebuild(name: string): void;
  isRebuilding(): boolean;
  headPosition(): number;
}

export const PROJECTION_CONTROL = Symbol('PROJECTION_CONTROL');

export class UnknownProjectionError extends Error {
  constructor(name: string) {
    super(`no projection named ${name}`);
    this.name = 'UnknownProjectionError';
  }
}

export class RebuildAlreadyRunningError extends Error {
  constructor(name: string) {
    super(`projection ${name} is already being rebuilt`);
    this.name = 'RebuildAlreadyRunningError';
  }
}

/**
 * Feeds every projection from the durable log, resuming at the lowest checkpoint. A projection
 * that throws is stopped with its error kept; it never skips the event, and the others go on.
 */
@Injectable()
export class ProjectionRunner implements ProjectionControl {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly errors = new Map<string, string>();
  private readonly rebuilds = new Map<string, RebuildProgress & { startedAt: string }>();
  private readonly running = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private subscription: Subscription | undefined;
  private head = -1;
  private readonly waiters = new PositionWaiters();
  private readonly changeListeners: Array<() => void> = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Optional()
    @Inject(PROJECTION_TRANSACTION)
    private readonly transaction: ProjectionTransaction = withoutSharedTransaction,
  ) {}

  async start(): Promise<void> {
    this.head = await this.store.headPosition();
    const after = Math.min(...this.projections.map((projection) => projection.checkpoint()));
    this.subscription = this.store.subscribe({
      after,
      onEvents: async (page) => this.applyPage(page),
      onError: (error) => this.logger.error(`log subscription failed: ${error.message}`),
    });
  }

  private async applyPage(page: StoredEvent[]): Promise<void> {
    const events = page.map((event) => upcast(event));
    try {
      this.transaction(() => {
        for (const projection of this.projections) {
          if (this.errors.has(projection.name)) continue;
          try {
            projection.applyPage(events);
          } catch (error) {
            this.stopProjection(projection, error);
          }
        }
      });
    } catch (error) {
      // The shared commit itself failed (disk full, say): no projection may claim this page.
      for (const projection of this.projections) this.stopProjection(projection, error);
      throw error;
    }
    this.head = Math.max(this.head, events[events.length - 1].position);
    this.releaseWaiters();
    // Reading and applying a page never waits on I/O: without this turn of the event loop, catching
    // up a long log would keep HTTP requests (even /health) waiting until the very last page.
    await new Promise((resolve) => setImmediate(resolve));
  }

  private stopProjection(projection: Projection, error: unknown): void {
    if (this.errors.has(projection.name)) return;
    const message = error instanceof Error ? error.message : String(error);
    this.errors.set(projection.name, message);
    this.logger.error(`projection ${projection.name} stopped at ${projection.checkpoint()}: ${message}`);
  }

  /** The position every running projection has reached. */
  position(): number {
    const running = this.projections.filter((projection) => !this.errors.has(projection.name));
    return Math.min(...running.map((projection) => projection.checkpoint()));
  }

  /** Resolves `true` once all projections have applied `position`, or `false` after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): ProjectionStatus[] {
    return this.projections.map((projection) => {
      const lastError = this.errors.get(projection.name);
      const rebuild = this.rebuilds.get(projection.name);
      const checkpoint = projection.checkpoint();
      const state: ProjectionState = rebuild
        ? 'rebuilding'
        : lastError
          ? 'stopped'
          : checkpoint >= this.head
            ? 'live'
            : 'catching_up';
      return {
        name: projection.name,
        checkpoint,
        head: this.head,
        lag: projectionLag(this.head, checkpoint),
        state,
        ...(lastError ? { lastError } : {}),
        ...(rebuild ? { rebuild: { ...rebuild } } : {}),
      };
    });
  }

  /**
   * Starts rebuilding one projection from position 0 in the background; reads keep using the
   * live tables until the shadow has caught up and is swapped in. A stopped projection
   * restarts this way once the cause is fixed.
   */
  startRebuild(name: string): void {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new UnknownProjectionError(name);
    if (this.rebuilds.has(name)) throw new RebuildAlreadyRunningError(name);
    const progress = { applied: 0, position: -1, head: this.head, startedAt: new Date().toISOString() };
    this.rebuilds.set(name, progress);
    const options = {
      onProgress: (update: RebuildProgress) => Object.assign(progress, update),
      signal: this.shutdown.signal,
      transaction: this.transaction,
    };
    const run = rebuildProjection(this.store, projection, options)
      .then(() => {
        this.errors.delete(name);
        this.logger.log(`projection ${name} rebuilt: ${progress.applied} events`);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.errors.set(name, `rebuild failed: ${message}`);
        this.logger.error(`projection ${name} rebuild failed: ${message}`);
      })
      .finally(() => {
        this.rebuilds.delete(name);
        this.running.delete(run);
        this.releaseWaiters();
      });
    this.running.add(run);
  }

  isRebuilding(): boolean {
    return this.rebuilds.size > 0;
  }

  headPosition(): number {
    return this.head;
  }

  /** Called after every page applied and every rebuild ended. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private releaseWaiters(): void {
    for (const listener of this.changeListeners) listener();
    this.waiters.release(this.position());
  }

  async stop(): Promise<void> {
    this.shutdown.abort();
    await Promise.all(this.running);
    await this.subscription?.close();
    this.subscription = undefined;
    this.waiters.cancelAll();
  }
}
