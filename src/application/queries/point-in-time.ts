import { occurredBy } from '../../domain/claim/occurred-by';
import { asClaimEvent } from '../events/factline-event';
import { StoredEvent } from '../ports/event-store.port';

/** Knowledge time, "what did the desk know then?": by `recordedAt`, by log position, or all it knows now. */
export type KnownAt = { asOf: string } | { atPosition: number } | { knownNow: true };

/**
 * A view of the past: what the desk knew at a point and, with `asOccurred` (world time), only what
 * had happened in the world by then. Both together: what we knew on `asOf` about the world on `asOccurred`.
 */
export type PointInTime = KnownAt & { asOccurred?: string };

export function describePointInTime(point: PointInTime): string {
  const known =
    'asOf' in point ? `as of ${point.asOf}` : 'atPosition' in point ? `at position ${point.atPosition}` : undefined;
  const occurred = point.asOccurred === undefined ? undefined : `as occurred by ${point.asOccurred}`;
  return [known, occurred].filter(Boolean).join(' ');
}

/** Whether the event was already in the log at that point (knowledge time only). */
export function knownAt(point: PointInTime): (event: StoredEvent) => boolean {
  if ('atPosition' in point) return (event) => event.position <= point.atPosition;
  if (!('asOf' in point)) return () => true;
  const limit = Date.parse(point.asOf);
  return (event) => Date.parse(event.metadata.recordedAt) <= limit;
}

/** One claim's stream as it stood at the point: the events known then, and of those what had occurred by then. */
export function claimStreamAt(stream: readonly StoredEvent[], point: PointInTime): StoredEvent[] {
  const known = stream.filter(knownAt(point));
  return point.asOccurred === undefined ? known : occurredBy(known, asClaimEvent, point.asOccurred);
}

/** The answer's own words for the time it shows, echoed beside the view (nothing for a view of now). */
export interface ShownTime {
  asOf?: string;
  atPosition?: number;
  asOccurred?: string;
}

export function shownTimeOf(point: PointInTime | undefined): ShownTime {
  if (!point) return {};
  return {
    ...('asOf' in point ? { asOf: point.asOf } : {}),
    ...('atPosition' in point ? { atPosition: point.atPosition } : {}),
    ...(point.asOccurred !== undefined ? { asOccurred: point.asOccurred } : {}),
  };
}
