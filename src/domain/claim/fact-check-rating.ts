import { FactCheckRating } from './claim.events';

/** schema.org's defaults for a Rating that names no bounds. */
export const DEFAULT_WORST_RATING = 1;
export const DEFAULT_BEST_RATING = 5;

/** Which side of its own true–false line a rating sits on; `unplaced` when it rates in words only. */
export type RatingSide = 'false' | 'true' | 'middle' | 'unplaced';

export interface RatingReading {
  side: RatingSide;
  /** In words, for explanations: `"Mostly false" (2 on 1–5)`. */
  described: string;
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
  const described = `"${text}" (${value} on ${worst}–${best})`;
  const place = (value - worst) / (best - worst);
  if (!Number.isFinite(place)) return { side: 'unplaced', described };
  return { side: place < 0.5 ? 'false' : place > 0.5 ? 'true' : 'middle', described };
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
