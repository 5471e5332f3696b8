import { Logger } from '@nestjs/common';
import { EventStore, StoredEvent } from '../ports/event-store.port';
import { WebhookSender } from '../ports/webhook-sender.port';
import {
  ProgressConflictError,
  VersionedProgress,
  WebhookStore,
  WebhookSubscription,
} from '../ports/webhook-store.port';
import { afterDelivery, afterFailure, RetryPolicy } from './delivery-progress';

export interface LoopSettings {
  policy: RetryPolicy;
  /** This process's name on leases. */
  owner: string;
  leaseTtlMs: number;
  /** Events read (and held in memory) at once per subscription. */
  pageSize: number;
  /** How often an idle loop looks at the log even without being woken. */
  pollMs: number;
  random: () => number;
}

export interface LoopParts {
  store: WebhookStore;
  events: EventStore;
  sender: WebhookSender;
  logger: Logger;
}

/** Why a loop ended: `disabled` and `gone` are final; after a `conflict` another owner may be delivering. */
export type LoopEnd = 'stopped' | 'disabled' | 'gone' | 'conflict';

const FIRST_STORE_RETRY_MS = 250;
const MAX_STORE_RETRY_MS = 10_000;

/**
 * Delivers one subscription: one request at a time, in log order, from its durable checkpoint, which
 * moves only after a 2xx. Each subscription has its own loop, so a slow or dead receiver holds up no
 * other, and at most one page of events is in memory for it.
 */
export class SubscriptionLoop {
  readonly finished: Promise<LoopEnd>;
  private stopped = false;
  private readonly abort = new AbortController();
  private wakeUp: (() => void) | undefined;
  private leaseRenewedAt = 0;

  constructor(
    private readonly subscription: WebhookSubscription,
    private readonly parts: LoopParts,
    private readonly settings: LoopSettings,
  ) {
    this.finished = this.run();
  }

  /** Something was appended: look at the log now instead of at the next poll. */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  /** Ends the loop, aborting a request in flight (its event is delivered again later). */
  stop(): Promise<LoopEnd> {
    this.stopped = true;
    this.abort.abort();
    this.wake();
    return this.finished;
  }

  private async run(): Promise<LoopEnd> {
    const { store, events } = this.parts;
    const { id, eventTypes } = this.subscription;
    let current: VersionedProgress | undefined;
    let troubleInARow = 0;
    while (!this.stopped) {
      try {
        if (!(await this.holdLease())) {
          current = undefined;
          await this.pause(this.renewEveryMs());
          continue;
        }
        current ??= await store.loadProgress(id);
        if (!current) return 'gone';
        if (current.progress.state === 'disabled') return 'disabled';
        const retryInMs = Date.parse(current.progress.nextAttemptAt ?? '') - Date.now();
        if (retryInMs > 0) {
          await this.pause(Math.min(retryInMs, this.renewEveryMs()));
          continue;
        }
        const page = await events.readAll({
          after: current.progress.checkpoint,
          limit: this.settings.pageSize,
          types: eventTypes ?? undefined,
        });
        troubleInARow = 0;
        if (page.length === 0) {
          await this.pause(Math.min(this.settings.pollMs, this.renewEveryMs()));
          continue;
        }
        current = await this.deliverPage(page, current);
      } catch (error) {
        if (error instanceof ProgressConflictError) return 'conflict';
        // The log or the webhook store is out of reach: start again from the stored progress.
        current = undefined;
        const delay = Math.min(MAX_STORE_RETRY_MS, FIRST_STORE_RETRY_MS * 2 ** troubleInARow);
        troubleInARow += 1;
        this.parts.logger.warn(`webhook ${id}: ${describe(error)}; trying again in ${delay} ms`);
        await this.pause(delay);
      }
    }
    return 'stopped';
  }

  /** Delivers the page's events in order, stopping at the first failure; returns the progress as stored. */
  private async deliverPage(page: StoredEvent[], current: VersionedProgress): Promise<VersionedProgress> {
    const { id, url, secret } = this.subscription;
    for (const event of page) {
      if (this.stopped || !(await this.holdLease())) return current;
      const outcome = await this.parts.sender.send({
        url,
        secret,
        messageId: event.eventId,
        // The same JSON as GET /v1/events answers for this event.
        payload: JSON.stringify(event),
        signal: this.abort.signal,
      });
      if (outcome.kind === 'aborted') return current;
      const now = new Date();
      const progress =
        outcome.kind === 'delivered'
          ? afterDelivery(current.progress, { position: event.position, status: outcome.status }, now)
          : afterFailure(
              current.progress,
              { eventId: event.eventId, status: outcome.status, error: outcome.error },
              now,
              this.settings.policy,
              this.settings.random,
            );
      current = { progress, version: await this.parts.store.saveProgress(id, progress, current.version) };
      if (progress.state === 'disabled') {
        this.parts.logger.warn(`webhook ${id} disabled: ${progress.disabledReason}`);
      }
      if (outcome.kind === 'failed') return current;
    }
    return current;
  }

  /**
   * Renewed well before it lapses: a request starts only with at least two thirds of the lease left,
   * which is more than twice the longest request.
   */
  private async holdLease(): Promise<boolean> {
    const now = Date.now();
    if (now - this.leaseRenewedAt < this.renewEveryMs()) return true;
    const held = await this.parts.store.acquireLease(
      this.subscription.id,
      this.settings.owner,
      this.settings.leaseTtlMs,
    );
    this.leaseRenewedAt = held ? now : 0;
    return held;
  }

  private renewEveryMs(): number {
    return Math.floor(this.settings.leaseTtlMs / 3);
  }

  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
