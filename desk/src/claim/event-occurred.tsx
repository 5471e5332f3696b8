import { StoredEvent, TimePrecision } from '../api/types';
import { formatOccurred } from '../format/time';

const PRECISIONS = new Set<unknown>(['day', 'month', 'year']);

/** When a stored event says it happened, to the precision it gives; an outside fact-check, when it was published. */
export function EventOccurred({ event }: { event: StoredEvent }) {
  const published = event.type === 'ClaimFactChecked';
  const occurredAt = published ? event.data.publishedAt : event.data.occurredAt;
  if (typeof occurredAt !== 'string') return <>—</>;
  const given = published ? event.data.publishedAtPrecision : event.data.occurredAtPrecision;
  const precision = PRECISIONS.has(given) ? (given as TimePrecision) : undefined;
  return <time dateTime={occurredAt}>{formatOccurred(occurredAt, precision)}</time>;
}
