import { countClaims, noClaimsYet, tallyChange } from '../../../src/application/read-models/storylines/storyline-tally';
import { ClaimStatus, claimStatus } from '../../../src/domain/claim/claim-status';
import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { fold } from '../../../src/domain/decider';
import { Identified } from '../../../src/domain/identified';
import { emptyCounts, storylineStatus } from '../../../src/domain/storyline/storyline-status';
import {
  contradicted,
  familiarSources,
  financialTimes,
  recorded,
  retracted,
  reuters,
  supported,
  usGovernment,
  verdictIssued,
} from './claim-fixtures';

function claimAfter(...history: Identified<ClaimEvent>[]) {
  const claim = fold(claimDecider, history);
  if (claim === null) throw new Error('the history never records the claim');
  return { ...claimStatus(claim), kind: claim.content.kind, retracted: claim.retraction !== undefined };
}

const kinds = (factual: number, opinion = 0, prediction = 0) => ({ factual, opinion, prediction });

const noClaims = {
  unverified: 0,
  corroborated: 0,
  disputed: 0,
  retracted: 0,
  confirmed: 0,
  refuted: 0,
  misleading: 0,
  unproven: 0,
};

describe('storyline status, first match wins', () => {
  it('is empty without claims, with every count at zero', () => {
    expect(storylineStatus(emptyCounts())).toBe('empty');
    expect(countClaims([])).toEqual({
      counts: noClaims,
      needsReview: 0,
      retractedClaims: 0,
      claimCount: 0,
      kinds: kinds(0),
      status: 'empty',
    });
  });

  it.each<[ClaimStatus, string]>([
    ['disputed', 'disputed'],
    ['unverified', 'developing'],
    ['corroborated', 'developing'],
    ['retracted', 'developing'],
    ['confirmed', 'settled'],
    ['refuted', 'settled'],
    ['misleading', 'settled'],
    ['unproven', 'settled'],
  ])('with a single %s claim is %s', (status, headline) => {
    expect(storylineStatus({ ...noClaims, [status]: 1 })).toBe(headline);
  });

  it('is disputed when any claim is disputed, whatever the others are', () => {
    expect(storylineStatus({ ...noClaims, disputed: 1, unverified: 3, corroborated: 2, confirmed: 4 })).toBe(
      'disputed',
    );
  });

  it('is developing while a claim retracted without a verdict remains, settled once the desk rules on it', () => {
    expect(storylineStatus({ ...noClaims, retracted: 1, confirmed: 3 })).toBe('developing');
    expect(storylineStatus({ ...noClaims, retracted: 1, disputed: 1 })).toBe('disputed');
    expect(storylineStatus({ ...noClaims, refuted: 1, confirmed: 3 })).toBe('settled');
  });

  it('is developing when one open claim remains among settled ones', () => {
    expect(storylineStatus({ ...noClaims, unverified: 1, retracted: 2, refuted: 1 })).toBe('developing');
  });
});

describe('storyline status from the seed claims as they develop', () => {
  const zelenskyReady = [recorded('zelensky', { claimant: { id: 'zelensky', name: 'Selenskyj', kind: 'person' } })];
  const ftReport = [recorded('ft'), contradicted('us-denies', usGovernment)];

  it('is disputed while the US denial stands without a verdict', () => {
    const view = countClaims([claimAfter(...zelenskyReady), claimAfter(...ftReport)]);

    expect(view).toEqual({
      counts: { ...noClaims, unverified: 1, disputed: 1 },
      needsReview: 0,
      retractedClaims: 0,
      claimCount: 2,
      kinds: kinds(2),
      status: 'disputed',
    });
  });

  it('is developing once the desk rules on the disputed claim', () => {
    const view = countClaims([
      claimAfter(...zelenskyReady),
      claimAfter(...ftReport, verdictIssued('ruling', 'unproven')),
    ]);

    expect(view).toEqual({
      counts: { ...noClaims, unverified: 1, unproven: 1 },
      needsReview: 0,
      retractedClaims: 0,
      claimCount: 2,
      kinds: kinds(2),
      status: 'developing',
    });
  });

  it('is settled when every claim has a verdict, counting those that need review', () => {
    const view = countClaims([
      claimAfter(...zelenskyReady, verdictIssued('zelensky-ruling', 'misleading')),
      claimAfter(...ftReport, verdictIssued('ruling', 'unproven'), supported('new-evidence', reuters, 'evidence')),
      claimAfter(recorded('sources'), supported('self', familiarSources), verdictIssued('sources-ruling', 'unproven')),
    ]);

    expect(view).toEqual({
      counts: { ...noClaims, misleading: 1, unproven: 2 },
      needsReview: 1,
      retractedClaims: 0,
      claimCount: 3,
      kinds: kinds(3),
      status: 'settled',
    });
  });

  it('leaves opinions and predictions out of the headline: a disputed opinion disputes no storyline', () => {
    const opinion = [
      recorded('rutte', { kind: 'opinion', claimant: { id: 'rutte', name: 'Mark Rutte', kind: 'person' } }),
      contradicted('barrot-disagrees', { id: 'barrot', name: 'Jean-Noël Barrot', kind: 'person' }),
    ];
    const prediction = [recorded('forecast', { kind: 'prediction' }), verdictIssued('forecast-ruling', 'unproven')];
    const view = countClaims([claimAfter(...zelenskyReady), claimAfter(...opinion), claimAfter(...prediction)]);

    expect(claimAfter(...opinion).status).toBe('disputed');
    expect(view).toEqual({
      counts: { ...noClaims, unverified: 1 },
      needsReview: 0,
      retractedClaims: 0,
      claimCount: 3,
      kinds: kinds(1, 1, 1),
      status: 'developing',
    });
  });
});

describe('storyline status with retracted claims', () => {
  const ftReport = [recorded('ft'), retracted('ft-retracts', financialTimes)];

  it('stays developing when its only factual claim was retracted, and counts the retraction', () => {
    expect(countClaims([claimAfter(...ftReport)])).toEqual({
      counts: { ...noClaims, retracted: 1 },
      needsReview: 0,
      retractedClaims: 1,
      claimCount: 1,
      kinds: kinds(1),
      status: 'developing',
    });
  });

  it('is settled once the desk rules on the retracted claim, which still counts as retracted', () => {
    expect(countClaims([claimAfter(...ftReport, verdictIssued('ruling', 'refuted'))])).toEqual({
      counts: { ...noClaims, refuted: 1 },
      needsReview: 0,
      retractedClaims: 1,
      claimCount: 1,
      kinds: kinds(1),
      status: 'settled',
    });
  });

  it('leaves a retracted opinion out of the count and the headline', () => {
    const opinion = [recorded('rutte', { kind: 'opinion' }), retracted('rutte-retracts', financialTimes)];
    const view = countClaims([
      claimAfter(recorded('zelensky'), verdictIssued('ruling', 'confirmed')),
      claimAfter(...opinion),
    ]);

    expect(view).toMatchObject({ retractedClaims: 0, status: 'settled', kinds: kinds(1, 1) });
  });

  it('tallies a retraction and a later verdict the way a recount does', () => {
    const before = claimAfter(...ftReport);
    const after = claimAfter(...ftReport, verdictIssued('ruling', 'refuted'));
    const open = tallyChange(noClaimsYet(), undefined, claimAfter(recorded('ft')));
    const withdrawn = tallyChange(open, claimAfter(recorded('ft')), before);
    const ruled = tallyChange(withdrawn, before, after);

    expect(withdrawn).toEqual(countClaims([before]));
    expect(ruled).toEqual(countClaims([after]));
  });
});
