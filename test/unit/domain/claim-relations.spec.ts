import { ClaimRelated, ClaimUnrelated, RelateClaim, UnrelateClaim } from '../../../src/domain/claim/claim-relations';
import { claimStatus } from '../../../src/domain/claim/claim-status';
import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { RecordedClaim } from '../../../src/domain/claim/claim.state';
import { fold } from '../../../src/domain/decider';
import { Identified } from '../../../src/domain/identified';
import { decideWithRivals, explainWithRivals } from '../../../src/domain/claim/rival-review';
import { CLAIM_ID, recorded, reuters, supported, verdictIssued } from './claim-fixtures';
import { givenClaim } from './decider-spec';

const RIVAL = 'kremlin-blames-ukrainian-divers';

const related = (eventId: string, relation: ClaimRelated['data']['relation']): Identified<ClaimRelated> => ({
  eventId,
  type: 'ClaimRelated',
  data: { claimId: CLAIM_ID, relatedClaimId: RIVAL, relation },
});

const unrelated = (eventId: string): Identified<ClaimUnrelated> => ({
  eventId,
  type: 'ClaimUnrelated',
  data: { claimId: CLAIM_ID, relatedClaimId: RIVAL },
});

const relate = (relation: RelateClaim['data']['relation'], relatedClaimId = RIVAL): RelateClaim => ({
  type: 'RelateClaim',
  data: { relatedClaimId, relation },
});

const unrelate: UnrelateClaim = { type: 'UnrelateClaim', data: { relatedClaimId: RIVAL } };

describe('RelateClaim', () => {
  it('records this claim’s side of the relation', () => {
    givenClaim([recorded('recorded')])
      .when(relate('rival_of'))
      .then([{ type: 'ClaimRelated', data: { claimId: CLAIM_ID, relatedClaimId: RIVAL, relation: 'rival_of' } }]);
  });

  it('appends nothing for the same relation again', () => {
    givenClaim([recorded('recorded'), related('related', 'same_as')])
      .when(relate('same_as'))
      .then([]);
  });

  it('replaces another relation to the same claim', () => {
    givenClaim([recorded('recorded'), related('related', 'same_as')])
      .when(relate('rival_of'))
      .then([{ type: 'ClaimRelated', data: { claimId: CLAIM_ID, relatedClaimId: RIVAL, relation: 'rival_of' } }]);
  });

  it('refuses to relate a claim to itself', () => {
    givenClaim([recorded('recorded')])
      .when(relate('same_as', CLAIM_ID))
      .thenRejects('rejected', /itself/);
  });

  it('refuses a claim that does not exist', () => {
    givenClaim([]).when(relate('same_as')).thenRejects('not_found');
  });
});

describe('UnrelateClaim', () => {
  it('removes this claim’s side of the relation', () => {
    givenClaim([recorded('recorded'), related('related', 'rival_of')])
      .when(unrelate)
      .then([{ type: 'ClaimUnrelated', data: { claimId: CLAIM_ID, relatedClaimId: RIVAL } }]);
  });

  it('appends nothing when the claims are not related', () => {
    givenClaim([recorded('recorded'), related('related', 'rival_of'), unrelated('unrelated')])
      .when(unrelate)
      .then([]);
  });
});

describe('a claim’s relations, folded', () => {
  const claimOf = (events: Array<Identified<ClaimEvent>>) => fold(claimDecider, events) as RecordedClaim;

  it('keeps one relation per other claim, the latest, and none after removal', () => {
    expect(claimOf([recorded('recorded'), related('a', 'same_as'), related('b', 'rival_of')]).relations).toEqual([
      { eventId: 'b', claimId: RIVAL, relation: 'rival_of' },
    ]);
    expect(claimOf([recorded('recorded'), related('a', 'same_as'), unrelated('b')]).relations).toEqual([]);
  });

  it('is no development: a verdict does not need review for it', () => {
    const claim = claimOf([recorded('recorded'), verdictIssued('verdict', 'refuted'), related('a', 'rival_of')]);
    expect(claimStatus(claim).needsReview).toBe(false);
  });
});

describe('a confirmed rival', () => {
  const claim = fold(claimDecider, [recorded('recorded'), supported('support', reuters)]) as RecordedClaim;

  it('leaves the status as it is and asks for review', () => {
    const result = explainWithRivals(claimStatus(claim), [RIVAL]);
    expect(result.status).toBe('corroborated');
    expect(result.needsReview).toBe(true);
    expect(result.explanation.confirmedRivals).toEqual([RIVAL]);
    expect(result.explanation.summary).toBe(
      `Supported independently by Reuters. A rival explanation was confirmed (${RIVAL}): it needs review.`,
    );
    expect(decideWithRivals({ status: 'corroborated', needsReview: false }, [RIVAL])).toEqual({
      status: 'corroborated',
      needsReview: true,
    });
  });

  it('changes nothing without one', () => {
    expect(explainWithRivals(claimStatus(claim), [])).toEqual(claimStatus(claim));
  });
});
