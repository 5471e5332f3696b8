import { ClaimSummary, Storyline, TimelineEntry } from '../../../desk/src/api/types';
import { changesSince } from '../../../desk/src/storyline/changes';

const claim = (id: string, status: ClaimSummary['status']): ClaimSummary => ({
  id,
  statement: `Statement ${id}`,
  claimant: { id: 'someone', name: 'Someone' },
  status,
  needsReview: false,
  occurredAt: '2026-01-27T08:00:00+01:00',
});

const storyline = (status: Storyline['status'], claims: ClaimSummary[]): Storyline => ({
  id: 's',
  title: 'US–Ukraine security guarantees',
  summary: '',
  tags: [],
  status,
  counts: {} as Storyline['counts'],
  needsReview: 0,
  claimCount: claims.length,
  claims,
  revision: 0,
  position: 1,
  openedAt: '2026-01-27T07:00:00Z',
  updatedAt: '2026-01-27T07:00:00Z',
});

const entry = (claimId: string, type: string, eventId: string): TimelineEntry => ({
  eventId,
  position: 9,
  type,
  occurredAt: '2026-01-27T09:00:00+01:00',
  recordedAt: '2026-01-27T09:01:00Z',
  claimId,
  summary: `${type} on ${claimId}`,
});

describe('what changed between the storyline as known then and now', () => {
  it('given a denial and a new claim since, marks the status change, the later development and the added claim', () => {
    const then = storyline('developing', [claim('ft', 'unverified'), claim('zelensky', 'unverified')]);
    const now = storyline('disputed', [
      claim('ft', 'disputed'),
      claim('zelensky', 'unverified'),
      claim('russia', 'unverified'),
    ]);
    const later = [entry('ft', 'ClaimContradicted', 'denial'), entry('russia', 'ClaimRecorded', 'recorded-russia')];

    const changes = changesSince(then, now, later);

    expect(changes.headline).toEqual({ from: 'developing', to: 'disputed' });
    expect(changes.byClaim.get('ft')).toEqual({ from: 'unverified', to: 'disputed', laterDevelopments: [later[0]] });
    expect(changes.byClaim.has('zelensky')).toBe(false);
    expect(changes.added.map((added) => added.id)).toEqual(['russia']);
  });

  it('given nothing recorded since, reports no change', () => {
    const then = storyline('developing', [claim('ft', 'unverified')]);
    const changes = changesSince(then, then, []);
    expect([changes.headline, changes.byClaim.size, changes.added]).toEqual([undefined, 0, []]);
  });
});
