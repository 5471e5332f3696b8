import { timeDay, timeTicks } from 'd3-time';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export interface Tick {
  at: number;
  label: string;
  /** The day, on the first tick of each day when ticks fall within days. */
  dayLabel?: string;
}

export interface TimeAxis {
  x: (time: string | Date) => number;
  ticks: Tick[];
}

const isMidnight = (date: Date) => date.getHours() === 0 && date.getMinutes() === 0;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Ticks on whole days only, about `count` of them: for times nobody gave to the hour. */
function dayTicks(from: Date, to: Date, count: number): Date[] {
  const step = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / DAY_MS / count));
  return (timeDay.every(step) ?? timeDay).range(from, to);
}

/**
 * World time (occurredAt) across the chart's width, with ticks labelled in the reader's zone. With
 * `wholeDays` (every time is known only to the day, month or year) the ticks name days, never hours.
 */
export function timeAxis(
  times: string[],
  left: number,
  right: number,
  options: { wholeDays?: boolean } = {},
): TimeAxis {
  const instants = times.map((time) => Date.parse(time)).filter((time) => !Number.isNaN(time));
  let start = Math.min(...instants);
  let end = Math.max(...instants);
  if (!Number.isFinite(start)) start = end = Date.now();
  const pad = Math.max((end - start) * 0.04, options.wholeDays ? DAY_MS / 2 : 30 * 60 * 1000);
  const from = start - pad;
  const to = end + pad;
  const scale = (date: Date) => left + ((date.getTime() - from) / (to - from)) * (right - left);
  // d3-time picks ticks on calendar boundaries in the reader's zone: hours, days, weeks, months.
  const ticks = options.wholeDays
    ? dayTicks(new Date(from), new Date(to), 7)
    : timeTicks(new Date(from), new Date(to), 7);
  const daysOnly = ticks.every(isMidnight);
  let lastDay = '';
  return {
    x: (time) => scale(typeof time === 'string' ? new Date(time) : time),
    ticks: ticks.map((tick) => {
      const day = dayFormat.format(tick);
      if (daysOnly) return { at: scale(tick), label: day };
      const dayLabel = day !== lastDay ? day : undefined;
      lastDay = day;
      return { at: scale(tick), label: timeFormat.format(tick), dayLabel };
    }),
  };
}
