import { FactCheck, FactCheckRating, RatingMeaning } from '../api/types';

/** The numeric part of a rating on the fact-checker's own scale; the API's defaults are 1 (false) to 5 (true). */
export function ratingOnScale(rating: FactCheckRating | undefined): string | undefined {
  if (rating?.value === undefined) return undefined;
  const worst = rating.worst ?? 1;
  const best = rating.best ?? 5;
  return `${rating.value} on its scale from ${worst} (false) to ${best} (true)`;
}

/**
 * The rating as the fact-checker worded it, in their language; what it means in English (the API reads
 * it from its place on the scale); and that place when it is numeric.
 */
export function ratingInWords(rating: FactCheckRating | undefined, meaning?: RatingMeaning): string {
  const scale = ratingOnScale(rating);
  const words = rating?.text ? `“${rating.text}”` : undefined;
  const text = words && meaning ? `${words} (${meaning})` : words;
  if (text && scale) return `${text}, ${scale}`;
  if (text) return `${text}, in words only`;
  return scale ?? 'no rating given';
}

/** What the rating does to the claim's status: an outside fact-check is evidence, never the desk's verdict. */
export function effectInWords(check: Pick<FactCheck, 'effect' | 'counts'>): string {
  const counts = check.counts ?? check.effect !== 'neither';
  switch (check.effect) {
    case 'contradiction':
      return counts ? 'Counts as a contradiction' : 'A contradiction that does not count';
    case 'support':
      return counts ? 'Counts as a support' : 'A support that does not count';
    case 'neither':
      return 'Neither support nor contradiction';
    default:
      return counts ? 'Counts towards the status' : 'Does not count towards the status';
  }
}
