import {
  claimRecorded,
  contradicted,
  corrected,
  storylineOpened,
  STORYLINE,
  supported,
  reuters,
  usGovernment,
} from './support/events';
import { TimelineEntry, foldTimeline } from '../../src/application/read-models/timeline/timeline-entry';
import { DeskCalendar } from '../../src/domain/desk-calendar';
import { foldRegistry } from '../../src/domain/party/party-registry';
import { GivenEvent, ReadModels, given, storedLog } from './support/projection-spec';

describe('the timeline read model', () => {
  let models: ReadModels | undefined;
  afterEach(() => models?.close());

  const summaries = () => models?.timeline.timeline(STORYLINE, { limit: 50 }).items.map((entry) => entry.summary);

  it('orders developments by when they happened in the world, whatever the offset', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report', { statement: 'The US attaches a condition', occurredAt: '2026-01-27T08:00:00+01:00' }),
      contradicted('ft-report', usGovernment, { occurredAt: '2026-01-27T09:30:00+02:00' }),
      supported('ft-report', reuters, { occurredAt: '2026-01-27T07:30:00+01:00' }),
    ]);

    expect(summaries()).toEqual([
      'Reuters supports (corroboration) “The US attaches a condition”',
      'Eight people familiar with the talks claims “The US attaches a condition”',
      'US government contradicts (denial) “The US attaches a condition”',
    ]);
  });

  it('moves and rewords the claim’s own entry on a correction, while later entries quote the wording they saw', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report', { statement: 'Old wording', occurredAt: '2026-01-27T08:00:00Z' }),
      contradicted('ft-report', usGovernment, { occurredAt: '2026-01-27T09:00:00Z' }),
      corrected('ft-report', { statement: 'New wording', occurredAt: '2026-01-27T10:00:00Z' }, '2026-01-28T00:00:00Z'),
      supported('ft-report', reuters, { occurredAt: '2026-01-28T12:00:00Z' }),
    ]);

    expect(summaries()).toEqual([
      'US government contradicts (denial) “Old wording”',
      'Eight people familiar with the talks claims “New wording”',
      'Correction (statement, occurredAt): Transcript mistake',
      'Reuters supports (corroboration) “New wording”',
    ]);
    const entries = models.timeline.timeline(STORYLINE, { limit: 50 }).items;
    expect(entries.map((entry) => entry.position)).toEqual([3, 2, 4, 5]);
  });

  it('pages with a cursor', () => {
    models = given([
      storylineOpened(),
      ...['a', 'b', 'c'].map((id, index) => claimRecorded(id, { occurredAt: `2026-01-2${index + 1}T08:00:00Z` })),
    ]);

    const first = models.timeline.timeline(STORYLINE, { limit: 2 });
    const second = models.timeline.timeline(STORYLINE, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((entry) => entry.claimId)).toEqual(['a', 'b', 'c']);
    expect(second.nextCursor).toBeUndefined();
  });

  describe('in the desk time zone', () => {
    const tokyoMinistry = { id: 'japan-mofa', name: 'Japanese foreign ministry', kind: 'government' };
    // A report from New York at 10:00 there, answered in Tokyo "on the 23rd", with two other claims
    // of that day: one known only to the day, in Berlin, one to the minute.
    const sameDay: GivenEvent[] = [
      storylineOpened(),
      claimRecorded('nyt-report', { statement: 'The report', occurredAt: '2026-01-23T10:00:00-05:00' }),
      contradicted('nyt-report', tokyoMinistry, {
        occurredAt: '2026-01-23T00:00:00+09:00',
        occurredAtPrecision: 'day',
      }),
      claimRecorded('berlin-day', {
        statement: 'Said in Berlin that day',
        occurredAt: '2026-01-23T00:00:00+01:00',
        occurredAtPrecision: 'day',
      }),
      claimRecorded('late-evening', {
        statement: 'Said at 20:00 UTC the day before',
        occurredAt: '2026-01-22T20:00:00Z',
      }),
    ];
    const named = (entry: TimelineEntry) => `${entry.type}:${entry.claimId}`;
    const order = (calendar: DeskCalendar) =>
      given(sameDay, { calendar }).timeline.timeline(STORYLINE, { limit: 50 }).items.map(named);
    const asOf = (events: GivenEvent[], calendar: DeskCalendar) =>
      foldTimeline(storedLog(events), foldRegistry([]), calendar).map(({ entry }) => named(entry));
    it.each([
      ['UTC', ['ClaimRecorded:late-evening', 'ClaimRecorded:berlin-day']],
      ['America/New_York', ['ClaimRecorded:late-evening', 'ClaimRecorded:berlin-day']],
      ['Asia/Tokyo', ['ClaimRecorded:berlin-day', 'ClaimRecorded:late-evening']],
    ])('in %s places the days there, and the Tokyo answer right after the report it answers', (zone, before) => {
      const calendar = new DeskCalendar(zone);
      const expected = [...before, 'ClaimRecorded:nyt-report', 'ClaimContradicted:nyt-report'];

      expect(order(calendar)).toEqual(expected);
      expect(asOf(sameDay, calendar)).toEqual(expected);
    });

    it('keeps the answers known only to the day after the report when a correction moves it later that day', () => {
      const events: GivenEvent[] = [
        storylineOpened(),
        claimRecorded('nyt-report', { statement: 'The report', occurredAt: '2026-01-23T08:00:00Z' }),
        supported('nyt-report', reuters, { occurredAt: '2026-01-23T00:00:00Z', occurredAtPrecision: 'day' }),
        contradicted('nyt-report', usGovernment, { occurredAt: '2026-01-23T12:00:00Z' }),
        corrected('nyt-report', { occurredAt: '2026-01-23T20:00:00Z' }, '2026-01-24T09:00:00Z'),
      ];
      models = given(events, { calendar: new DeskCalendar('America/New_York') });

      const placed = models.timeline
        .timeline(STORYLINE, { limit: 50 })
        .items.map((entry) => [entry.type, entry.position]);
      expect(placed).toEqual([
        ['ClaimContradicted', 4],
        ['ClaimRecorded', 2],
        ['ClaimSupported', 3],
        ['ClaimCorrected', 5],
      ]);
      const asOfOrder = foldTimeline(storedLog(events), foldRegistry([]), new DeskCalendar('America/New_York'));
      expect(asOfOrder.map(({ entry }) => [entry.type, entry.position])).toEqual(placed);
    });
  });
});
