import { Claim } from '../../../desk/src/api/types';
import { changesFrom, CorrectableFields, correctableFields } from '../../../desk/src/development/correction-changes';

/** Stands in for the form's converter: the time as typed, its precision unless exact. */
const timeForApi = ({ local, precision }: CorrectableFields['occurred']) =>
  precision === 'exact' ? { occurredAt: local } : { occurredAt: local, occurredAtPrecision: precision };
const changes = (before: CorrectableFields, after: CorrectableFields) => changesFrom(before, after, timeForApi);

const claim = {
  id: 'c',
  storylineId: 's',
  statement: 'Exports doubled in January.',
  language: 'en',
  claimant: { id: 'olena-kovalenko', name: 'Olena Kovalenko', kind: 'person' },
  reportedBy: { id: 'reuters', name: 'Reuters', kind: 'media' },
  attribution: 'anonymous',
  anonymousSourceCount: 2,
  occurredAt: '2026-01-27T00:00:00+02:00',
  occurredAtPrecision: 'day',
  tags: ['grain'],
  summary: 'Ministry figures',
  kind: 'factual',
} as unknown as Claim;

describe('what a correction sends: only the fields the editor changed', () => {
  it('sends nothing for a form left as the claim stands, a day-precise time included', () => {
    expect(changes(correctableFields(claim), correctableFields(claim))).toEqual({});
  });

  it('sends changed text trimmed, parties by name and kind, tags as a list', () => {
    const before = correctableFields(claim);
    const after = {
      ...before,
      statement: ' Exports rose by half in January. ',
      claimant: { name: 'Olena Kovalenko', kind: 'government' as const },
      tags: 'grain, exports',
    };
    expect(changes(before, after)).toEqual({
      statement: 'Exports rose by half in January.',
      claimant: { name: 'Olena Kovalenko', kind: 'government' },
      tags: ['grain', 'exports'],
    });
  });

  it('removes cleared optional fields with null, as the API asks', () => {
    const before = correctableFields(claim);
    const after = {
      ...before,
      reportedBy: { name: '', kind: 'media' as const },
      summary: ' ',
      anonymousSourceCount: '',
    };
    expect(changes(before, after)).toEqual({ reportedBy: null, summary: null, anonymousSourceCount: null });
  });

  it('reads a day-precise time as written and sends a changed precision with the time', () => {
    const before = correctableFields(claim);
    expect(before.occurred).toEqual({ precision: 'day', local: '2026-01-27' });
    expect(changes(before, { ...before, occurred: { precision: 'month', local: '2026-01' } })).toEqual({
      occurredAt: '2026-01',
      occurredAtPrecision: 'month',
    });
  });
});
