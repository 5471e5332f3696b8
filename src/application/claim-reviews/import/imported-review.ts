import { createHash } from 'node:crypto';
import { ClaimContent, FactCheckData, FactCheckRating } from '../../../domain/claim/claim.events';
import { DEFAULT_BEST_RATING, DEFAULT_WORST_RATING, ratingProblem } from '../../../domain/claim/fact-check-rating';
import { Party, PartyKind } from '../../../domain/party';
import { slugify } from '../../../domain/slug';
import { Source } from '../../../domain/source';
import {
  DocumentProblem,
  InvalidClaimReviewDocumentError,
  ParsedReview,
  parseClaimReviewDocument,
} from './claim-review-document';

/** One outside review, ready to become a claim and its fact-check. */
export interface ImportedReview {
  /** The review's address (its url, else its @id): what makes an import idempotent. */
  url: string;
  /** Derived from the address, so the same review always lands on the same claim. */
  claimId: string;
  content: ClaimContent;
  factCheck: FactCheckData;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a review names no author of the claim: recorded as an unattributed claim of an unknown source. */
export const UNKNOWN_CLAIMANT: Party = { id: 'unknown-claimant', name: 'Unknown claimant', kind: 'anonymous' };

const KINDS: Record<string, PartyKind> = {
  Person: 'person',
  GovernmentOrganization: 'government',
  NewsMediaOrganization: 'media',
};

/** `fc-<host>-<hash>`: readable, a slug, and the same for the same address on every replica. */
export function claimIdForReview(url: string): string {
  const host = slugify(new URL(url).hostname).slice(0, 40).replace(/-+$/, '');
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
  return host ? `fc-${host}-${hash}` : `fc-${hash}`;
}

/**
 * Reads another fact-checker's document whole, before anything is written: every problem (JSON path
 * and reason) or every review mapped to a claim and a fact-check. `now` bounds dates in the future.
 */
export function importedReviewsOf(document: unknown, now: number): ImportedReview[] {
  const problems: DocumentProblem[] = [];
  const reviews = parseClaimReviewDocument(document).map(({ path, review }) => toImported(review, path, now, problems));
  if (problems.length > 0) throw new InvalidClaimReviewDocumentError(problems.slice(0, 20));
  return reviews;
}

function toImported(review: ParsedReview, path: string, now: number, problems: DocumentProblem[]): ImportedReview {
  const problem = (field: string, message: string) => problems.push({ field: `${path}.${field}`, message });
  const url = (review.url ?? review['@id']) as string;
  const party = (agent: { types: string[]; name: string }, field: string, otherwise: PartyKind): Party => {
    const id = slugify(agent.name);
    if (id === '') problem(`${field}.name`, 'has no letter or digit to derive a party id from');
    return { id, name: agent.name, kind: agent.types.map((type) => KINDS[type]).find(Boolean) ?? otherwise };
  };
  const item = review.itemReviewed;
  const appearances: Source[] = [item?.firstAppearance, ...[item?.appearance ?? []].flat()].filter(
    (work): work is Source => work !== undefined,
  );
  const occurred = item?.datePublished ?? appearances.find((work) => work.publishedAt) ?? review.datePublished;
  const [occurredAt, occurredAtPrecision] =
    'url' in occurred
      ? [occurred.publishedAt as string, occurred.publishedAtPrecision]
      : [occurred.at, occurred.precision];
  if (Date.parse(occurredAt) > now + DAY_MS)
    problem('itemReviewed.datePublished', 'lies more than 24 hours in the future');
  const published = review.datePublished;
  if (Date.parse(published.at) > now + DAY_MS) problem('datePublished', 'lies more than 24 hours in the future');
  const claimant = item?.author ? party(item.author, 'itemReviewed.author', 'organization') : UNKNOWN_CLAIMANT;
  const rated = review.reviewRating;
  const rating: FactCheckRating = {
    ...(rated.ratingValue !== undefined
      ? {
          value: rated.ratingValue,
          best: rated.bestRating ?? DEFAULT_BEST_RATING,
          worst: rated.worstRating ?? DEFAULT_WORST_RATING,
        }
      : {}),
    text: (rated.alternateName ?? rated.name) as string,
  };
  const unreadable = ratingProblem(rating);
  if (unreadable) problem('reviewRating.ratingValue', unreadable);
  const source = appearances[0];
  return {
    url,
    claimId: claimIdForReview(url),
    content: {
      statement: review.claimReviewed,
      kind: 'factual',
      language: item?.inLanguage ?? review.inLanguage ?? 'und',
      claimant,
      attribution: item?.author ? 'on_record' : 'unattributed',
      occurredAt,
      ...(occurredAtPrecision ? { occurredAtPrecision } : {}),
      ...(source ? { source } : {}),
      tags: [],
    },
    factCheck: {
      by: party(review.author, 'author', 'organization'),
      rating,
      url,
      publishedAt: published.at,
      ...(published.precision ? { publishedAtPrecision: published.precision } : {}),
    },
  };
}
