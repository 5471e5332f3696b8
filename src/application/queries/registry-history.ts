import { Inject, Injectable } from '@nestjs/common';
import { PARTY_EVENT_TYPES } from '../../domain/party/party.events';
import { PartyRegistry, emptyRegistry, foldRegistry } from '../../domain/party/party-registry';
import { asPartyEvent } from '../events/factline-event';
import { EVENT_STORE, EventStore } from '../ports/event-store.port';
import { LoggedRegistryEvent } from '../projections/registry-page';
import { PointInTime } from './point-in-time';
import { PARTY_READ_MODEL, PartyReadModel } from './read-models.port';

const TAIL_PAGE_SIZE = 1000;
/** Registries kept folded, by how many of the log's party events they hold. */
const KEPT_FOLDS = 16;

/**
 * The party registry as it stood at any point, on the HTTP side: the party events the read models
 * keep, then those of the log past their checkpoint, folded with the same function the projections
 * fold them with. Folds of leading events are kept, so the registry now and at recent points is
 * folded from the nearest one.
 */
@Injectable()
export class RegistryHistory {
  private readonly events: LoggedRegistryEvent[] = [];
  /** Every party event up to this position is in `events`. */
  private scannedTo = -1;
  private readonly folds = new Map<number, PartyRegistry>([[0, emptyRegistry]]);
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel,
  ) {}

  /** The registry now, or as it stood at the point. */
  async at(point?: PointInTime): Promise<PartyRegistry> {
    await this.refresh();
    if (!point) return this.foldOfFirst(this.events.length);
    const known = knownAt(point);
    const count = this.events.findIndex((event) => !known(event));
    const leading = count === -1 ? this.events.length : count;
    const registry = this.foldOfFirst(leading);
    // recordedAt grows along the log but for the moments a batch takes to commit: fold any stragglers.
    const later = this.events.slice(leading).filter(known);
    return later.length === 0 ? registry : foldRegistry(later, registry);
  }

  private refresh(): Promise<void> {
    this.refreshing = this.refreshing.catch(() => undefined).then(() => this.readNewEvents());
    return this.refreshing;
  }

  private async readNewEvents(): Promise<void> {
    const { checkpoint, events } = this.parties.registryEventsAfter(this.lastPosition());
    this.append(events);
    this.scannedTo = Math.max(this.scannedTo, checkpoint);
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

  private lastPosition(): number {
    return this.events.at(-1)?.position ?? -1;
  }

  private append(events: LoggedRegistryEvent[]): void {
    for (const event of events) if (event.position > this.lastPosition()) this.events.push(event);
  }

  private foldOfFirst(count: number): PartyRegistry {
    const kept = this.folds.get(count);
    if (kept) {
      this.folds.delete(count);
      this.folds.set(count, kept);
      return kept;
    }
    const base = Math.max(...[...this.folds.keys()].filter((held) => held <= count));
    const registry = foldRegistry(this.events.slice(base, count), this.folds.get(base));
    this.folds.set(count, registry);
    for (const held of this.folds.keys()) {
      if (this.folds.size <= KEPT_FOLDS) break;
      if (held !== 0) this.folds.delete(held);
    }
    return registry;
  }
}

function knownAt(point: PointInTime): (event: LoggedRegistryEvent) => boolean {
  if ('atPosition' in point) return (event) => event.position <= point.atPosition;
  const limit = Date.parse(point.asOf);
  return (event) => Date.parse(event.recordedAt) <= limit;
}
