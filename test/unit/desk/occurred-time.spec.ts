import { formatOccurred, formatTime } from '../../../desk/src/format/time';

describe('a time shown to the precision it is known', () => {
  it('given a day, shows the date as written and says the time is not given, with no hour', () => {
    expect(formatOccurred('2026-01-23T00:00:00+01:00', 'day', 'en-GB')).toBe('23 Jan 2026, time not given');
  });

  it('given a day in an offset east of UTC, keeps that day rather than the UTC day before', () => {
    expect(formatOccurred('2026-01-27T00:00:00+03:00', 'day', 'en-GB')).toBe('27 Jan 2026, time not given');
  });

  it('given a month or a year, names only what is known', () => {
    expect(formatOccurred('2026-01-01T00:00:00+01:00', 'month', 'en-GB')).toBe('January 2026, day not given');
    expect(formatOccurred('2025-01-01T00:00:00Z', 'year', 'en-GB')).toBe('2025, month not given');
  });

  it('in another language, formats the date in it', () => {
    expect(formatOccurred('2026-01-23T00:00:00+01:00', 'day', 'pl-PL')).toBe('23 sty 2026, time not given');
  });

  it("given no precision, shows the full time in the reader's zone", () => {
    const shown = formatOccurred('2026-01-23T14:05:00Z', undefined);
    expect(shown).toBe(formatTime('2026-01-23T14:05:00Z'));
    expect(shown).not.toContain('not given');
  });
});
