import { readRating } from '../../../src/domain/claim/fact-check-rating';

const meaning = (value: number, worst = 1, best = 5) => readRating({ value, worst, best, text: 'x' }).meaning;

describe("a fact-checker's rating in English, by its place on the scale", () => {
  it('reads the default 1–5 scale as false, mostly false, mixed, mostly true, true', () => {
    expect([1, 2, 3, 4, 5].map((value) => meaning(value))).toEqual([
      'false',
      'mostly false',
      'mixed',
      'mostly true',
      'true',
    ]);
  });

  it('calls "mostly" what lies within a quarter of the scale from its midpoint, on either side', () => {
    expect([0, 2, 3, 5, 7, 8, 10].map((value) => meaning(value, 0, 10))).toEqual([
      'false',
      'false',
      'mostly false',
      'mixed',
      'mostly true',
      'true',
      'true',
    ]);
  });

  it('reads a scale whose numbers run from best to worst', () => {
    expect(meaning(1, 4, 1)).toBe('true');
    expect(meaning(3, 4, 1)).toBe('mostly false');
  });

  it('gives no meaning to a rating in words only', () => {
    expect(readRating({ text: 'Missing context' }).meaning).toBeUndefined();
  });
});
