import { timeDay, timeTicks } from 'd3-time';
import { DESK_LOCALE } from '../format/time';

const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(DESK_LOCALE, options);
const yearFormat = format({ year: 'numeric' });
const monthFormat = format({ month: 'short' });
const monthYearFormat = format({ month: 'short', year: 'numeric' });
const dayFormat = format({ day: 'numeric', month: 'short' });
const dayYearFormat = format({ day: 'numeric', month: 'short', year: 'numeric' });
const clockFormat = format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export interface Tick {
  at: number;
  label: string;
  /** The day, on the first tick of each day when ticks fall within days. */
  dayLabel?: string;
}

export interface TimeAxis {
  x: (time: string | Date | number) => number;
  ticks: Tick[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const isMidnight = (date: Date) => date.getHours() === 0 && date.getMinutes() === 0;
const isMonthStart = (date: Date) => isMidnight(date) && date.getDate() === 1;
const isYearStart = (date: Date) => isMonthStart(date) && date.getMonth() === 0;

/** Ticks on whole days only, about `count` of them: for times nobody gave to the hour. */
function dayTicks(from: Date, to: Date, count: number): Date[] {
  const step = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / DAY_MS / count));
  return (timeDay.every(step) ?? timeDay).range(from, to);
}

/**
 * Labels that name the calendar unit the ticks step by: years ("2018"), months ("Mar 2018", "Jun"),
 * days ("14 Mar 2018", "21 Mar"), or hours under the day they fall in. The year is written on the
 * first tick and on every tick in a new year, so a range across years never reads "1 Jan" twice.
 */
export function tickLabels(ticks: Date[]): Array<Omit<Tick, 'at'>> {
  let lastYear: number | undefined;
  const withYear = (date: Date) => {
    const newYear = date.getFullYear() !== lastYear;
    lastYear = date.getFullYear();
    return newYear;
  };
  if (ticks.every(isYearStart)) return ticks.map((tick) => ({ label: yearFormat.format(tick) }));
  if (ticks.every(isMonthStart))
    return ticks.map((tick) => ({ label: (withYear(tick) ? monthYearFormat : monthFormat).format(tick) }));
  if (ticks.every(isMidnight))
    return ticks.map((tick) => ({ label: (withYear(tick) ? dayYearFormat : dayFormat).format(tick) }));
  let lastDay = '';
  return ticks.map((tick) => {
    const day = dayFormat.format(tick);
    const firstOfDay = day !== lastDay;
    lastDay = day;
    const label = clockFormat.format(tick);
    if (!firstOfDay) return { label };
    return { label, dayLabel: withYear(tick) ? dayYearFormat.format(tick) : day };
  });
}

/**
 * World time (occurredAt) from `start` to `end` across the chart's width, with ticks on calendar
 * boundaries in the reader's zone. With `wholeDays` (every time is known only to the day, month or
 * year) the ticks name days, never hours.
 */
export function timeAxis(
  start: number,
  end: number,
  left: number,
  right: number,
  options: { wholeDays?: boolean } = {},
): TimeAxis {
  const pad = Math.max((end - start) * 0.04, options.wholeDays ? DAY_MS / 2 : 30 * 60 * 1000);
  const from = start - pad;
  const to = end + pad;
  const scale = (time: number) => left + ((time - from) / (to - from)) * (right - left);
  // d3-time picks ticks on calendar boundaries in the reader's zone: hours, days, weeks, months, years.
  let ticks = timeTicks(new Date(from), new Date(to), 7);
  if (options.wholeDays && !ticks.every(isMidnight)) ticks = dayTicks(new Date(from), new Date(to), 7);
  const labels = tickLabels(ticks);
  return {
    x: (time) => scale(typeof time === 'number' ? time : new Date(time).getTime()),
    ticks: ticks.map((tick, index) => ({ at: scale(tick.getTime()), ...labels[index] })),
  };
}
