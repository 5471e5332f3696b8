import {
  AllStreamResolvedEvent,
  KurrentDBClient,
  Position,
  ReadPosition,
  STREAM_NAME,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  InvalidPositionError,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../../../application/ports/event-store.port';
import { BufferedPages } from './buffered-pages';
import { describe, isInvalidPosition, isUnreachable } from './kurrentdb-errors';
import { EventFilter, isOurs, toReadPosition, toStoredEvent } from './kurrentdb-mapping';

const PAGE_SIZE = 1000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/** The consumer's onEvents threw, or an event cannot be converted: reported once, then the subscription stops (as on SQLite). */
class StopSubscription extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause));
  }
}

/** A checkpoint of the server's, waiting until every event it sent before it has been delivered. */
interface PendingCheckpoint {
  position: Position;
  /** How many events (ours or not) the subscription had sent before it. */
  sentBefore: number;
}

/**
 * Follows `$all` after a position with a server-side filter on our stream prefixes. Pages go to
 * onEvents one at a time, in log order. The server's checkpoints (it sends one whenever its filter
 * has passed over other services' events) are kept once everything before them is delivered, so a
 * resubscription starts at the later of the last checkpoint and the last delivered event instead
 * of rescanning what the filter already passed. When the connection drops, it reports the error
 * and resubscribes, waiting longer after each failure in a row.
 */
export class KurrentDbSubscription implements Subscription {
  private closed = false;
  private after: number;
  /** The server's latest checkpoint with nothing undelivered before it; ahead of `after` when others wrote since. */
  private checkpoint: Position | undefined;
  private pending: PendingCheckpoint[] = [];
  private sent = 0;
  private delivered = 0;
  private failuresInARow = 0;
  private loop: Promise<void> = Promise.resolve();
  private pages: BufferedPages<AllStreamResolvedEvent> | undefined;
  private stopCurrent: (() => Promise<void>) | undefined;
  private cancelSleep: (() => void) | undefined;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly filter: EventFilter,
    private readonly options: SubscribeOptions,
    /** Our last event's position at or before a number that is no event's own (-1: none); throws InvalidPositionError. */
    private readonly resolveAfter: (position: number) => Promise<number>,
    private readonly onClose: () => void,
  ) {
    this.after = options.after ?? -1;
  }

  start(): void {
    this.loop = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelSleep?.();
    this.pages?.stop();
    await this.stopCurrent?.();
    await this.loop;
    this.onClose();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        await this.follow();
        if (this.closed) return;
        throw new Error('the server ended the subscription');
      } catch (error) {
        if (this.closed) return;
        if (error instanceof StopSubscription) {
          this.report(error.cause);
          this.closed = true;
          return;
        }
        if (isInvalidPosition(error)) {
          const resolved = await this.resolveStart();
          if (resolved === 'stopped') return;
          if (resolved === 'resolved') continue;
        }
        const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failuresInARow);
        this.failuresInARow += 1;
        const message = `subscription to $all dropped (${describe(error)}); resuming after ${this.after} in ${delay} ms`;
        this.report(isUnreachable(error) ? new EventStoreUnavailableError(message, error) : new Error(message));
        await this.sleep(delay);
      }
    }
  }

  /**
   * Started after a number that is no event's position (a client's guess): from our last event
   * before it, which delivers the same events; stopped (and reported) when none can be found; retried later when the store is out of reach.
   */
  private async resolveStart(): Promise<'resolved' | 'stopped' | 'retry'> {
    try {
      this.after = await this.resolveAfter(this.after);
      this.checkpoint = undefined;
      return 'resolved';
    } catch (error) {
      if (!(error instanceof InvalidPositionError)) return 'retry';
      this.report(error);
      this.closed = true;
      return 'stopped';
    }
  }

  /** The later of the server's last kept checkpoint and the last delivered event. */
  private resumePosition(): ReadPosition {
    if (this.checkpoint && this.checkpoint.commit > BigInt(this.after)) return this.checkpoint;
    return toReadPosition(this.after);
  }

  private async follow(): Promise<void> {
    this.pending = [];
    this.sent = 0;
    this.delivered = 0;
    const subscription = this.client.subscribeToAll(
      {
        fromPosition: this.resumePosition(),
        filter: {
          filterOn: STREAM_NAME,
          prefixes: [...this.filter.prefixes],
          checkpointInterval: 1,
          // Called in order with the events: those sent before it are counted or still buffered.
          checkpointReached: (_subscription, position) => {
            this.pending.push({ position, sentBefore: this.sent + subscription.readableLength });
            this.keepCheckpoints();
          },
        },
      },
      { highWaterMark: PAGE_SIZE },
    );
    const pages = new BufferedPages<AllStreamResolvedEvent>(subscription);
    subscription.on('caughtUp', () => (this.failuresInARow = 0));
    this.pages = pages;
    this.stopCurrent = async () => {
      pages.stop();
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    };
    try {
      for (;;) {
        const resolved = await pages.next(PAGE_SIZE);
        if (!resolved || this.closed) return;
        this.sent += resolved.length;
        await this.deliver(resolved);
        this.delivered += resolved.length;
        this.keepCheckpoints();
      }
    } finally {
      if (!this.closed) await this.stopCurrent();
    }
  }

  private async deliver(resolved: AllStreamResolvedEvent[]): Promise<void> {
    const page: StoredEvent[] = [];
    try {
      for (const { event } of resolved) {
        if (!event || !isOurs(event.streamId, event.type, this.filter)) continue;
        const stored = toStoredEvent(event, event.position);
        // Resuming may replay the boundary event; the port promises strictly after.
        if (stored.position > this.after) page.push(stored);
      }
      if (page.length === 0) return;
      await this.options.onEvents(page);
    } catch (error) {
      throw new StopSubscription(error);
    }
    this.after = page[page.length - 1].position;
    this.failuresInARow = 0;
  }

  private keepCheckpoints(): void {
    while (this.pending.length > 0 && this.pending[0].sentBefore <= this.delivered) {
      this.checkpoint = this.pending.shift()?.position;
    }
  }

  private report(error: unknown): void {
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.cancelSleep = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
