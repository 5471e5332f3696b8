import { effectInWords, ratingInWords } from '../../../desk/src/claim/fact-check-words';

describe('an outside fact-check in words', () => {
  it('given a worded rating on a numeric scale, gives both the words and the place on the scale', () => {
    expect(ratingInWords({ value: 2, best: 5, worst: 1, text: 'Größtenteils falsch' })).toBe(
      '“Größtenteils falsch”, 2 on its scale from 1 (false) to 5 (true)',
    );
  });

  it('given what the rating means, says it in English beside the fact-checker’s own words', () => {
    expect(ratingInWords({ value: 2, best: 5, worst: 1, text: 'Größtenteils falsch' }, 'mostly false')).toBe(
      '“Größtenteils falsch” (mostly false), 2 on its scale from 1 (false) to 5 (true)',
    );
  });

  it('given a value without its scale, uses the scale the API assumes (1 to 5)', () => {
    expect(ratingInWords({ value: 4 })).toBe('4 on its scale from 1 (false) to 5 (true)');
  });

  it('given a scale that runs the other way, names its ends as they are', () => {
    expect(ratingInWords({ value: 0, worst: 0, best: 10, text: 'Falsch' })).toBe(
      '“Falsch”, 0 on its scale from 0 (false) to 10 (true)',
    );
  });

  it('given words only, says there is no number', () => {
    expect(ratingInWords({ text: 'Needs context' })).toBe('“Needs context”, in words only');
    expect(ratingInWords(undefined)).toBe('no rating given');
  });

  it('says what the rating does to the status, counting or not', () => {
    expect(effectInWords({ effect: 'contradiction', counts: true })).toBe('Counts as a contradiction');
    expect(effectInWords({ effect: 'support', counts: false })).toBe('A support that does not count');
    expect(effectInWords({ effect: 'neither', counts: false })).toBe('Neither support nor contradiction');
    expect(effectInWords({ counts: false })).toBe('Does not count towards the status');
  });
});
