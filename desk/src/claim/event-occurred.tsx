import { StoredEvent, TimePrecision } from '../api/types';
import { formatOccurred } from '../format/time';

const PRECISIONS = new Set<unknown>(['day', 'month', 'year']);

/** When a stored event says it happened, to the precision it gives; an outside fact-check, when it was published. */
export function EventOccurred({ event }: { event: StoredEvent }) {
  const occurredAt = event.type === 'ClaimFactChecked' ? event.data.publishedAt : event.data.occurredAt;
  if (typeof occurredAt !== 'string') return <>—</>;
  const precision = PRECISIONS.has(event.data.occurredAtPrecision)
    ? (event.data.occurredAtPrecision as TimePrecision)
    : undefined;
  return <time dateTime={occurredAt}>{formatOccurred(occurredAt, precision)}</time>;
}
