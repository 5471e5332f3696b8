import { Changes, HeadlineChange } from '../../../desk/src/api/changes-types';
import { countsOf } from '../../../desk/src/changes/change-counts';

const noDevelopments = {
  claimsRecorded: 0,
  supports: 0,
  contradictions: 0,
  retractions: 0,
  corrections: 0,
  verdicts: 0,
  factChecks: 0,
};

function changes(storylines: HeadlineChange[], totalStorylines = storylines.length): Changes {
  return {
    since: 10,
    next: 20,
    truncated: false,
    storylines,
    claimsAdded: [],
    claimsChanged: [],
    developments: { total: { ...noDevelopments, supports: 2 }, byStoryline: [] },
    totals: { storylines: totalStorylines, claimsAdded: 4, claimsChanged: 3, storylinesWithDevelopments: 1 },
  };
}

const moved = (id: string): HeadlineChange => ({ id, title: id, before: 'developing', after: 'disputed' });
const opened = (id: string): HeadlineChange => ({ id, title: id, after: 'developing' });

describe('the counts of what changed', () => {
  it('tells storylines that moved from those only opened since', () => {
    const counts = countsOf({
      changes: changes([moved('a'), opened('b'), opened('c')]),
      needReview: [],
    });
    expect(counts).toEqual({
      claimsMoved: 3,
      needReview: 0,
      claimsAdded: 4,
      storylinesMoved: 1,
      storylinesOpened: 2,
      storylinesOther: 0,
      developments: 2,
    });
  });

  it('given a page that ends with a storyline opened since, counts the unlisted ones as opened (those that moved come first)', () => {
    const counts = countsOf({ changes: changes([moved('a'), opened('b')], 5), needReview: [] });
    expect([counts.storylinesMoved, counts.storylinesOpened, counts.storylinesOther]).toEqual([1, 4, 0]);
  });

  it('given a page of storylines that all moved and more beyond it, does not guess which the others are', () => {
    const counts = countsOf({ changes: changes([moved('a'), moved('b')], 5), needReview: [] });
    expect([counts.storylinesMoved, counts.storylinesOpened, counts.storylinesOther]).toEqual([2, 0, 3]);
  });
});
