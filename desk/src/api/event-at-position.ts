import { eventAt } from './desk-api';
import { StoredEvent } from './types';

/** An event at a position never changes, so each is fetched once per page load. */
const eventsByPosition = new Map<number, Promise<StoredEvent | undefined>>();

export function cachedEventAt(position: number): Promise<StoredEvent | undefined> {
  let event = eventsByPosition.get(position);
  if (!event) {
    event = eventAt(position).catch(() => undefined);
    eventsByPosition.set(position, event);
  }
  return event;
}
