import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimView } from './claim-view';
import { NotFoundError } from '../../queries/not-found.error';
import { Page, PageRequest } from '../../queries/page';
import { PointInTime, describePointInTime } from '../../queries/point-in-time';
import { TimeTravel } from '../../queries/time-travel';
import { CLAIM_READ_MODEL, ClaimFilter, ClaimReadModel } from '../../queries/read-models.port';

export class GetClaimQuery {
  constructor(
    readonly claimId: string,
    readonly at?: PointInTime,
  ) {}
}

@QueryHandler(GetClaimQuery)
export class GetClaimHandler implements IQueryHandler<GetClaimQuery, ClaimView> {
  constructor(
    @Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel,
    private readonly timeTravel: TimeTravel,
  ) {}

  async execute({ claimId, at }: GetClaimQuery): Promise<ClaimView> {
    const view = at ? await this.timeTravel.claim(claimId, at) : this.claims.get(claimId);
    if (!view) throw new NotFoundError(`claim ${claimId}${at ? ` ${describePointInTime(at)}` : ''}`);
    return view;
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
