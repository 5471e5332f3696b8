import { DomainError } from './domain-error';

/** How much of a recorded time is known: the day, the month or the year; absent, the time as given. */
export const TIME_PRECISIONS = ['day', 'month', 'year'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

const MIDNIGHT = String.raw`T00:00(:00(\.0+)?)?(Z|[+-]\d{2}:\d{2})$`;
const START_OF: Record<TimePrecision, { pattern: RegExp; example: string }> = {
  day: { pattern: new RegExp(String.raw`^\d{4}-\d{2}-\d{2}${MIDNIGHT}`), example: '2026-01-23T00:00:00+01:00' },
  month: { pattern: new RegExp(String.raw`^\d{4}-\d{2}-01${MIDNIGHT}`), example: '2026-01-01T00:00:00+01:00' },
  year: { pattern: new RegExp(String.raw`^\d{4}-01-01${MIDNIGHT}`), example: '2026-01-01T00:00:00+01:00' },
};

/**
 * A time known only to the day (month, year) is recorded as the start of that day (month, year) in
 * its own offset, so nothing finer is invented: "Friday" is 2026-01-23T00:00:00+01:00 with precision `day`.
 */
export function checkPrecision(field: string, time: string, precision: TimePrecision | undefined): void {
  if (precision === undefined || START_OF[precision].pattern.test(time)) return;
  throw new DomainError(
    'rejected',
    `${field} known to the ${precision} is recorded as its start, e.g. ${START_OF[precision].example}`,
  );
}
