import { LRUCache } from 'lru-cache';
import { Inject, Injectable } from '@nestjs/common';
import { PARTY_EVENT_TYPES } from '../../domain/party/party.events';
import { PartyRegistry, emptyRegistry, foldRegistry } from '../../domain/party/party-registry';
import { asPartyEvent } from '../events/factline-event';
import { EVENT_STORE, EventStore } from '../ports/event-store.port';
import { LoggedRegistryEvent } from '../registry-cascade/registry-cascade';
import { PointInTime } from './point-in-time';
import { PARTY_READ_MODEL, PartyReadModel, ReadModelsUnavailableError } from './read-models.port';

const TAIL_PAGE_SIZE = 1000;
/** Registries kept folded, by how many of the log's party events they hold. */
const KEPT_FOLDS = 16;

/** A registry as it stood at a point, and a key that names exactly the party events folded into it. */
export interface RegistryVersion {
  registry: PartyRegistry;
  /**
   * The count of leading party events of the log it holds, and the positions of any later ones
   * known by then (stragglers of `asOf`): two versions with the same key hold the same events.
   */
  key: string;
}

interface HeldEvent {
  event: LoggedRegistryEvent;
  /** NaN for a `recordedAt` that does not parse: such an event is known as of no time. */
  recordedAtMs: number;
}

/**
 * The party registry as it stood at any point, on the HTTP side: the party events the read models
 * keep, then those of the log past their checkpoint, folded with the same function the projections
 * fold them with. Folds of leading events are kept, so the registry now and at recent points is
 * folded from the nearest one.
 */
@Injectable()
export class RegistryHistory {
  private readonly events: HeldEvent[] = [];
  /** Every party event up to this position is in `events`. */
  private scannedTo = -1;
  /** Folds of the first N party events, by N; the fold of none is the empty registry, never dropped. */
  private readonly folds = new LRUCache<number, PartyRegistry>({ max: KEPT_FOLDS });
  private reading: Promise<void> = Promise.resolve();
  /** A read queued behind the running one and not started yet: later callers wait for it too. */
  private queued: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PARTY_READ_MODEL) private readonly parties: Pick<PartyReadModel, 'registryEventsAfter'>,
  ) {}

  /** The registry now, or as it stood at the point. */
  async at(point?: PointInTime): Promise<PartyRegistry> {
    return (await this.versionAt(point)).registry;
  }

  /** The same, with the key of its version (what folds weighed against it may be kept under). */
  async versionAt(point?: PointInTime): Promise<RegistryVersion> {
    await this.refresh();
    if (!point) return this.leading(this.events.length);
    const known = knownAt(point);
    const count = this.events.findIndex((held) => !known(held));
    const leading = this.leading(count === -1 ? this.events.length : count);
    // recordedAt grows along the log but for the moments a batch takes to commit: fold any stragglers.
    const later = count === -1 ? [] : this.events.slice(count).filter(known);
    if (later.length === 0) return leading;
    return {
      registry: foldRegistry(
        later.map((held) => held.event),
        leading.registry,
      ),
      key: `${leading.key}+${later.map((held) => held.event.position).join(',')}`,
    };
  }

  /** Reads the party events appended since the last read; a caller never waits for more than the read after the running one. */
  private refresh(): Promise<void> {
    if (this.queued) return this.queued;
    const queued = this.reading
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.readNewEvents();
      });
    this.queued = queued;
    this.reading = queued;
    return queued;
  }

  private async readNewEvents(): Promise<void> {
    this.readFromReadModels();
    for (;;) {
      const page = await this.store.readAll({
        after: Math.max(this.scannedTo, this.lastPosition()),
        limit: TAIL_PAGE_SIZE,
        types: [...PARTY_EVENT_TYPES],
      });
      if (page.length === 0) return;
      this.append(
        page.flatMap((stored) => {
          const event = asPartyEvent(stored);
          return event ? [{ ...event, recordedAt: stored.metadata.recordedAt }] : [];
        }),
      );
      this.scannedTo = Math.max(this.scannedTo, page[page.length - 1].position);
    }
  }

  /** While the read models are being built (or rebuilt to keep the registry) the log alone serves. */
  private readFromReadModels(): void {
    try {
      const { checkpoint, events } = this.parties.registryEventsAfter(this.lastPosition());
      this.append(events);
      this.scannedTo = Math.max(this.scannedTo, checkpoint);
    } catch (error) {
      if (!(error instanceof ReadModelsUnavailableError)) throw error;
    }
  }

  private lastPosition(): number {
    return this.events.at(-1)?.event.position ?? -1;
  }

  private append(events: LoggedRegistryEvent[]): void {
    for (const event of events) {
      if (event.position > this.lastPosition()) this.events.push({ event, recordedAtMs: Date.parse(event.recordedAt) });
    }
  }

  private leading(count: number): RegistryVersion {
    return { registry: this.foldOfFirst(count), key: String(count) };
  }

  private foldOfFirst(count: number): PartyRegistry {
    if (count === 0) return emptyRegistry;
    const kept = this.folds.get(count);
    if (kept) return kept;
    let base = 0;
    for (const held of this.folds.keys()) if (held <= count && held > base) base = held;
    const registry = foldRegistry(
      this.events.slice(base, count).map((held) => held.event),
      base === 0 ? emptyRegistry : this.folds.peek(base),
    );
    this.folds.set(count, registry);
    return registry;
  }
}

function knownAt(point: PointInTime): (held: HeldEvent) => boolean {
  if ('atPosition' in point) return (held) => held.event.position <= point.atPosition;
  if (!('asOf' in point)) return () => true;
  const limit = Date.parse(point.asOf);
  return (held) => held.recordedAtMs <= limit;
}
