import { TimePrecision } from '../api/types';
import { zoneName } from '../format/time';
import { SelectField, TextField } from './fields';

export type KnownPrecision = 'exact' | TimePrecision;

/** A time as typed in the page's own zone, and how much of it is known. */
export interface Occurred {
  precision: KnownPrecision;
  /** As the matching input gives it: 2026-01-27T10:00, 2026-01-27, 2026-01 or 2026. */
  local: string;
}

const PRECISIONS: ReadonlyArray<{ value: KnownPrecision; label: string }> = [
  { value: 'exact', label: 'The exact time' },
  { value: 'day', label: 'Only the day' },
  { value: 'month', label: 'Only the month' },
  { value: 'year', label: 'Only the year' },
];

const pad = (value: number) => String(value).padStart(2, '0');

function parts(local: string) {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?/.exec(local);
  return { year: match?.[1] ?? '', month: match?.[2] ?? '01', day: match?.[3] ?? '01', time: match?.[4] ?? '00:00' };
}

/** The same moment written for another precision's input, so switching never empties the field. */
function reshape(local: string, precision: KnownPrecision): string {
  const { year, month, day, time } = parts(local);
  if (!year) return '';
  return { exact: `${year}-${month}-${day}T${time}`, day: `${year}-${month}-${day}`, month: `${year}-${month}`, year }[
    precision
  ];
}

/** The page's zone offset at that local time, as +01:00. */
function offsetAt(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** Now, as the exact-time input shows it. */
export function nowOccurred(): Occurred {
  const now = new Date();
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
  return { precision: 'exact', local };
}

/** A datetime-local value as an instant with the page's offset (2026-01-27T10:00:00+01:00); blank stays blank. */
export function localToInstant(local: string): string | undefined {
  const { year, month, day, time } = parts(local);
  if (!year) return undefined;
  const wall = `${year}-${month}-${day}T${time}`;
  return `${wall}:00${offsetAt(new Date(wall))}`;
}

/**
 * What the API takes: a partly known time is the start of its day, month or year in its own offset,
 * with occurredAtPrecision saying how much is known; an exact one has no precision.
 */
export function occurredForApi(occurred: Occurred): { occurredAt: string; occurredAtPrecision?: TimePrecision } {
  const instant = localToInstant(reshape(reshape(occurred.local, occurred.precision), 'exact')) ?? '';
  return occurred.precision === 'exact'
    ? { occurredAt: instant }
    : { occurredAt: instant, occurredAtPrecision: occurred.precision };
}

const INPUT_TYPE = { exact: 'datetime-local', day: 'date', month: 'month', year: 'number' } as const;

/** "Occurred" with how much of it is known; the API's errors for occurredAt and its precision show here. */
export function OccurredField(props: { label: string; value: Occurred; onChange: (value: Occurred) => void }) {
  const { value, onChange } = props;
  return (
    <>
      <SelectField
        name="occurredAtPrecision"
        label={`${props.label}: how much is known`}
        required
        value={value.precision}
        options={PRECISIONS}
        onValue={(precision) => onChange({ precision, local: reshape(value.local, precision) })}
      />
      <TextField
        name="occurredAt"
        label={props.label}
        required
        type={INPUT_TYPE[value.precision]}
        min={value.precision === 'year' ? 1 : undefined}
        hint={`In your time zone (${zoneName()}).`}
        value={value.local}
        onValue={(local) => onChange({ ...value, local })}
      />
    </>
  );
}
