import { AllStreamResolvedEvent, KurrentDBClient, STREAM_NAME } from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../../../application/ports/event-store.port';
import { BufferedPages } from './buffered-pages';
import { describe, isUnreachable } from './kurrentdb-errors';
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

/**
 * Follows `$all` after a position with a server-side filter on our stream prefixes. Pages go to
 * onEvents one at a time, in log order. When the connection drops, it reports the error and
 * resubscribes after the last delivered position, waiting longer after each failure in a row.
 */
export class KurrentDbSubscription implements Subscription {
  private closed = false;
  private after: number;
  private failuresInARow = 0;
  private loop: Promise<void> = Promise.resolve();
  private pages: BufferedPages<AllStreamResolvedEvent> | undefined;
  private stopCurrent: (() => Promise<void>) | undefined;
  private cancelSleep: (() => void) | undefined;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly filter: EventFilter,
    private readonly options: SubscribeOptions,
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
        const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failuresInARow);
        this.failuresInARow += 1;
        const message = `subscription to $all dropped (${describe(error)}); resuming after ${this.after} in ${delay} ms`;
        this.report(isUnreachable(error) ? new EventStoreUnavailableError(message, error) : new Error(message));
        await this.sleep(delay);
      }
    }
  }

  private async follow(): Promise<void> {
    const subscription = this.client.subscribeToAll(
      {
        fromPosition: toReadPosition(this.after),
        filter: { filterOn: STREAM_NAME, prefixes: [...this.filter.prefixes], checkpointInterval: 1 },
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
        await this.deliver(resolved);
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
