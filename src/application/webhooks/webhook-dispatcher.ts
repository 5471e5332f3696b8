import { Logger } from '@nestjs/common';
import { EventStore, Subscription } from '../ports/event-store.port';
import { WebhookSender } from '../ports/webhook-sender.port';
import { WebhookStore } from '../ports/webhook-store.port';
import { LoopEnd, LoopSettings, SubscriptionLoop } from './subscription-loop';

/** How often the subscription list is read again: another replica may have added or removed one. */
const REFRESH_MS = 2000;

/** An event store that says when it committed appends (the SQLite adapter does). */
interface AppendNotifying {
  onAppended(listener: () => void): void;
}

const notifiesAppends = (store: EventStore): store is EventStore & AppendNotifying =>
  typeof (store as Partial<AppendNotifying>).onAppended === 'function';

/**
 * Runs one delivery loop per subscription whose lease this process holds, and wakes them when the
 * log grows: through the store's append notification where it has one, else a subscription to the
 * log from its head. Every loop also polls, so appends made elsewhere are never left waiting long.
 */
export class WebhookDispatcher {
  private readonly loops = new Map<string, SubscriptionLoop>();
  /** Subscriptions found disabled: a disabled subscription stays so until it is removed. */
  private readonly disabled = new Set<string>();
  private running = false;
  private refreshing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private logSubscription: Subscription | undefined;

  constructor(
    private readonly store: WebhookStore,
    private readonly events: EventStore,
    private readonly sender: WebhookSender,
    private readonly settings: LoopSettings,
    private readonly logger = new Logger('Webhooks'),
  ) {}

  async start(): Promise<void> {
    this.running = true;
    await this.followAppends();
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  /** Starts loops for new subscriptions and stops those of removed ones; calls in a row run one after another. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing
      .then(() => this.reconcile())
      .catch((error: unknown) => {
        this.logger.warn(`cannot read the webhook subscriptions: ${error instanceof Error ? error.message : error}`);
      });
    return this.refreshing;
  }

  /** Stops every loop (a request in flight is aborted and delivered again later), gives up the leases, closes the store. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    await this.refreshing;
    await this.logSubscription?.close();
    const stopping = [...this.loops.entries()].map(async ([id, loop]) => {
      await loop.stop();
      await this.store.releaseLease(id, this.settings.owner).catch(() => undefined);
    });
    await Promise.all(stopping);
    this.loops.clear();
    await this.sender.close();
    await this.store.close();
  }

  private async reconcile(): Promise<void> {
    if (!this.running) return;
    const subscriptions = await this.store.subscriptions();
    const listed = new Set(subscriptions.map((subscription) => subscription.id));
    for (const [id, loop] of this.loops) {
      if (!listed.has(id)) {
        this.loops.delete(id);
        await loop.stop();
      }
    }
    for (const id of this.disabled) if (!listed.has(id)) this.disabled.delete(id);
    for (const subscription of subscriptions) {
      if (!this.running || this.loops.has(subscription.id) || this.disabled.has(subscription.id)) continue;
      const loop = new SubscriptionLoop(
        subscription,
        { store: this.store, events: this.events, sender: this.sender, logger: this.logger },
        this.settings,
      );
      this.loops.set(subscription.id, loop);
      void loop.finished.then((end) => this.ended(subscription.id, loop, end));
    }
  }

  private ended(id: string, loop: SubscriptionLoop, end: LoopEnd): void {
    if (this.loops.get(id) === loop) this.loops.delete(id);
    if (end === 'disabled') this.disabled.add(id);
  }

  private wake(): void {
    if (!this.running) return;
    for (const loop of this.loops.values()) loop.wake();
  }

  private async followAppends(): Promise<void> {
    if (notifiesAppends(this.events)) {
      this.events.onAppended(() => this.wake());
      return;
    }
    try {
      this.logSubscription = this.events.subscribe({
        after: await this.events.headPosition(),
        onEvents: async () => this.wake(),
        onError: (error) => this.logger.warn(`following the log for webhooks: ${error.message}`),
      });
    } catch (error) {
      // The loops poll in any case; they are only woken later.
      this.logger.warn(`cannot follow the log for webhooks: ${error instanceof Error ? error.message : error}`);
    }
  }
}
