import { isFactual, kindOf, otherKindsInWords } from '../../../desk/src/claim/kinds';

describe('claim kinds', () => {
  it('takes a claim without a kind as factual, and the kind from its full view when its summary has none', () => {
    expect(isFactual({})).toBe(true);
    expect(isFactual({ kind: 'opinion' })).toBe(false);
    expect(kindOf({}, { kind: 'prediction' })).toBe('prediction');
    expect(kindOf({ kind: 'opinion' }, { kind: 'factual' })).toBe('opinion');
    expect(kindOf({})).toBe('factual');
  });

  it('counts the opinions and predictions in words, and nothing when there are none', () => {
    expect(otherKindsInWords({ factual: 5, opinion: 1, prediction: 2 })).toBe('1 opinion, 2 predictions');
    expect(otherKindsInWords({ factual: 5, opinion: 0 })).toBeUndefined();
    expect(otherKindsInWords(undefined)).toBeUndefined();
  });
});
