import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimView, toClaimView } from '../projections/claim-view';
import { NotFoundError } from './not-found.error';
import { Page, PageRequest } from './page';
import { CLAIM_READ_MODEL, ClaimFilter, ClaimReadModel } from './read-models.port';

export class GetClaimQuery {
  constructor(readonly claimId: string) {}
}

@QueryHandler(GetClaimQuery)
export class GetClaimHandler implements IQueryHandler<GetClaimQuery, ClaimView> {
  constructor(@Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel) {}

  async execute({ claimId }: GetClaimQuery): Promise<ClaimView> {
    const record = this.claims.get(claimId);
    if (!record) throw new NotFoundError(`claim ${claimId}`);
    return toClaimView(record);
  }
}

export class SearchClaimsQuery {
  constructor(
    readonly filter: ClaimFilter,
    readonly page: PageRequest,
  ) {}
}

@QueryHandler(SearchClaimsQuery)
export class SearchClaimsHandler implements IQueryHandler<SearchClaimsQuery, Page<ClaimView>> {
  constructor(@Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel) {}

  async execute({ filter, page }: SearchClaimsQuery): Promise<Page<ClaimView>> {
    return this.claims.search(filter, page);
  }
}
