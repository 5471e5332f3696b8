import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Verdict } from '../../domain/claim/claim.events';
import { Party } from '../../domain/party';
import { ClaimView } from '../projections/claim-view';
import { NotFoundError } from './not-found.error';
import { CLAIM_READ_MODEL, ClaimReadModel } from './read-models.port';

/** Verdicts on schema.org's 1 (false) to 5 (true) scale. */
const RATINGS: Record<Verdict, { value: number; name: string }> = {
  refuted: { value: 1, name: 'False' },
  misleading: { value: 2, name: 'Misleading' },
  unproven: { value: 3, name: 'Unproven' },
  confirmed: { value: 5, name: 'True' },
};

const SCHEMA_TYPES: Record<Party['kind'], string> = {
  person: 'Person',
  government: 'GovernmentOrganization',
  organization: 'Organization',
  media: 'NewsMediaOrganization',
  anonymous: 'Person',
};

const asThing = (party: Party) => ({ '@type': SCHEMA_TYPES[party.kind], name: party.name });

/** schema.org ClaimReview (JSON-LD) of the claim's latest verdict. */
export function toClaimReview(view: ClaimView, reviewer: string): Record<string, unknown> {
  const verdict = view.verdict;
  if (!verdict) throw new NotFoundError(`a verdict on claim ${view.id}`);
  const rating = RATINGS[verdict.verdict];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: view.id,
    datePublished: verdict.occurredAt,
    claimReviewed: view.statement,
    reviewBody: verdict.rationale,
    author: { '@type': 'Organization', name: reviewer },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
    },
    itemReviewed: {
      '@type': 'Claim',
      author: asThing(view.claimant),
      datePublished: view.occurredAt,
      inLanguage: view.language,
      ...(view.source
        ? {
            appearance: {
              '@type': 'CreativeWork',
              url: view.source.url,
              ...(view.source.title ? { headline: view.source.title } : {}),
              ...(view.reportedBy ? { publisher: asThing(view.reportedBy) } : {}),
            },
          }
        : {}),
    },
  };
}

export class GetClaimReviewQuery {
  constructor(
    readonly claimId: string,
    readonly reviewer: string,
  ) {}
}

@QueryHandler(GetClaimReviewQuery)
export class GetClaimReviewHandler implements IQueryHandler<GetClaimReviewQuery, Record<string, unknown>> {
  constructor(@Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel) {}

  async execute({ claimId, reviewer }: GetClaimReviewQuery): Promise<Record<string, unknown>> {
    const view = this.claims.get(claimId);
    if (!view) throw new NotFoundError(`claim ${claimId}`);
    return toClaimReview(view, reviewer);
  }
}
