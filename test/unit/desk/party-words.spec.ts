import { mentionsInWords, periodInWords, relationInWords } from '../../../desk/src/party/party-words';

describe('the party registry in words', () => {
  it('names an affiliation period by its dates as written, open ends said so', () => {
    expect(periodInWords('2024-03-01T00:00:00Z', '2025-12-31T00:00:00Z')).toBe('1 Mar 2024 – 31 Dec 2025');
    expect(periodInWords('2024-03-01T00:00:00+01:00', undefined)).toBe('since 1 Mar 2024');
    expect(periodInWords(undefined, '2025-12-31T23:00:00-05:00')).toBe('until 31 Dec 2025');
    expect(periodInWords(undefined, undefined)).toBe('no dates given');
  });

  it('says in which roles a party was mentioned, only those that occur', () => {
    expect(mentionsInWords({ claimant: 3, reporter: 0, contradictor: 1, factChecker: 2 })).toBe(
      '3 claims made, 1 contradiction, 2 fact-checks',
    );
    expect(mentionsInWords({})).toBe('not mentioned in any claim');
    expect(mentionsInWords(undefined)).toBe('not mentioned in any claim');
  });

  it('words each relation, and one it does not know by its name', () => {
    expect(relationInWords('spokesperson_for')).toBe('spokesperson for');
    expect(relationInWords('advises')).toBe('advises');
  });
});
