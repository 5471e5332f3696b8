import { upcast, Upcaster, UPCASTERS } from '../../application/events/upcasters';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../../application/ports/event-store.port';

/**
 * Every event read through this store comes in the shape this code writes: events stored under an
 * older schema are upcast here, once, whichever way they are read. Appends pass through unchanged.
 */
export class UpcastingEventStore implements EventStore {
  readonly positionsAreCounters?: boolean;
  readonly maxAppendBytes?: number;
  /** Loads pass through unchanged, as appends do; absent where the stored store has none. */
  readonly bulkLoad?: EventStore['bulkLoad'];

  constructor(
    private readonly stored: EventStore,
    private readonly upcasters: Upcaster[] = UPCASTERS,
  ) {
    this.positionsAreCounters = stored.positionsAreCounters;
    this.maxAppendBytes = stored.maxAppendBytes;
    this.bulkLoad = stored.bulkLoad?.bind(stored);
  }

  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.stored.append(streamId, events, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.current(await this.stored.readStream(streamId, options));
  }

  async readEvent(streamId: string, eventId: string): Promise<StoredEvent | undefined> {
    const event = await this.stored.readEvent(streamId, eventId);
    return event && upcast(event, this.upcasters);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.current(await this.stored.readAll(options));
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.stored.subscribe({ ...options, onEvents: (events) => options.onEvents(this.current(events)) });
  }

  headPosition(): Promise<number> {
    return this.stored.headPosition();
  }

  ping(): Promise<void> {
    return this.stored.ping();
  }

  close(): Promise<void> {
    return this.stored.close();
  }

  onAppended(listener: () => void): void {
    this.stored.onAppended?.(listener);
  }

  wakeSubscriptions(): void {
    this.stored.wakeSubscriptions?.();
  }

  private current(events: StoredEvent[]): StoredEvent[] {
    return events.map((event) => upcast(event, this.upcasters));
  }
}
