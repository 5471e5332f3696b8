import { TimePrecision } from '../api/types';

/** "Exact" sends no precision: the API reads an absent precision as the time as given. */
export type KnownTo = TimePrecision | 'exact';

export const KNOWN_TO: { value: KnownTo; label: string }[] = [
  { value: 'exact', label: 'the exact time' },
  { value: 'day', label: 'the day' },
  { value: 'month', label: 'the month' },
  { value: 'year', label: 'the year' },
];

const pad = (value: number) => String(value).padStart(2, '0');

/** The offset the browser's zone had at that local time, as ISO 8601 wants it (+01:00). */
function offsetAt(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** A `datetime-local` value for the given moment in the browser's zone. */
export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The time to send for a `datetime-local` value known to `knownTo`: a time known only to the day
 * (month, year) is the start of it in its own offset, as the API asks, so nothing finer is invented.
 */
export function occurredTime(
  local: string,
  knownTo: KnownTo,
): { occurredAt: string; occurredAtPrecision?: TimePrecision } {
  const [date, time = '00:00'] = local.split('T');
  const [year, month] = date.split('-');
  const start = {
    exact: `${date}T${time}`,
    day: `${date}T00:00`,
    month: `${year}-${month}-01T00:00`,
    year: `${year}-01-01T00:00`,
  }[knownTo];
  const occurredAt = `${start}:00${offsetAt(new Date(start))}`;
  return knownTo === 'exact' ? { occurredAt } : { occurredAt, occurredAtPrecision: knownTo };
}
