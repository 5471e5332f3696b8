import { calendarDate, formatAgo, formatOccurred, formatTime, zoneName } from '../../../desk/src/format/time';

describe('a time shown to the precision it is known', () => {
  it('given a day, shows the date as written and says the time is not given, with no hour', () => {
    expect(formatOccurred('2026-01-23T00:00:00+01:00', 'day')).toBe('23 Jan 2026, time not given');
  });

  it('given a day in an offset east of UTC, keeps that day rather than the UTC day before', () => {
    expect(formatOccurred('2026-01-27T00:00:00+03:00', 'day')).toBe('27 Jan 2026, time not given');
  });

  it('given a month or a year, names only what is known', () => {
    expect(formatOccurred('2026-01-01T00:00:00+01:00', 'month')).toBe('January 2026, day not given');
    expect(formatOccurred('2025-01-01T00:00:00Z', 'year')).toBe('2025, month not given');
  });

  it("given no precision, shows the full time in the reader's zone", () => {
    const shown = formatOccurred('2026-01-23T14:05:00Z', undefined);
    expect(shown).toBe(formatTime('2026-01-23T14:05:00Z'));
    expect(shown).not.toContain('not given');
  });
});

describe('one date format on every page, in English, the zone named', () => {
  it('writes day, short month, year, a 24-hour clock and the zone', () => {
    const zone = zoneName(new Date('2026-01-14T21:30:00Z'));
    expect(zone).not.toBe('');
    expect(formatTime('2026-01-14T21:30:00Z')).toMatch(new RegExp(`^\\d{1,2} Jan 2026, \\d{2}:30 ${zone}$`));
    expect(formatTime('2026-01-14T21:30:05Z', { seconds: true })).toMatch(/^\d{1,2} Jan 2026, \d{2}:30:05 \S+/);
  });

  it('writes the days a time is known to in the same order as full times', () => {
    expect(calendarDate('2026-01-14T00:00:00+01:00')).toBe('14 Jan 2026');
  });

  it('says how long ago in English words', () => {
    const now = Date.parse('2026-01-14T09:30:00Z');
    expect(formatAgo('2026-01-14T09:26:00Z', now)).toBe('4 minutes ago');
    expect(formatAgo('2026-01-14T09:30:00Z', now)).toBe('now');
    expect(formatAgo('2026-01-13T09:30:00Z', now)).toBe('yesterday');
  });
});
