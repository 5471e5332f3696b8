import { TimePrecision } from './time-precision';

/** A time as recorded, with how much of it is known (absent: the instant as given). */
export interface WorldTime {
  at: string;
  precision?: TimePrecision;
}

export const DEFAULT_DESK_TIME_ZONE = 'UTC';

/** Whether the runtime knows the IANA time zone name (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The desk's calendar: where a development sits on a storyline's timeline. A time known to the
 * instant sits at that instant. A time known only to the day (month, year) sits at the first instant
 * of that day (month, year) as written, counted in the desk's time zone: "23 January" is one day for
 * the desk, whichever offset it was written with, so days recorded in Tokyo and New York line up.
 */
export class DeskCalendar {
  private readonly wallClock: Intl.DateTimeFormat;

  constructor(readonly timeZone: string = DEFAULT_DESK_TIME_ZONE) {
    this.wallClock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds since 1970 of the place; NaN for a time that does not parse. */
  placeOf({ at, precision }: WorldTime): number {
    if (!precision) return Date.parse(at);
    const [year, month, day] = at.slice(0, 10).split('-').map(Number);
    return this.startOfDay(year, precision === 'year' ? 1 : month, precision === 'day' ? day : 1);
  }

  /**
   * The place of a development that answers a report (a support, denial, retraction, correction,
   * fact-check or verdict of a claim answers the claim's report). Known only to the day (month, year),
   * it is never placed before the report it answers: when in that day it came is unknown, that it
   * came after the report is not. Known to the instant, it stays at its instant, even before the
   * report (a wire story can corroborate before the report it corroborates is published).
   */
  answerPlace(development: WorldTime, reportPlace: number): number {
    const place = this.placeOf(development);
    return development.precision ? Math.max(place, reportPlace) : place;
  }

  /** The instant the zone's clocks read midnight starting the calendar day (about it, where a DST change skips midnight). */
  private startOfDay(year: number, month: number, day: number): number {
    const wall = Date.UTC(year, month - 1, day);
    return wall - this.offsetAt(wall - this.offsetAt(wall));
  }

  /** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
  private offsetAt(instant: number): number {
    const parts = Object.fromEntries(
      this.wallClock.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
    ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wall - Math.floor(instant / 1000) * 1000;
  }
}
