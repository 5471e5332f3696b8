/*
 * Google's fact-check (ClaimReview) structured-data guidance, as its property tables state it:
 * what is required and what is recommended on each object, and the limits it sets.
 */

type Json = Record<string, unknown>;

export const GOOGLE_REQUIRED = {
  ClaimReview: ['claimReviewed', 'reviewRating', 'url'],
  Rating: ['alternateName'],
} as const;

export const GOOGLE_RECOMMENDED = {
  ClaimReview: ['author', 'datePublished', 'itemReviewed'],
  Claim: ['appearance', 'author', 'datePublished', 'firstAppearance'],
  Rating: ['bestRating', 'name', 'ratingValue', 'worstRating'],
} as const;

/** Google asks for claimReviewed under 75 characters, so it does not wrap on a phone. */
export const CLAIM_REVIEWED_LIMIT = 75;

const missing = (object: Json | undefined, keys: readonly string[]) =>
  keys.filter((key) => object?.[key] === undefined || object[key] === '');

/** The required properties that are absent, and the guidance's limits that are broken. */
export function googleRequiredProblems(review: Json): string[] {
  const rating = review.reviewRating as Json | undefined;
  const problems = [
    ...missing(review, GOOGLE_REQUIRED.ClaimReview).map((key) => `ClaimReview.${key} is required`),
    ...missing(rating, GOOGLE_REQUIRED.Rating).map((key) => `Rating.${key} is required`),
  ];
  if (typeof review.url === 'string' && !/^https?:\/\//.test(review.url))
    problems.push('ClaimReview.url must be a URL');
  if (typeof review.claimReviewed === 'string' && [...review.claimReviewed].length > CLAIM_REVIEWED_LIMIT) {
    problems.push(`ClaimReview.claimReviewed has more than ${CLAIM_REVIEWED_LIMIT} characters`);
  }
  for (const author of [review.author ?? []].flat() as Json[]) {
    if (typeof author.name !== 'string' || author.name === '') problems.push('ClaimReview.author needs a name');
    if (!['Organization', 'Person'].includes(String(author['@type'])))
      problems.push('ClaimReview.author must be an Organization or a Person');
  }
  if (rating?.ratingValue !== undefined) {
    const [value, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating].map(Number);
    if (!(value >= Math.min(best, worst) && value <= Math.max(best, worst)))
      problems.push('Rating.ratingValue lies outside worst–best');
  }
  return problems;
}

/** The recommended properties that are absent, by object. */
export function googleRecommendedMissing(review: Json): string[] {
  const claim = review.itemReviewed as Json | undefined;
  const rating = review.reviewRating as Json | undefined;
  return [
    ...missing(review, GOOGLE_RECOMMENDED.ClaimReview).map((key) => `ClaimReview.${key}`),
    ...missing(claim, GOOGLE_RECOMMENDED.Claim).map((key) => `Claim.${key}`),
    ...missing(rating, GOOGLE_RECOMMENDED.Rating).map((key) => `Rating.${key}`),
  ];
}
