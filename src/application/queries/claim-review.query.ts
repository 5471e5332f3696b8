import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ClaimReview, WithContext } from 'schema-dts';
import { ReviewPublisher, claimReviewDocument } from '../claim-reviews/claim-review';
import { NotFoundError } from './not-found.error';
import { CLAIM_READ_MODEL, ClaimReadModel } from './read-models.port';

export class GetClaimReviewQuery {
  constructor(
    readonly claimId: string,
    readonly publisher: ReviewPublisher,
  ) {}
}

@QueryHandler(GetClaimReviewQuery)
export class GetClaimReviewHandler implements IQueryHandler<GetClaimReviewQuery, WithContext<ClaimReview>> {
  constructor(@Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel) {}

  async execute({ claimId, publisher }: GetClaimReviewQuery): Promise<WithContext<ClaimReview>> {
    const view = this.claims.get(claimId);
    if (!view) throw new NotFoundError(`claim ${claimId}`);
    return claimReviewDocument(view, publisher);
  }
}
