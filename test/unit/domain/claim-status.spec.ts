import { ClaimStatusResult, claimStatus } from '../../../src/domain/claim/claim-status';
import { ClaimEvent, VERDICTS } from '../../../src/domain/claim/claim.events';
import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { fold } from '../../../src/domain/decider';
import { Identified } from '../../../src/domain/identified';
import { Party } from '../../../src/domain/party';
import {
  contradicted,
  corrected,
  familiarSources,
  financialTimes,
  kyivIndependent,
  recorded,
  retracted,
  reuters,
  supported,
  usGovernment,
  verdictIssued,
} from './claim-fixtures';

function statusAfter(...history: Identified<ClaimEvent>[]): ClaimStatusResult {
  const claim = fold(claimDecider, history);
  if (claim === null) throw new Error('the history never records the claim');
  return claimStatus(claim);
}

const ftRecorded = recorded('recorded');

describe('claim status, rule 5: unverified without an independent support', () => {
  it('is unverified right after it is recorded, explained by the recording', () => {
    expect(statusAfter(ftRecorded)).toMatchObject({
      status: 'unverified',
      needsReview: false,
      explanation: { rule: 'no_independent_support', eventIds: ['recorded'] },
    });
  });

  it('is not corroborated by the outlet that reported it', () => {
    const result = statusAfter(ftRecorded, supported('ft-stands-by', financialTimes, 'confirmation'));

    expect(result.status).toBe('unverified');
    expect(result.explanation.rule).toBe('no_independent_support');
    expect(result.explanation.eventIds).toEqual(['recorded', 'ft-stands-by']);
    expect(result.explanation.summary).toContain('Financial Times');
  });

  it('is not corroborated by its own claimant', () => {
    const result = statusAfter(ftRecorded, supported('sources-repeat', familiarSources));

    expect(result.status).toBe('unverified');
  });

  it('judges independence by party id, not by display name', () => {
    const ftUnderAnotherName: Party = { ...financialTimes, name: 'FT' };

    expect(statusAfter(ftRecorded, supported('ft', ftUnderAnotherName)).status).toBe('unverified');
  });

  it('takes an id an older slug derived and the one derived now for one unregistered party', () => {
    const recordedBefore = recorded('recorded', {
      claimant: { id: 'radosław-sikorski', name: 'Radosław Sikorski', kind: 'person' },
      reportedBy: undefined,
    });
    const result = statusAfter(
      recordedBefore,
      supported('sikorski-repeats', { id: 'radoslaw-sikorski', name: 'Radosław Sikorski', kind: 'person' }),
    );

    expect(result.status).toBe('unverified');
  });
});

describe('claim status, rule 4: corroborated by an independent support', () => {
  it('is corroborated by a party that is neither claimant nor reporter', () => {
    expect(statusAfter(ftRecorded, supported('reuters-confirms', reuters, 'confirmation'))).toMatchObject({
      status: 'corroborated',
      needsReview: false,
      explanation: { rule: 'independent_support', eventIds: ['reuters-confirms'] },
    });
  });

  it('names only the independent supports as deciding', () => {
    const result = statusAfter(
      ftRecorded,
      supported('ft-stands-by', financialTimes),
      supported('reuters-confirms', reuters),
      supported('sources-repeat', familiarSources),
      supported('kyiv-confirms', kyivIndependent, 'evidence'),
    );

    expect(result.status).toBe('corroborated');
    expect(result.explanation.eventIds).toEqual(['reuters-confirms', 'kyiv-confirms']);
  });

  it('counts a media support as independent when the claim names no reporter', () => {
    const onRecord = recorded('recorded', { claimant: usGovernment, reportedBy: undefined });

    expect(statusAfter(onRecord, supported('ft-confirms', financialTimes)).status).toBe('corroborated');
  });

  it('applies corrections first: a support from the corrected reporter stops counting', () => {
    const result = statusAfter(
      ftRecorded,
      supported('reuters-confirms', reuters),
      corrected('reporter-was-reuters', { reportedBy: reuters }),
    );

    expect(result.status).toBe('unverified');
  });

  it('applies corrections first: removing the reporter makes its support independent', () => {
    const result = statusAfter(
      ftRecorded,
      supported('ft-stands-by', financialTimes),
      corrected('no-reporter', { reportedBy: null }),
    );

    expect(result).toMatchObject({
      status: 'corroborated',
      explanation: { rule: 'independent_support', eventIds: ['ft-stands-by'] },
    });
  });
});

