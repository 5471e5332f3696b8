import { TimePrecision } from '../api/types';

/** Times in the reader's own zone, with the zone named, since desks span several. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatTime(iso: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (options.seconds ? dateTimeSeconds : dateTime).format(date);
}

export function zoneName(): string {
  return zone.formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

export function formatAgo(iso: string, now = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatTime(iso);
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The value of an `<input type="datetime-local" step="1">` for an instant, in the reader's zone. */
export function toLocalInputValue(iso: string): string {
  const date = new Date(iso);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** The instant a local date-time input names, as ISO 8601 in UTC (Z is an offset the API accepts). */
export function fromLocalInputValue(value: string): string | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Just before an instant: "as the desk knew it before this was recorded". */
export function justBefore(iso: string): string {
  return new Date(new Date(iso).getTime() - 1).toISOString();
}

const calendarFormats = new Map<string, Intl.DateTimeFormat>();

function calendarFormat(precision: TimePrecision, locale: string | undefined): Intl.DateTimeFormat {
  const key = `${precision}|${locale ?? ''}`;
  let format = calendarFormats.get(key);
  if (!format) {
    const parts: Intl.DateTimeFormatOptions =
      precision === 'day'
        ? { dateStyle: 'medium' }
        : precision === 'month'
          ? { month: 'long', year: 'numeric' }
          : { year: 'numeric' };
    format = new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' });
    calendarFormats.set(key, format);
  }
  return format;
}

const NOT_GIVEN: Record<TimePrecision, string> = {
  day: 'time not given',
  month: 'day not given',
  year: 'month not given',
};

/**
 * When something happened, to the precision it is known. A time known only to the day, month or
 * year stands for the start of that period in its own offset, so the date is read as written (a
 * reader west of it would otherwise see the day before) and no hour is shown that nobody gave.
 */
export function formatOccurred(iso: string, precision?: TimePrecision, locale?: string): string {
  if (!precision) return formatTime(iso);
  const date = calendarDate(iso, precision, locale);
  return date === undefined ? iso : `${date}, ${NOT_GIVEN[precision]}`;
}

/** The day, month or year an ISO 8601 time names, as written in its own offset. */
export function calendarDate(iso: string, precision: TimePrecision = 'day', locale?: string): string | undefined {
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!written) return undefined;
  const [, year, month, day] = written.map(Number);
  return calendarFormat(precision, locale).format(new Date(Date.UTC(year, month - 1, day)));
}
