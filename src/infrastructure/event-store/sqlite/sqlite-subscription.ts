import { EventStore, SubscribeOptions, Subscription } from '../../../application/ports/event-store.port';

const PAGE_SIZE = 1000;
/** Another process (the CLI importing, say) may write to the same file: look for its events this often. */
const POLL_INTERVAL_MS = 250;
/**
 * After an append wakes the subscription it waits this long, so the appends of the next few group
 * commits arrive in the same page: under write load the read models then commit fewer, larger pages (one
 * commit per page) for 2 ms of extra read-your-writes latency.
 */
const GATHER_AFTER_WAKE_MS = 2;

export class SqliteSubscription implements Subscription {
  private closed = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> = Promise.resolve();
  private after: number;

  constructor(
    private readonly store: EventStore,
    private readonly options: SubscribeOptions,
    private readonly onClose: () => void,
  ) {
    this.after = options.after ?? -1;
  }

  start(): void {
    this.loop = this.run();
  }

  wake(): void {
    this.wakeUp?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.loop;
    this.onClose();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        const page = await this.store.readAll({ after: this.after, limit: PAGE_SIZE });
        if (page.length > 0) {
          await this.options.onEvents(page);
          this.after = page[page.length - 1].position;
          continue;
        }
      } catch (error) {
        this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
        this.closed = true;
        return;
      }
      await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, POLL_INTERVAL_MS);
      const wake = () => {
        clearTimeout(timer);
        setTimeout(done, GATHER_AFTER_WAKE_MS);
      };
      this.wakeUp = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
