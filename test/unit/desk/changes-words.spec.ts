import { DevelopmentCounts } from '../../../desk/src/api/changes-types';
import { developmentsInWords, developmentTotal, eventTypeInWords } from '../../../desk/src/changes/changes-words';

const none: DevelopmentCounts = {
  claimsRecorded: 0,
  supports: 0,
  contradictions: 0,
  retractions: 0,
  corrections: 0,
  verdicts: 0,
  factChecks: 0,
};

describe('what changed since, in words', () => {
  it('given a night of developments, names each kind that occurred with its count, in one line', () => {
    const counts = { ...none, claimsRecorded: 1, contradictions: 2, verdicts: 1, factChecks: 1 };
    expect(developmentsInWords(counts)).toBe(
      '1 claim recorded, 2 contradictions, 1 desk verdict, 1 outside fact-check',
    );
    expect(developmentTotal(counts)).toBe(5);
  });

  it('given a quiet night, says so', () => {
    expect(developmentsInWords(none)).toBe('no new developments');
    expect(developmentTotal(none)).toBe(0);
  });

  it('names the event that decided a status, registry events included', () => {
    expect(eventTypeInWords('ClaimContradicted')).toBe('a contradiction');
    expect(eventTypeInWords('ClaimFactChecked')).toBe('an outside fact-check');
    expect(eventTypeInWords('PartyAffiliated')).toBe('a party registry change (affiliated)');
  });
});
