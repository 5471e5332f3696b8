import { TimePrecision } from '../api/types';

/**
 * The desk speaks one language whatever the browser's locale: English, day before month, a 24-hour
 * clock ("14 Jan 2026, 09:30 CET"). Times are in the reader's own zone, always named, since desks span
 * several; dates known only to the day, month or year are shown as written.
 */
export const DESK_LOCALE = 'en-GB';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const dateTime = new Intl.DateTimeFormat(DESK_LOCALE, { ...DATE, ...CLOCK, timeZoneName: 'short' });
const dateTimeSeconds = new Intl.DateTimeFormat(DESK_LOCALE, {
  ...DATE,
  ...CLOCK,
  second: '2-digit',
  timeZoneName: 'short',
});
const relative = new Intl.RelativeTimeFormat(DESK_LOCALE, { numeric: 'auto' });

/** "14 Jan 2026, 09:30 CET" (with seconds: "14 Jan 2026, 09:30:05 CET"), in the reader's zone. */
export function formatTime(iso: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (options.seconds ? dateTimeSeconds : dateTime).format(date);
}

const date = new Intl.DateTimeFormat(DESK_LOCALE, DATE);

/** "14 Jan 2026": the day an instant falls on in the reader's zone. */
export function formatDate(time: string | number): string {
  const instant = new Date(time);
  return Number.isNaN(instant.getTime()) ? String(time) : date.format(instant);
}

/** The reader's zone as the dates name it ("CET", "GMT-5"), at an instant since summer time moves it. */
export function zoneName(at: Date = new Date()): string {
  return dateTime.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
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

/** Dates as written, in UTC: the calendar day, month or year an ISO time names (see calendarDate). */
const calendar = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(DESK_LOCALE, { ...options, timeZone: 'UTC' });
const CALENDAR: Record<TimePrecision, Intl.DateTimeFormat> = {
  day: calendar(DATE),
  month: calendar({ month: 'long', year: 'numeric' }),
  year: calendar({ year: 'numeric' }),
};

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
export function formatOccurred(iso: string, precision?: TimePrecision): string {
  if (!precision) return formatTime(iso);
  const date = calendarDate(iso, precision);
  return date === undefined ? iso : `${date}, ${NOT_GIVEN[precision]}`;
}

/** The day, month or year an ISO 8601 time names, as written in its own offset. */
export function calendarDate(iso: string, precision: TimePrecision = 'day'): string | undefined {
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!written) return undefined;
  const [, year, month, day] = written.map(Number);
  return CALENDAR[precision].format(new Date(Date.UTC(year, month - 1, day)));
}
