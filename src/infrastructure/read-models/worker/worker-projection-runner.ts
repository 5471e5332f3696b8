import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import {
  ProjectionControl,
  ProjectionStatus,
  RebuildAlreadyRunningError,
  UnknownProjectionError,
} from '../../../application/projections/projection-runner';
import { PositionWaiters } from '../../../application/projections/position-waiters';
import { EventStore } from '../../../application/ports/event-store.port';
import { Config } from '../../../config/config';
import { compiledWorkerScript } from '../../compiled-worker-script';
import { SqliteProjection } from '../sqlite-projection';
import { FromWorker, ProjectionsState, ToWorker } from './worker-messages';

const WORKER_SCRIPT = compiledWorkerScript(__dirname, 'projection-worker.js');
const STOP_TIMEOUT_MS = 10_000;

export function projectionWorkerAvailable(): boolean {
  return WORKER_SCRIPT !== undefined;
}

/**
 * The projections running in a worker thread, seen from the main thread: it mirrors the
 * worker's state, points the read-only read models at the worker's checkpoints and tables, and
 * wakes the worker whenever this process appends.
 */
export class WorkerProjectionRunner implements ProjectionControl {
  private readonly logger = new Logger('Projections');
  private worker: Worker | undefined;
  private state: ProjectionsState = { status: [], position: -1, head: -1, rebuilding: false, generations: {} };
  /** Rebuilds asked for whose start the worker has not confirmed yet. */
  private readonly requested = new Set<string>();
  private readonly waiters = new PositionWaiters();
  private stopped: (() => void) | undefined;

  constructor(
    private readonly config: Config,
    private readonly store: EventStore,
    private readonly readers: SqliteProjection[],
  ) {}

  start(): Promise<void> {
    const worker = new Worker(WORKER_SCRIPT as string, { workerData: { config: this.config } });
    this.worker = worker;
    this.store.onAppended?.(() => this.send({ type: 'wake' }));
    return new Promise((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'state') {
          this.receive(message);
          if (!started) {
            started = true;
            resolve();
          }
        } else if (message.type === 'failed') {
          if (!started) reject(new Error(message.message));
          this.logger.error(`projection worker failed: ${message.message}`);
        } else if (message.type === 'rebuild-accepted' || message.type === 'rebuild-refused') {
          this.requested.delete(message.name);
          if (message.type === 'rebuild-refused') this.logger.warn(`rebuild of ${message.name}: ${message.reason}`);
        } else if (message.type === 'stopped') {
          this.stopped?.();
        }
      });
      worker.on('error', (error) => {
        this.logger.error(`projection worker crashed: ${error.message}`);
        this.markAllStopped(`projection worker crashed: ${error.message}`);
        if (!started) reject(error);
      });
    });
  }

  private receive({ type: _type, ...state }: { type: 'state' } & ProjectionsState): void {
    this.state = state;
    for (const reader of this.readers) {
      const followed = state.generations[reader.name];
      if (followed) reader.follow(followed.generation, followed.checkpoint);
    }
    this.waiters.release(this.position());
  }

  private markAllStopped(lastError: string): void {
    this.state = {
      ...this.state,
      status: this.state.status.map((status) => ({ ...status, state: 'stopped', lastError })),
    };
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  position(): number {
    return this.state.position;
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): ProjectionStatus[] {
    return this.state.status.map((status) =>
      this.requested.has(status.name) ? { ...status, state: 'rebuilding' } : status,
    );
  }

  startRebuild(name: string): void {
    const known = this.state.status.find((status) => status.name === name);
    if (!known) throw new UnknownProjectionError(name);
    if (known.state === 'rebuilding' || this.requested.has(name)) throw new RebuildAlreadyRunningError(name);
    this.requested.add(name);
    this.send({ type: 'rebuild', name });
  }

  isRebuilding(): boolean {
    return this.state.rebuilding || this.requested.size > 0;
  }

  headPosition(): number {
    return this.state.head;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const stopped = new Promise<void>((resolve) => (this.stopped = resolve));
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
    await worker.terminate();
    this.waiters.cancelAll();
  }
}
