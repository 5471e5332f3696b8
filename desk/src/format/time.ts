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
