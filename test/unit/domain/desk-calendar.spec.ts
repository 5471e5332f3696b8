import { DeskCalendar, isTimeZone } from '../../../src/domain/desk-calendar';

const at = (iso: string) => Date.parse(iso);

describe('the desk calendar: where a development sits on the timeline', () => {
  it('places a time known to the instant at that instant, whatever the zone', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      expect(new DeskCalendar(zone).placeOf({ at: '2026-01-23T10:00:00-05:00' })).toBe(at('2026-01-23T15:00:00Z'));
    }
  });

  it('places a day at the start of that date in the desk zone, whichever offset it was written with', () => {
    const tokyoDay = { at: '2026-01-23T00:00:00+09:00', precision: 'day' as const };
    const berlinDay = { at: '2026-01-23T00:00:00+01:00', precision: 'day' as const };

    expect(new DeskCalendar('UTC').placeOf(tokyoDay)).toBe(at('2026-01-23T00:00:00Z'));
    expect(new DeskCalendar('America/New_York').placeOf(tokyoDay)).toBe(at('2026-01-23T05:00:00Z'));
    expect(new DeskCalendar('Asia/Tokyo').placeOf(berlinDay)).toBe(at('2026-01-22T15:00:00Z'));
  });

  it('places a month and a year at the start of their first day in the desk zone, summer time included', () => {
    const calendar = new DeskCalendar('America/New_York');

    expect(calendar.placeOf({ at: '2026-07-01T00:00:00+02:00', precision: 'month' })).toBe(at('2026-07-01T04:00:00Z'));
    expect(calendar.placeOf({ at: '2026-01-01T00:00:00+09:00', precision: 'year' })).toBe(at('2026-01-01T05:00:00Z'));
    // The day the clocks go forward (8 March 2026) still starts at local midnight, under standard time.
    expect(calendar.placeOf({ at: '2026-03-08T00:00:00Z', precision: 'day' })).toBe(at('2026-03-08T05:00:00Z'));
    expect(calendar.placeOf({ at: '2026-03-09T00:00:00Z', precision: 'day' })).toBe(at('2026-03-09T04:00:00Z'));
  });

  it('never places an answer known to the day before the report it answers, and leaves a later one where it is', () => {
    const report = at('2026-01-23T15:00:00Z');
    const tokyo = new DeskCalendar('Asia/Tokyo');
    const newYork = new DeskCalendar('America/New_York');
    const sameDay = { at: '2026-01-23T00:00:00+09:00', precision: 'day' as const };

    expect(tokyo.answerPlace(sameDay, report)).toBe(report);
    expect(newYork.answerPlace(sameDay, report)).toBe(report);
    expect(newYork.answerPlace({ at: '2026-01-24T00:00:00+09:00', precision: 'day' }, report)).toBe(
      at('2026-01-24T05:00:00Z'),
    );
    expect(newYork.answerPlace({ at: '2026-01-01T00:00:00Z', precision: 'month' }, report)).toBe(report);
  });

  it('leaves an answer known to the instant at its instant, even before the report', () => {
    const report = at('2026-01-23T15:00:00Z');
    const calendar = new DeskCalendar('Asia/Tokyo');

    expect(calendar.answerPlace({ at: '2026-01-23T09:00:00+01:00' }, report)).toBe(at('2026-01-23T08:00:00Z'));
    expect(calendar.answerPlace({ at: '2026-01-25T08:00:00+09:00' }, report)).toBe(at('2026-01-24T23:00:00Z'));
  });

  it('knows IANA zone names and refuses others', () => {
    expect(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus', 'EST5EDT8', ''].some(isTimeZone)).toBe(false);
  });
});