describe('claim status, rule 3: disputed by any contradiction', () => {
  it('is disputed once contradicted, even when independently supported', () => {
    const result = statusAfter(
      ftRecorded,
      supported('reuters-confirms', reuters),
      contradicted('us-denies', usGovernment),
      contradicted('kyiv-disputes', kyivIndependent, 'dispute'),
    );

    expect(result).toMatchObject({
      status: 'disputed',
      needsReview: false,
      explanation: { rule: 'contradicted', eventIds: ['us-denies', 'kyiv-disputes'] },
    });
    expect(result.explanation.summary).toContain('US-Regierung');
  });
});

describe('claim status, rule 2: retracted', () => {
  it('is retracted even when it was also contradicted', () => {
    const result = statusAfter(
      ftRecorded,
      contradicted('us-denies', usGovernment),
      retracted('ft-withdraws', financialTimes),
    );

    expect(result).toMatchObject({
      status: 'retracted',
      needsReview: false,
      explanation: { rule: 'retracted', eventIds: ['ft-withdraws'] },
    });
  });

  it('reads a retraction recorded before retractions had kinds as withdrawn', () => {
    const result = statusAfter(ftRecorded, retracted('ft-withdraws', financialTimes));

    expect(result.explanation.summary).toBe('Withdrawn by Financial Times.');
  });

  it('says a claim deleted without comment was deleted, and retracts it all the same', () => {
    const deleted = retracted('ft-deletes', financialTimes);
    const result = statusAfter(ftRecorded, { ...deleted, data: { ...deleted.data, kind: 'deleted' } });

    expect(result).toMatchObject({
      status: 'retracted',
      explanation: { rule: 'retracted', summary: 'Deleted without comment by Financial Times.' },
    });
  });
});

describe('claim status, rule 1: the latest verdict', () => {
  it.each(VERDICTS)('takes its status from a verdict of %s', (verdict) => {
    expect(statusAfter(ftRecorded, verdictIssued('verdict', verdict)).status).toBe(verdict);
  });

  it('beats a contradiction', () => {
    const result = statusAfter(
      ftRecorded,
      contradicted('us-denies', usGovernment),
      verdictIssued('ruling', 'confirmed'),
    );

    expect(result).toMatchObject({
      status: 'confirmed',
      needsReview: false,
      explanation: { rule: 'verdict', eventIds: ['ruling'] },
    });
  });

  it('beats a retraction recorded before it', () => {
    const result = statusAfter(
      ftRecorded,
      retracted('ft-withdraws', financialTimes),
      verdictIssued('ruling', 'refuted'),
    );

    expect(result).toMatchObject({ status: 'refuted', needsReview: false });
  });

  it('follows the latest verdict in stream order', () => {
    const result = statusAfter(
      ftRecorded,
      verdictIssued('first-ruling', 'unproven'),
      verdictIssued('second-ruling', 'misleading'),
    );

    expect(result).toMatchObject({ status: 'misleading', explanation: { eventIds: ['second-ruling'] } });
  });

  it('flags evidence that arrives after the verdict for review, keeping the status', () => {
    const result = statusAfter(
      ftRecorded,
      verdictIssued('ruling', 'unproven'),
      supported('new-evidence', reuters, 'evidence'),
    );

    expect(result).toMatchObject({
      status: 'unproven',
      needsReview: true,
      explanation: { rule: 'verdict', eventIds: ['ruling', 'new-evidence'] },
    });
  });

  it.each([
    ['a contradiction', contradicted('later', usGovernment)],
    ['a retraction', retracted('later', financialTimes)],
    ['a support from the claimant itself', supported('later', familiarSources)],
  ])('flags %s after the verdict for review', (_what, later) => {
    expect(statusAfter(ftRecorded, verdictIssued('ruling', 'confirmed'), later)).toMatchObject({
      status: 'confirmed',
      needsReview: true,
    });
  });

  it('does not flag developments that came before the verdict', () => {
    const result = statusAfter(
      ftRecorded,
      supported('reuters-confirms', reuters),
      contradicted('us-denies', usGovernment),
      verdictIssued('ruling', 'refuted'),
    );

    expect(result).toMatchObject({ needsReview: false, explanation: { eventIds: ['ruling'] } });
  });

  it('does not flag a correction after the verdict', () => {
    const result = statusAfter(ftRecorded, verdictIssued('ruling', 'refuted'), corrected('typo', { language: 'en' }));

    expect(result.needsReview).toBe(false);
  });

  it('clears the review flag with a new verdict', () => {
    const result = statusAfter(
      ftRecorded,
      verdictIssued('first-ruling', 'unproven'),
      supported('new-evidence', reuters, 'evidence'),
      verdictIssued('second-ruling', 'confirmed'),
    );

    expect(result).toMatchObject({
      status: 'confirmed',
      needsReview: false,
      explanation: { eventIds: ['second-ruling'] },
    });
  });
});
