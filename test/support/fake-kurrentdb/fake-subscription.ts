import { AllStreamResolvedEvent, END, Position, START, SubscribeToAllOptions } from '@kurrent/kurrentdb-client';
import { Readable, ReadableOptions } from 'node:stream';
import type { FakeKurrentDb } from './fake-kurrentdb';
import { isEvent, NodePreference, passes, toRecordedEvent } from './fake-kurrentdb-client';
import { grpcError, invalidPositionGrpcError, TransportFault } from './transport-errors';

/**
 * The server's search window for a filtered subscription: a checkpoint is sent each time
 * `checkpointInterval × 32` records have been searched (the client's filter asks for the default window).
 */
export const CHECKPOINT_WINDOW = 32;

/**
 * A catch-up subscription to `$all` as the client hands it out: a readable stream in object mode
 * that starts strictly after `fromPosition`, delivers what passes the filter in log order, emits
 * `caughtUp` when it reaches the node's end, then follows new records live. It calls the filter's
 * `checkpointReached` (and waits for it) with the position of the last record it searched, every
 * `checkpointInterval × 32` records, whether they were delivered or filtered out. A dropped
 * connection arrives as an 'error' event in the client's shape.
 */
export class FakeSubscription extends Readable {
  id = `fake-${Math.random().toString(36).slice(2)}`;
  private stopped = false;
  private resumeReading: (() => void) | undefined;
  private readonly stopDropListener: () => void;
  private wakeOnStop: () => void = () => undefined;
  private readonly whenStopped = new Promise<void>((resolve) => (this.wakeOnStop = resolve));

  constructor(
    private readonly server: FakeKurrentDb,
    private readonly node: NodePreference,
    private readonly options: SubscribeToAllOptions,
    readableOptions: ReadableOptions,
  ) {
    super({ ...readableOptions, objectMode: true });
    this.stopDropListener = server.onDrop((node, fault) => {
      if (node === 'any' || node === this.node) this.fail(grpcError(fault));
    });
    void this.run();
  }

  async unsubscribe(): Promise<void> {
    this.finish();
    this.push(null);
  }

  override _read(): void {
    const resume = this.resumeReading;
    this.resumeReading = undefined;
    resume?.();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.finish();
    callback(error);
  }

  private async run(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const fault: TransportFault | undefined = this.server.takeFault('subscribe', this.node);
    if (fault) return this.fail(grpcError(fault));
    let next = this.startIndex();
    if (next === undefined) return;
    this.emit('confirmation');
    const every = (this.options.filter?.checkpointInterval ?? 1) * CHECKPOINT_WINDOW;
    let searched = 0;
    let caughtUp = false;
    while (!this.stopped) {
      if (next < this.server.visibleCount(this.node)) {
        const record = this.server.log.records[next];
        next += 1;
        this.server.calls.recordsScanned += 1;
        if (isEvent(record) && passes(this.options.filter, record)) {
          await this.deliver({ event: toRecordedEvent(record) } as AllStreamResolvedEvent);
        }
        searched += 1;
        if (this.options.filter?.checkpointReached && searched % every === 0 && !this.stopped) {
          await this.options.filter.checkpointReached(this as never, positionOf(record.position));
        }
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        this.emit('caughtUp', { date: new Date(), position: positionOf(this.server.log.end) });
      }
      await Promise.race([this.server.changed(), this.whenStopped]);
    }
  }

  /** Where the subscription starts: after `fromPosition`, which must be a record's start or the log's end. */
  private startIndex(): number | undefined {
    const from = this.options.fromPosition ?? START;
    const visible = this.server.visibleCount(this.node);
    if (from === START) return 0;
    if (from === END) return visible;
    const found = this.server.log.lookup(from.commit, visible);
    if (from.commit !== from.prepare || found.kind === 'inside-record') {
      this.fail(invalidPositionGrpcError(from.commit));
      return undefined;
    }
    return found.kind === 'record' ? found.index + 1 : visible;
  }

  private async deliver(event: AllStreamResolvedEvent): Promise<void> {
    if (this.stopped) return;
    if (!this.push(event)) await new Promise<void>((resolve) => (this.resumeReading = resolve));
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.finish();
    this.emit('error', error);
  }

  private finish(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopDropListener();
    this.resumeReading?.();
    this.wakeOnStop();
  }
}

function positionOf(position: bigint): Position {
  return { commit: position, prepare: position };
}
