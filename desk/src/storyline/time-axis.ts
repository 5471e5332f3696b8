import { timeTicks } from 'd3-time';

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

/** World time (occurredAt) across the chart's width, with ticks labelled in the reader's zone. */
export function timeAxis(times: string[], left: number, right: number): TimeAxis {
  const instants = times.map((time) => Date.parse(time)).filter((time) => !Number.isNaN(time));
  let start = Math.min(...instants);
  let end = Math.max(...instants);
  if (!Number.isFinite(start)) start = end = Date.now();
  const pad = Math.max((end - start) * 0.04, 30 * 60 * 1000);
  const from = start - pad;
  const to = end + pad;
  const scale = (date: Date) => left + ((date.getTime() - from) / (to - from)) * (right - left);
  // d3-time picks ticks on calendar boundaries in the reader's zone: hours, days, weeks, months.
  const ticks = timeTicks(new Date(from), new Date(to), 7);
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
