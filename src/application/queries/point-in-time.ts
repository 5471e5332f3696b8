import { StoredEvent } from '../ports/event-store.port';

/** "What did the desk know then?": by knowledge time (`recordedAt`) or by log position. */
export type PointInTime = { asOf: string } | { atPosition: number };

export function describePointInTime(point: PointInTime): string {
  return 'asOf' in point ? `as of ${point.asOf}` : `at position ${point.atPosition}`;
}

/** Whether the event was already in the log at that point. */
export function knownAt(point: PointInTime): (event: StoredEvent) => boolean {
  if ('atPosition' in point) return (event) => event.position <= point.atPosition;
  const limit = Date.parse(point.asOf);
  return (event) => Date.parse(event.metadata.recordedAt) <= limit;
}
