import { z } from 'zod';

/*
 * ClaimReview documents as other fact-checkers publish them: one ClaimReview, an array of them, a
 * DataFeed (its elements bare or wrapped in DataFeedItem), or JSON-LD's @graph. Only what an import
 * takes is checked; every other property is left alone. Each problem is named by its JSON path.
 */

export interface DocumentProblem {
  /** JSON path of the value, e.g. `$.dataFeedElement[2].reviewRating.ratingValue`. */
  field: string;
  message: string;
}

export class InvalidClaimReviewDocumentError extends Error {
  constructor(readonly problems: DocumentProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
    this.name = 'InvalidClaimReviewDocumentError';
  }
}

/** A document this long is not one fact-checker's feed page; the 64 KiB body limit comes first anyway. */
export const MAX_REVIEWS_PER_DOCUMENT = 500;
const MAX_PROBLEMS = 20;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const httpUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .regex(/^https?:\/\/[^\s/?#]+\S*$/i, 'must be an http(s) URL')
  .refine((value) => URL.canParse(value), 'must be an http(s) URL');

/**
 * Dates as fact-checkers write them; a date alone, or a time without offset, is read as UTC. A date
 * alone is known to the day only: it keeps that precision, so nobody reads an hour into it.
 */
const dated = z
  .string()
  .trim()
  .transform((value, context) => {
    const at = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : LOCAL_TIME.test(value) ? `${value}Z` : value;
    if (WITH_OFFSET.test(at) && !Number.isNaN(Date.parse(at))) {
      return { at, ...(DATE_ONLY.test(value) ? { precision: 'day' as const } : {}) };
    }
    context.addIssue({
      code: 'custom',
      message: 'must be an ISO 8601 date or time, e.g. 2026-01-27 or 2026-01-27T18:00:00+01:00',
    });
    return z.NEVER;
  });

/** Numbers in ratings often come as strings ("1"). */
const ratingNumber = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number),
]);

/** `"ClaimReview"`, `"schema:ClaimReview"`, `"https://schema.org/ClaimReview"`, or a list holding one. */
const typeName = (value: string) => value.replace(/^(https?:\/\/schema\.org\/|schema:)/, '');
const typeList = z.union([z.string(), z.array(z.string())]).transform((value) => [value].flat().map(typeName));
const isType = (types: unknown, name: string) =>
  [types].flat().some((type) => typeof type === 'string' && typeName(type) === name);

const agent = z
  .object({ '@type': typeList.optional(), name: text(200) })
  .passthrough()
  .transform(({ '@type': types, name }) => ({ types: types ?? [], name }));
/** The first of several authors is the one recorded. */
const oneAgent = z
  .union([agent, z.array(agent).nonempty('must name at least one')])
  .transform((value) => [value].flat()[0]);

const creativeWork = z
  .object({ url: httpUrl, headline: text(500).optional(), name: text(500).optional(), datePublished: dated.optional() })
  .passthrough()
  .transform(({ url, headline, name, datePublished }) => ({
    url,
    ...((headline ?? name) ? { title: (headline ?? name) as string } : {}),
    ...(datePublished ? { publishedAt: datePublished.at } : {}),
    ...(datePublished?.precision ? { publishedAtPrecision: datePublished.precision } : {}),
  }));
const appearance = z.union([httpUrl.transform((url) => ({ url })), creativeWork]);

const languageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as de or en-GB');

const claim = z
  .object({
    author: oneAgent.optional(),
    datePublished: dated.optional(),
    appearance: z.union([appearance, z.array(appearance)]).optional(),
    firstAppearance: appearance.optional(),
    inLanguage: languageTag.optional(),
  })
  .passthrough();

const rating = z
  .object({
    ratingValue: ratingNumber.optional(),
    bestRating: ratingNumber.optional(),
    worstRating: ratingNumber.optional(),
    alternateName: text(200).optional(),
    name: text(200).optional(),
  })
  .passthrough()
  .refine((value) => value.alternateName !== undefined || value.name !== undefined, {
    message: 'must rate in words: alternateName (or name)',
    path: ['alternateName'],
  });

const review = z
  .object({
    '@type': typeList.refine((types) => types.includes('ClaimReview'), 'must be ClaimReview'),
    '@id': z.string().optional(),
    url: httpUrl.optional(),
    claimReviewed: text(2000),
    reviewRating: z.union([rating, z.array(rating).nonempty()]).transform((value) => [value].flat()[0]),
    author: oneAgent,
    datePublished: dated,
    itemReviewed: claim.optional(),
    inLanguage: languageTag.optional(),
  })
  .passthrough()
  .superRefine((value, context) => {
    if (value.url === undefined && !httpUrl.safeParse(value['@id']).success) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: "is required (the fact-check's http(s) address), or an http(s) @id",
      });
    }
  });

export type ParsedReview = z.output<typeof review>;

/** A review found in the document, and where. */
interface Located {
  path: Array<string | number>;
  value: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function reviewsIn(document: unknown): { found: Located[]; problems: DocumentProblem[] } {
  const each = (values: unknown[], path: Array<string | number>, unwrap: boolean) =>
    values.map((value, index) => {
      const wrapped = unwrap && isRecord(value) && isType(value['@type'], 'DataFeedItem');
      return wrapped ? { path: [...path, index, 'item'], value: value.item } : { path: [...path, index], value };
    });
  if (Array.isArray(document)) return { found: each(document, [], false), problems: [] };
  if (!isRecord(document)) {
    return { found: [], problems: [{ field: '$', message: 'must be a ClaimReview, an array of them, or a DataFeed' }] };
  }
  if (Array.isArray(document['@graph'])) return { found: each(document['@graph'], ['@graph'], true), problems: [] };
  if (isType(document['@type'], 'DataFeed')) {
    if (!Array.isArray(document.dataFeedElement)) {
      return { found: [], problems: [{ field: '$.dataFeedElement', message: 'must be an array of ClaimReviews' }] };
    }
    return { found: each(document.dataFeedElement, ['dataFeedElement'], true), problems: [] };
  }
  return { found: [{ path: [], value: document }], problems: [] };
}

export function jsonPath(path: Array<string | number>): string {
  return path.reduce<string>(
    (where, part) =>
      typeof part === 'number'
        ? `${where}[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `${where}.${part}`
          : `${where}['${part}']`,
    '$',
  );
}

/** Every review of the document, or every problem (up to 20) with its JSON path: the document is checked whole. */
export function parseClaimReviewDocument(document: unknown): Array<{ path: string; review: ParsedReview }> {
  const { found, problems } = reviewsIn(document);
  if (problems.length === 0 && found.length === 0) problems.push({ field: '$', message: 'holds no ClaimReview' });
  if (found.length > MAX_REVIEWS_PER_DOCUMENT) {
    problems.push({
      field: '$',
      message: `holds ${found.length} reviews; import at most ${MAX_REVIEWS_PER_DOCUMENT} at a time`,
    });
  }
  const reviews: Array<{ path: string; review: ParsedReview }> = [];
  for (const { path, value } of found) {
    const parsed = review.safeParse(value);
    if (parsed.success) reviews.push({ path: jsonPath(path), review: parsed.data });
    else
      problems.push(
        ...parsed.error.issues.map((issue) => ({ field: jsonPath([...path, ...issue.path]), message: issue.message })),
      );
  }
  if (problems.length > 0) throw new InvalidClaimReviewDocumentError(problems.slice(0, MAX_PROBLEMS));
  return reviews;
}
