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
import { ReadModels, given } from './support/projection-spec';

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
});
