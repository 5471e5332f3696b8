import { retractedInWords } from '../../../desk/src/storyline/retracted-words';

describe('retracted claims in words', () => {
  it('says how many claims were retracted and how many of them still wait for a verdict', () => {
    expect(retractedInWords(1, 1)).toBe('1 claim retracted, no verdict yet');
    expect(retractedInWords(2, 0)).toBe('2 claims retracted, ruled on since');
    expect(retractedInWords(3, 1)).toBe('3 claims retracted, 1 without a verdict yet');
  });
});
