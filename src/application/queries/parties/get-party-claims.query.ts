import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page, PageRequest } from '../page';
import { PARTY_READ_MODEL, PartyReadModel } from '../read-models.port';
import { RegistryHistory } from '../registry-history';
import { partyNotFound } from './party-not-found';
import { PartyClaim } from './party-views';

export class GetPartyClaimsQuery {
  constructor(
    readonly partyId: string,
    readonly page: PageRequest,
  ) {}
}

/**
 * The claims whose mentions resolved to the party (for a merged duplicate: to the party it was merged
 * into), one item per claim and role. A name on the list of unregistered names has its claims too.
 */
@QueryHandler(GetPartyClaimsQuery)
export class GetPartyClaimsHandler implements IQueryHandler<GetPartyClaimsQuery, Page<PartyClaim>> {
  constructor(
    private readonly registries: RegistryHistory,
    @Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel,
  ) {}

  async execute({ partyId, page }: GetPartyClaimsQuery): Promise<Page<PartyClaim>> {
    const registry = await this.registries.at();
    if (!registry.party(partyId) && !this.parties.mentionTallies([partyId]).has(partyId)) {
      throw partyNotFound(partyId, 0);
    }
    return this.parties.claimsOf(registry.canonicalId(partyId), page);
  }
}
