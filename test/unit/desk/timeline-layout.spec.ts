import { TimelineEntry } from '../../../desk/src/api/types';
import { tickLabels } from '../../../desk/src/storyline/time-axis';
import { ChartPoint, layOut, spread } from '../../../desk/src/storyline/timeline-layout';

let nextId = 0;
const point = (type: string, occurredAt: string, claimId = 'claim'): ChartPoint => ({
  entry: {
    eventId: `event-${nextId++}`,
    position: nextId,
    type,
    occurredAt,
    recordedAt: '2026-12-07T10:00:00Z',
    claimId,
    summary: type,
  } satisfies TimelineEntry,
});

describe('the timeline laid out', () => {
  it('places marks where the API’s timeline places them: the denial known to the day after the report it answers', () => {
    // The API's timeline (DESK_TIME_ZONE=UTC): the report at 15:00 UTC, Tokyo's "23 January" not before it.
    const report = {
      entry: { ...point('ClaimRecorded', '2026-01-23T10:00:00-05:00').entry, placedAt: '2026-01-23T15:00:00.000Z' },
    };
    const denial = {
      entry: {
        ...point('ClaimContradicted', '2026-01-23T00:00:00+09:00').entry,
        occurredAtPrecision: 'day' as const,
        placedAt: '2026-01-23T15:00:00.000Z',
      },
    };
    // Another claim's support known to the day, "22 January" written in Tokyo: the start of 22 January in UTC.
    const support = {
      entry: {
        ...point('ClaimSupported', '2026-01-22T00:00:00+09:00', 'other').entry,
        occurredAtPrecision: 'day' as const,
        placedAt: '2026-01-22T00:00:00.000Z',
      },
    };
    const layout = layOut([support, report, denial], 0, 1000);

    const marks = layout.byClaim.get('claim') ?? [];
    expect(marks.map((mark) => [mark.entry.type, mark.order])).toEqual([
      ['ClaimRecorded', 1],
      ['ClaimContradicted', 2],
    ]);
    expect(marks[1].x).toBeGreaterThan(marks[0].x);
    const [other] = layout.byClaim.get('other') ?? [];
    expect(other.x).toBeCloseTo(layout.axis.x('2026-01-22T00:00:00Z'));
    expect(other.x).not.toBeCloseTo(layout.axis.x('2026-01-22T00:00:00+09:00'));
  });

  it('places a mark without the API’s place (not from a timeline page) at its own occurredAt', () => {
    const report = point('ClaimRecorded', '2026-01-23T10:00:00-05:00');
    const support = point('ClaimSupported', '2026-01-24T10:00:00-05:00');
    const layout = layOut([report, support], 0, 1000);

    const marks = layout.byClaim.get('claim') ?? [];
    expect(marks.map((mark) => mark.x)).toEqual([
      layout.axis.x('2026-01-23T10:00:00-05:00'),
      layout.axis.x('2026-01-24T10:00:00-05:00'),
    ]);
  });

  it('spans the story on its axis and draws a verdict recorded years later apart', () => {
    const layout = layOut(
      [
        point('ClaimRecorded', '2018-03-12T00:00:00Z'),
        point('ClaimSupported', '2019-06-28T00:00:00Z'),
        point('ClaimVerdictIssued', '2026-12-07T10:00:00Z'),
      ],
      0,
      1000,
    );
    const [recorded, support, verdict] = layout.byClaim.get('claim') ?? [];
    expect([recorded.apart, support.apart, verdict.apart]).toEqual([false, false, true]);
    expect(layout.apart).toBeDefined();
    expect(verdict.x).toBeGreaterThan(layout.apart?.left ?? Infinity);
    // The story fills the axis up to the break.
    expect(support.x - recorded.x).toBeGreaterThan(700);
  });

  it('draws apart a verdict more than a month after a story of days', () => {
    const layout = layOut(
      [point('ClaimRecorded', '2026-01-10T00:00:00Z'), point('ClaimVerdictIssued', '2026-03-20T12:00:00Z')],
      0,
      1000,
    );
    expect(layout.apart?.label).toBe('20 Mar 2026');
  });

  it('keeps a verdict close to the story on the axis', () => {
    const layout = layOut(
      [point('ClaimRecorded', '2026-01-10T00:00:00Z'), point('ClaimVerdictIssued', '2026-01-20T00:00:00Z')],
      0,
      1000,
    );
    expect(layout.apart).toBeUndefined();
  });

  it('sets marks of the same day side by side, never left of the axis', () => {
    expect(spread([100, 100, 100], 18)).toEqual([82, 100, 118]);
    expect(spread([10, 10], 18, 10)).toEqual([10, 28]);
    expect(spread([100, 300], 18)).toEqual([100, 300]);
  });
});

describe('tick labels', () => {
  const local = (year: number, month: number, day = 1) => new Date(year, month, day);

  it('name the year where the ticks start and where it turns, never "1 Jan" without one', () => {
    const quarters = [local(2018, 3), local(2018, 6), local(2018, 9), local(2019, 0), local(2019, 3)];
    expect(tickLabels(quarters).map((tick) => tick.label)).toEqual(['Apr 2018', 'Jul', 'Oct', 'Jan 2019', 'Apr']);
    expect(tickLabels([local(2018, 0), local(2019, 0), local(2020, 0)]).map((tick) => tick.label)).toEqual([
      '2018',
      '2019',
      '2020',
    ]);
    expect(tickLabels([local(2018, 11, 24), local(2018, 11, 31), local(2019, 0, 7)]).map((tick) => tick.label)).toEqual(
      ['24 Dec 2018', '31 Dec', '7 Jan 2019'],
    );
  });
});
