import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { occurredBy } from '../../../src/domain/claim/occurred-by';
import { Identified } from '../../../src/domain/identified';
import {
  contradicted,
  corrected,
  correctiv,
  factChecked,
  recorded,
  retracted,
  supported,
  reuters,
  usGovernment,
  verdictIssued,
} from './claim-fixtures';

type Event = Identified<ClaimEvent>;

const at = <E extends Event>(event: E, occurredAt: string, precision?: 'day' | 'month'): E =>
  ({
    ...event,
    data: { ...event.data, occurredAt, ...(precision ? { occurredAtPrecision: precision } : {}) },
  }) as E;

/** The events of a story recorded today about March 2023: the claim on 2 March, reactions later. */
const claim = recorded('claim', { occurredAt: '2023-03-02T09:00:00+01:00' });
const denial = at(contradicted('denial', usGovernment), '2023-03-06T00:00:00+01:00', 'day');
const support = at(supported('support', reuters), '2023-04-01T00:00:00+02:00', 'month');
const retraction = at(retracted('retraction', usGovernment), '2024-01-10T12:00:00Z');
const verdict = at(verdictIssued('verdict', 'refuted'), '2026-12-07T10:00:00Z');
const review = {
  ...factChecked('review', correctiv, { text: 'False' }),
  data: { ...factChecked('review', correctiv, { text: 'False' }).data, publishedAt: '2023-03-10T00:00:00Z' },
} as Event;
const story: Event[] = [claim, denial, support, retraction, verdict, review];

const idsBy = (asOccurred: string, events: Event[] = story) =>
  occurredBy(events, (event) => event, asOccurred).map((event) => event.eventId);

describe('which developments had occurred in the world by a time (asOccurred)', () => {
  it('has nothing before the claim was made: the claim did not exist yet', () => {
    expect(idsBy('2023-03-02T07:59:59Z')).toEqual([]);
  });

  it('has the claim from its own date, without the developments dated later', () => {
    expect(idsBy('2023-03-02T08:00:00Z')).toEqual(['claim']);
  });

  it('counts a development known to the day from the start of that day in its own offset', () => {
    // 2023-03-06T00:00:00+01:00 is 2023-03-05T23:00:00Z.
    expect(idsBy('2023-03-05T22:59:59.999Z')).toEqual(['claim']);
    expect(idsBy('2023-03-05T23:00:00Z')).toEqual(['claim', 'denial']);
    expect(idsBy('2023-03-06T00:00:00+01:00')).toEqual(['claim', 'denial']);
  });

  it('counts a development known to the month from the start of that month', () => {
    expect(idsBy('2023-03-31T21:59:59Z')).toEqual(['claim', 'denial', 'review']);
    expect(idsBy('2023-04-01T00:00:00+02:00')).toEqual(['claim', 'denial', 'support', 'review']);
  });

  it("counts an outside fact-check by its publication and the desk's verdict by when it was issued", () => {
    expect(idsBy('2023-03-09T23:59:59Z')).not.toContain('review');
    expect(idsBy('2023-03-10T00:00:00Z')).toContain('review');
    expect(idsBy('2026-12-07T09:59:59Z')).not.toContain('verdict');
    expect(idsBy('2026-12-07T10:00:00Z')).toContain('verdict');
  });

  it('has every event at a time after all of them', () => {
    expect(idsBy('2999-01-01T00:00:00Z')).toEqual(story.map((event) => event.eventId));
  });

  it('holds a correction at every world time, and dates the claim by its corrected date', () => {
    const correctedLater = at(corrected('fix', { occurredAt: '2023-03-07T00:00:00Z' }), '2026-12-07T11:00:00Z');
    const events = [claim, denial, correctedLater];
    expect(idsBy('2023-03-06T00:00:00Z', events)).toEqual([]);
    expect(idsBy('2023-03-07T00:00:00Z', events)).toEqual(['claim', 'denial', 'fix']);
  });

  it('reads offsets as instants: the same moment written in two zones gives the same answer', () => {
    expect(idsBy('2023-03-06T01:00:00+02:00')).toEqual(idsBy('2023-03-05T23:00:00Z'));
  });

  it('keeps items that hold no claim event, and has nothing without a claim', () => {
    const items: Array<Event | undefined> = [undefined, claim];
    expect(occurredBy(items, (item) => item, '2023-03-03T00:00:00Z')).toEqual([undefined, claim]);
    expect(idsBy('2999-01-01T00:00:00Z', [denial])).toEqual([]);
  });
});
