import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import {
  ProjectionControl,
  ProjectionStatus,
  projectionLag,
} from '../../../application/read-models/runtime/projection-control';
import { RebuildAlreadyRunningError } from '../../../application/read-models/runtime/projection-runner';
import { PositionWaiters } from '../../../application/read-models/runtime/position-waiters';
import { READ_MODEL_NAMES, READ_MODEL_VERSIONS } from '../../../application/read-models/runtime/read-model-versions';
import { EventStore } from '../../../application/ports/event-store.port';
import { Config } from '../../../config/config';
import { compiledWorkerScript } from '../../compiled-worker-script';
import { ReadModelReader, ReadModelStatus } from '../read-model-reader';
import { ReadModelsUnavailableError } from '../../../application/queries/read-models.port';
import { FromWorker, ToWorker } from './worker-messages';

const WORKER_SCRIPT = compiledWorkerScript(__dirname, 'projection-worker.js');
const STOP_TIMEOUT_MS = 10_000;
/** While requests wait for a position, the file is also looked at this often, whatever the worker says. */
const WAITER_POLL_MS = 100;

/**
 * The HTTP side of the projection worker: starts it, wakes it after this process appends, and
 * answers `minPosition` waits and status from the read-model file itself.
 */
export class ProjectionWorkerClient implements ProjectionControl {
  private readonly logger = new Logger('Projections');
  private worker: Worker | undefined;
  private readonly waiters = new PositionWaiters();
  private readonly rebuildAnswers = new Map<number, (refused: string | undefined) => void>();
  private nextRequest = 0;
  private poll: NodeJS.Timeout | undefined;
  private stopped: (() => void) | undefined;
  private crashed: string | undefined;
  /** Why the worker says the projections stopped; undefined while they run. */
  private failure: string | undefined;
  /** The number of the read-model file the worker writes (it counts the damaged files it replaced). */
  private fileNumber = 0;
  /** The head as last read, for status while the event store cannot be reached. */
  private head = -1;

  constructor(
    private readonly config: Config,
    private readonly store: EventStore,
    private readonly reader: ReadModelReader,
  ) {}

  start(): Promise<void> {
    if (!WORKER_SCRIPT) throw new Error('the projection worker needs the built code: run npm run build');
    const worker = new Worker(WORKER_SCRIPT, { workerData: { config: this.config } });
    this.worker = worker;
    this.store.onAppended?.(() => this.send({ type: 'wake' }));
    this.reader.onDamaged = (message) => this.send({ type: 'damaged', file: this.fileNumber, message });
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'advanced') this.releaseWaiters();
        else if (message.type === 'rebuild-answer') this.rebuildAnswers.get(message.id)?.(message.refused);
        else if (message.type === 'stopped') this.stopped?.();
        else if (message.type === 'failure') this.failure = message.message;
        else if (message.type === 'replaced') {
          this.fileNumber = message.file;
          this.reader.close();
        } else if (message.type === 'failed') {
          this.logger.error(`projection worker failed: ${message.message}`);
          reject(new Error(message.message));
        }
      });
      worker.on('error', (error) => {
        this.crashed = `projection worker crashed: ${error.message}`;
        this.logger.error(this.crashed);
        reject(error);
      });
    });
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.reader.checkpoint() >= position) return Promise.resolve(true);
    const waiting = this.waiters.wait(position, timeoutMs);
    this.poll ??= setInterval(() => this.releaseWaiters(), WAITER_POLL_MS);
    return waiting;
  }

  async status(): Promise<ProjectionStatus[]> {
    this.head = await this.store.headPosition().catch(() => this.head);
    const head = this.head;
    const { active, build, failure } = this.readStatus();
    const checkpoint = active?.checkpoint ?? -1;
    const lastError = this.crashed ?? this.failure ?? failure;
    const state = lastError && !build ? 'stopped' : build ? 'rebuilding' : checkpoint >= head ? 'live' : 'catching_up';
    return READ_MODEL_NAMES.map((name) => ({
      name,
      checkpoint,
      head,
      lag: projectionLag(head, checkpoint),
      state,
      version: active?.versions[name] ?? READ_MODEL_VERSIONS[name],
      ruleVersion: active?.versions.statusRule ?? READ_MODEL_VERSIONS.statusRule,
      ...(lastError ? { lastError } : {}),
      ...(build ? { rebuild: build } : {}),
    }));
  }

  async startRebuild(): Promise<string[]> {
    const id = this.nextRequest++;
    const refused = await new Promise<string | undefined>((resolve) => {
      this.rebuildAnswers.set(id, resolve);
      this.send({ type: 'rebuild', id });
    });
    this.rebuildAnswers.delete(id);
    if (refused !== undefined) throw new RebuildAlreadyRunningError();
    return [...READ_MODEL_NAMES];
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const stopped = new Promise<void>((resolve) => (this.stopped = resolve));
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
    await worker.terminate();
    clearInterval(this.poll);
    this.waiters.cancelAll();
    this.reader.close();
  }

  /** -1 while the file cannot be read: the waiters wait on, up to their own deadline. */
  private checkpointNow(): number {
    try {
      return this.reader.checkpoint();
    } catch (error) {
      if (error instanceof ReadModelsUnavailableError) return -1;
      throw error;
    }
  }

  /** While the file is damaged or being replaced there is nothing to tell but that. */
  private readStatus(): ReadModelStatus {
    try {
      return this.reader.status();
    } catch (error) {
      if (!(error instanceof ReadModelsUnavailableError)) throw error;
      return { failure: error.message };
    }
  }

  private releaseWaiters(): void {
    if (this.waiters.size() > 0) this.waiters.release(this.checkpointNow());
    if (this.waiters.size() === 0 && this.poll) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}
