import {
  claimRecorded,
  contradicted,
  corrected,
  ft,
  retracted,
  reuters,
  sources,
  storylineOpened,
  supported,
  usGovernment,
  verdictIssued,
} from './support/events';
import { ReadModels, given } from './support/projection-spec';

describe('the claims read model', () => {
  let models: ReadModels | undefined;
  afterEach(() => models?.close());

  it('shows a recorded claim unverified, explained by its recording', () => {
    models = given([storylineOpened(), claimRecorded('ft-report')]);

    expect(models.claims.get('ft-report')).toMatchObject({
      id: 'ft-report',
      status: 'unverified',
      needsReview: false,
      explanation: { rule: 'no_independent_support', eventIds: ['event-2'] },
      supports: [],
      revision: 0,
      position: 2,
    });
  });

  it('marks each support as counting or not, with the reason when it does not', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      supported('ft-report', ft, { kind: 'confirmation' }),
      supported('ft-report', reuters),
    ]);

    const view = models.claims.get('ft-report');
    expect(view?.status).toBe('corroborated');
    expect(
      view?.supports.map(({ by, independent, counts, reason }) => ({ by: by.id, independent, counts, reason })),
    ).toEqual([
      { by: 'financial-times', independent: false, counts: false, reason: 'Financial Times reported the claim' },
      { by: 'reuters', independent: true, counts: true, reason: undefined },
    ]);
  });

  it('is disputed by a contradiction, and a verdict overrides both', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      contradicted('ft-report', usGovernment),
      verdictIssued('ft-report', 'unproven'),
      supported('ft-report', reuters),
    ]);

    expect(models.claims.get('ft-report')).toMatchObject({
      status: 'unproven',
      needsReview: true,
      verdict: { verdict: 'unproven' },
      explanation: { rule: 'verdict', eventIds: ['event-4', 'event-5'] },
    });
  });

  it('applies corrections to the content and keeps them in the history', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      corrected('ft-report', { statement: 'Corrected wording', reportedBy: null }),
    ]);

    const view = models.claims.get('ft-report');
    expect(view?.statement).toBe('Corrected wording');
    expect(view?.reportedBy).toBeUndefined();
    expect(view?.corrections).toHaveLength(1);
  });

  it('finds claims by status, storyline, claimant, review need and text, in recorded order', () => {
    models = given([
      storylineOpened(),
      claimRecorded('first', { statement: 'Troops move north' }),
      claimRecorded('second', { statement: 'Talks resume in Abu Dhabi', claimant: usGovernment }),
      contradicted('first', usGovernment),
      verdictIssued('second', 'confirmed'),
      retracted('second', usGovernment),
    ]);

    const ids = (filter: Parameters<ReadModels['claims']['search']>[0]) =>
      models?.claims.search(filter, { limit: 10 }).items.map((claim) => claim.id);
    expect(ids({})).toEqual(['first', 'second']);
    expect(ids({ status: 'disputed' })).toEqual(['first']);
    expect(ids({ claimantId: 'us-government' })).toEqual(['second']);
    expect(ids({ claimantId: sources.id })).toEqual(['first']);
    expect(ids({ needsReview: true })).toEqual(['second']);
    expect(ids({ text: 'abu dhabi' })).toEqual(['second']);
    expect(ids({ storylineId: 'elsewhere' })).toEqual([]);
  });

  it('pages the search with a cursor', () => {
    models = given([storylineOpened(), ...['a', 'b', 'c'].map((id) => claimRecorded(id))]);

    const first = models.claims.search({}, { limit: 2 });
    const second = models.claims.search({}, { limit: 2, cursor: first.nextCursor });
    expect(first.items.map((claim) => claim.id)).toEqual(['a', 'b']);
    expect(second.items.map((claim) => claim.id)).toEqual(['c']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('ignores events for a claim that was never recorded, and a second recording of the same claim', () => {
    models = given([
      storylineOpened(),
      supported('ghost', reuters),
      claimRecorded('ft-report'),
      claimRecorded('ft-report', { statement: 'Recorded again' }),
    ]);

    expect(models.claims.get('ghost')).toBeUndefined();
    expect(models.claims.get('ft-report')?.statement).toBe('Statement of ft-report');
  });
});
