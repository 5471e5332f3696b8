import { ClaimStatusResult, claimStatus } from '../../../src/domain/claim/claim-status';
import { weighEvidence } from '../../../src/domain/claim/weighed-evidence';
import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { fold } from '../../../src/domain/decider';
import { RecordedClaim } from '../../../src/domain/claim/claim.state';
import { Identified } from '../../../src/domain/identified';
import {
  contradicted,
  correctiv,
  factChecked,
  familiarSources,
  financialTimes,
  recorded,
  reuters,
  supported,
  verdictIssued,
} from './claim-fixtures';

function claimAfter(...history: Identified<ClaimEvent>[]): RecordedClaim {
  const claim = fold(claimDecider, history);
  if (claim === null) throw new Error('the history never records the claim');
  return claim;
}
const statusAfter = (...history: Identified<ClaimEvent>[]): ClaimStatusResult => claimStatus(claimAfter(...history));

const ftRecorded = recorded('recorded');
const FALSE = { value: 1, best: 5, worst: 1, text: 'Falsch' };
const MOSTLY_FALSE = { value: 2, best: 5, worst: 1, text: 'Mostly false' };
const HALF_TRUE = { value: 3, best: 5, worst: 1, text: 'Half true' };
const TRUE = { value: 5, best: 5, worst: 1, text: 'True' };

describe('claim status with outside fact-checks: evidence, never the verdict', () => {
  it('is disputed by a fact-check rated in the false part of its scale, explained by that event', () => {
    expect(statusAfter(ftRecorded, factChecked('correctiv-false', correctiv, MOSTLY_FALSE))).toMatchObject({
      status: 'disputed',
      explanation: {
        rule: 'contradicted',
        eventIds: ['correctiv-false'],
        summary: 'Rated mostly false by Correctiv (fact-check).',
      },
    });
  });

  it('summarises each rating by its place on the scale, in English, never in the fact-checker’s words', () => {
    const result = statusAfter(
      ftRecorded,
      factChecked('correctiv', correctiv, { value: 2, best: 5, worst: 1, text: 'Größtenteils falsch' }),
      factChecked('reuters', reuters, { value: 0, best: 10, worst: 0, text: 'Falso' }),
    );
    expect(result.explanation.summary).toBe(
      'Rated mostly false by Correctiv (fact-check); rated false by Reuters (fact-check).',
    );
  });

  it('names both a contradiction and a false rating as deciding', () => {
    const result = statusAfter(
      ftRecorded,
      contradicted('us-denies', reuters),
      factChecked('correctiv-false', correctiv, FALSE),
    );
    expect(result.explanation.eventIds).toEqual(['us-denies', 'correctiv-false']);
    expect(result.explanation.summary).toBe('Contradicted by Reuters; rated false by Correctiv (fact-check).');
  });

  it('is corroborated by a fact-check rated in the true part of its scale, from an independent party', () => {
    expect(statusAfter(ftRecorded, factChecked('correctiv-true', correctiv, TRUE))).toMatchObject({
      status: 'corroborated',
      explanation: { rule: 'independent_support', eventIds: ['correctiv-true'] },
    });
  });

  it('reads scales whose numbers run the other way, from best to worst', () => {
    const reversed = { value: 1, best: 1, worst: 4, text: 'Wahr' };
    expect(statusAfter(ftRecorded, factChecked('reversed', correctiv, reversed)).status).toBe('corroborated');
  });

  it('is neither for a rating in the middle of its scale, or one in words only, and says so', () => {
    const claim = claimAfter(
      ftRecorded,
      factChecked('half', correctiv, HALF_TRUE),
      factChecked('words', correctiv, { text: 'Missing context' }),
    );
    expect(claimStatus(claim)).toMatchObject({
      status: 'unverified',
      explanation: { eventIds: ['recorded', 'half', 'words'] },
    });
    const [half, words] = weighEvidence(claim).factChecks;
    expect(half.meaning).toBe('mixed');
    expect(words.meaning).toBeUndefined();
    expect(weighEvidence(claim).factChecks).toMatchObject([
      { effect: 'neither', counts: false, reason: expect.stringContaining('the middle of its scale') },
      { effect: 'neither', counts: false, reason: expect.stringContaining('no place on a true–false scale') },
    ]);
  });

  it('does not count a true rating from the claimant or the reporting outlet: independence applies', () => {
    for (const party of [familiarSources, financialTimes]) {
      const claim = claimAfter(ftRecorded, factChecked('own', party, TRUE));
      expect(claimStatus(claim).status).toBe('unverified');
      expect(weighEvidence(claim).factChecks[0]).toMatchObject({ effect: 'support', counts: false });
    }
  });

  it('lets a later review at the same address replace an earlier one', () => {
    const url = 'https://factcheck.example.net/donbass';
    const result = statusAfter(
      ftRecorded,
      factChecked('first-rating', correctiv, FALSE, url),
      factChecked('re-rated', correctiv, TRUE, url),
    );
    expect(result).toMatchObject({ status: 'corroborated', explanation: { eventIds: ['re-rated'] } });
  });

  it('never overrides the desk: a verdict decides, and a fact-check after it asks for review', () => {
    const result = statusAfter(
      ftRecorded,
      verdictIssued('desk-rules', 'confirmed'),
      factChecked('correctiv-false', correctiv, FALSE),
    );
    expect(result).toMatchObject({
      status: 'confirmed',
      needsReview: true,
      explanation: { rule: 'verdict', eventIds: ['desk-rules', 'correctiv-false'] },
    });
  });

  it('leaves a support that counts standing beside a fact-check that does not', () => {
    const result = statusAfter(
      ftRecorded,
      supported('reuters-confirms', reuters),
      factChecked('half', correctiv, HALF_TRUE),
    );
    expect(result.explanation.eventIds).toEqual(['reuters-confirms']);
  });
});
