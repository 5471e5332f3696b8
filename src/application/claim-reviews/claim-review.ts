import type {
  Claim,
  ClaimReview,
  CreativeWork,
  GovernmentOrganization,
  NewsMediaOrganization,
  Organization,
  Person,
  Rating,
  WithContext,
} from 'schema-dts';
import { Party, PartyKind } from '../../domain/party';
import { ClaimView } from '../read-models/claims/claim-view';
import { NotFoundError } from '../queries/not-found.error';
import { claimReviewedOf } from './claim-reviewed';
import { kindOf, publicationOf } from './publication';
import { RatingScale } from './rating-scale';

/** Who publishes the reviews, and where this service answers for the ones it serves. */
export interface ReviewPublisher {
  newsroomName: string;
  newsroomUrl?: string;
  ratingScale: RatingScale;
  /** The service's own base URL as the caller reached it; the @id's base when there is no newsroom URL. */
  serviceUrl: string;
}

/** Why a claim has no ClaimReview to serve: no verdict, not published, or not a factual claim. */
export class NoClaimReviewError extends NotFoundError {
  constructor(readonly reason: string) {
    super('a ClaimReview');
    this.message = reason;
    this.name = 'NoClaimReviewError';
  }
}

type Agent = Person | Organization | GovernmentOrganization | NewsMediaOrganization;

type AgentType = 'Person' | 'Organization' | 'GovernmentOrganization' | 'NewsMediaOrganization';

const SCHEMA_TYPES: Record<Exclude<PartyKind, 'anonymous'>, AgentType> = {
  person: 'Person',
  government: 'GovernmentOrganization',
  organization: 'Organization',
  media: 'NewsMediaOrganization',
};

/**
 * A party as schema.org knows it. An anonymous source is nobody we can name, neither a Person nor
 * an Organization: it is left out rather than dressed up as someone.
 */
export function asAgent(party: Party | undefined): Agent | undefined {
  if (!party || party.kind === 'anonymous') return undefined;
  return { '@type': SCHEMA_TYPES[party.kind], name: party.name } as Agent;
}

const language = (tag: string) => (tag === 'und' ? {} : { inLanguage: tag });

/**
 * Where the claim appeared: its own source, then the sources of its supports; each address once,
 * oldest first. No publisher is named: a source may quote the reporting outlet rather than be its.
 */
function appearances(view: ClaimView): CreativeWork[] {
  const candidates = [
    ...(view.source ? [{ source: view.source, at: view.occurredAt }] : []),
    ...view.supports.flatMap((support) => (support.source ? [{ source: support.source, at: support.occurredAt }] : [])),
  ];
  const seen = new Set<string>();
  return candidates
    .filter(({ source }) => !seen.has(source.url) && seen.add(source.url))
    .map((candidate, order) => ({
      ...candidate,
      order,
      time: Date.parse(candidate.source.publishedAt ?? candidate.at),
    }))
    .sort((a, b) => a.time - b.time || a.order - b.order)
    .map(({ source }) => ({
      '@type': 'CreativeWork',
      url: source.url,
      ...(source.title ? { headline: source.title } : {}),
      ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
    }));
}

function reviewRating(view: ClaimView, scale: RatingScale): Rating {
  const verdict = view.verdict;
  if (!verdict) throw new NoClaimReviewError(`claim ${view.id} has no verdict yet`);
  const { value, name } = scale.verdicts[verdict.verdict];
  return {
    '@type': 'Rating',
    ...(value !== undefined ? { ratingValue: value, bestRating: scale.best, worstRating: scale.worst } : {}),
    name,
    alternateName: verdict.ratingText ?? name,
  };
}

function reviewId(view: ClaimView, publisher: ReviewPublisher): string {
  const id = encodeURIComponent(view.id);
  if (publisher.newsroomUrl) return `${publisher.newsroomUrl.replace(/\/+$/, '')}/claimreviews/${id}`;
  return `${publisher.serviceUrl.replace(/\/+$/, '')}/v1/claims/${id}/claimreview`;
}

/**
 * schema.org ClaimReview of the claim's latest verdict, as Google's fact-check guidance asks for it:
 * the published fact-check's address, the short claim, the rating in the desk's words and on the
 * configured scale, the newsroom (and the reviewer) as author, and the claim with its author and
 * where it appeared. Dates are the verdicts' `recordedAt`, which no client can backdate.
 */
export function toClaimReview(view: ClaimView, publisher: ReviewPublisher): ClaimReview {
  const verdict = view.verdict;
  if (!verdict) throw new NoClaimReviewError(`claim ${view.id} has no verdict yet`);
  const kind = kindOf(view);
  if (kind !== 'factual') {
    throw new NoClaimReviewError(
      `claim ${view.id} is ${kind === 'opinion' ? 'an' : 'a'} ${kind}: ClaimReview is published for factual claims only`,
    );
  }
  const publication = publicationOf(view.verdicts);
  if (!publication) {
    throw new NoClaimReviewError(
      `claim ${view.id} is ruled but not published: no verdict names its reviewUrl (the published fact-check); issue the verdict with one`,
    );
  }
  const newsroom: Organization = {
    '@type': 'Organization',
    name: publisher.newsroomName,
    ...(publisher.newsroomUrl ? { url: publisher.newsroomUrl } : {}),
  };
  const reviewer: Person | undefined = verdict.reviewer ? { '@type': 'Person', name: verdict.reviewer } : undefined;
  const seen = appearances(view);
  const claimAuthor = asAgent(view.claimant);
  const itemReviewed: Claim = {
    '@type': 'Claim',
    ...(claimAuthor ? { author: claimAuthor } : {}),
    datePublished: view.occurredAt,
    ...language(view.language),
    ...(seen.length > 0 ? { appearance: seen, firstAppearance: seen[0] } : {}),
  };
  return {
    '@type': 'ClaimReview',
    '@id': reviewId(view, publisher),
    identifier: view.id,
    url: publication.url,
    claimReviewed: claimReviewedOf(view),
    reviewBody: verdict.rationale,
    reviewRating: reviewRating(view, publisher.ratingScale),
    author: reviewer ? [newsroom, reviewer] : newsroom,
    datePublished: publication.publishedAt,
    ...(publication.modifiedAt ? { dateModified: publication.modifiedAt } : {}),
    ...language(view.language),
    itemReviewed,
  };
}

/** The review as a document of its own (JSON-LD with its context). */
export function claimReviewDocument(view: ClaimView, publisher: ReviewPublisher): WithContext<ClaimReview> {
  return { '@context': 'https://schema.org', ...toClaimReview(view, publisher) } as WithContext<ClaimReview>;
}
