import { EventToLoad } from '../../../application/ports/event-store.port';

/**
 * A bulk load's events as they cross to the writer thread: their fields in one flat list, which the
 * structured clone copies in less than half the time of the objects (no key names per event).
 */
export type FlatEvents = Array<string | number>;

const FIELDS = 6;

export function flattened(events: EventToLoad[]): FlatEvents {
  const flat: FlatEvents = [];
  for (const { eventId, type, streamId, revision, data, metadata } of events)
    flat.push(eventId, type, streamId, revision, data, metadata);
  return flat;
}

export function unflattened(flat: FlatEvents): EventToLoad[] {
  const events: EventToLoad[] = [];
  for (let at = 0; at < flat.length; at += FIELDS) {
    events.push({
      eventId: flat[at] as string,
      type: flat[at + 1] as string,
      streamId: flat[at + 2] as string,
      revision: flat[at + 3] as number,
      data: flat[at + 4] as string,
      metadata: flat[at + 5] as string,
    });
  }
  return events;
}
