import { FactCheckRating } from './claim.events';

/** schema.org's defaults for a Rating that names no bounds. */
export const DEFAULT_WORST_RATING = 1;
export const DEFAULT_BEST_RATING = 5;

/** Which side of its own true–false line a rating sits on; `unplaced` when it rates in words only. */
export type RatingSide = 'false' | 'true' | 'middle' | 'unplaced';

/** What a rating means on its scale, in English whatever the fact-checker's own words. */
export const RATING_MEANINGS = ['false', 'mostly false', 'mixed', 'mostly true', 'true'] as const;
export type RatingMeaning = (typeof RATING_MEANINGS)[number];

export interface RatingReading {
  side: RatingSide;
  /** Absent when the rating has no place on a scale. */
  meaning?: RatingMeaning;
  /** In words, for explanations: the fact-checker's own and what they mean, `"Größtenteils falsch" (2 on 1–5: mostly false)`. */
  described: string;
}

/**
 * The meaning of a place on the scale (0 = worst, 1 = best), by its distance from the midpoint: on it
 * "mixed"; within a quarter of the scale "mostly false" / "mostly true"; beyond, "false" / "true".
 * On schema.org's default 1–5 scale that reads 1 false, 2 mostly false, 3 mixed, 4 mostly true, 5 true.
 */
export function meaningOf(place: number): RatingMeaning {
  const fromMiddle = place - 0.5;
  if (fromMiddle === 0) return 'mixed';
  const side = fromMiddle < 0 ? 'false' : 'true';
  return Math.abs(fromMiddle) <= 0.25 ? `mostly ${side}` : side;
}

/**
 * A fact-checker's scale runs from worst (false) to best (true), in either numeric direction.
 * Below its midpoint the rating says false, above it true; exactly on it, neither.
 */
export function readRating(rating: FactCheckRating): RatingReading {
  const { value, text } = rating;
  if (value === undefined) return { side: 'unplaced', described: `"${text}" (in words only)` };
  const worst = rating.worst ?? DEFAULT_WORST_RATING;
  const best = rating.best ?? DEFAULT_BEST_RATING;
  const onScale = `"${text}" (${value} on ${worst}–${best}`;
  const side = ratingSide(rating);
  if (side === 'unplaced') return { side, described: `${onScale})` };
  const meaning = meaningOf(placeOf(value, rating));
  return { side, meaning, described: `${onScale}: ${meaning})` };
}

/** The rating's place on its scale: 0 is the worst, 1 the best; not finite when the scale has no width. */
const placeOf = (value: number, rating: FactCheckRating) => {
  const worst = rating.worst ?? DEFAULT_WORST_RATING;
  return (value - worst) / ((rating.best ?? DEFAULT_BEST_RATING) - worst);
};

/** `readRating`'s side alone, with no words: the status rule asks it of every fact-check it weighs. */
export function ratingSide(rating: FactCheckRating): RatingSide {
  if (rating.value === undefined) return 'unplaced';
  const place = placeOf(rating.value, rating);
  if (!Number.isFinite(place)) return 'unplaced';
  return place < 0.5 ? 'false' : place > 0.5 ? 'true' : 'middle';
}

/** Why a rating cannot be read on its scale, or undefined when it can. */
export function ratingProblem(rating: FactCheckRating): string | undefined {
  if (rating.value === undefined) return undefined;
  const worst = rating.worst ?? DEFAULT_WORST_RATING;
  const best = rating.best ?? DEFAULT_BEST_RATING;
  if (worst === best) return `the scale's worst and best ratings are both ${best}`;
  if (rating.value < Math.min(worst, best) || rating.value > Math.max(worst, best)) {
    return `the rating ${rating.value} lies outside its scale ${worst}–${best}`;
  }
  return undefined;
}
