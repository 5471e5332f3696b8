import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../../ports/event-store.port';
import { MentionRole } from '../claims/party-mentions';
import { Page, PageRequest } from '../../queries/page';
import { PointInTime } from '../../queries/point-in-time';
import { PARTY_READ_MODEL, PartyReadModel } from '../../queries/read-models.port';
import { RegistryHistory } from '../../queries/registry-history';
import { PartyClaimsAt } from './party-claims-at';
import { partyNotFound } from './party-not-found';
import { PartyClaim } from './party-views';

export class GetPartyClaimsQuery {
  constructor(
    readonly partyId: string,
    readonly page: PageRequest,
    readonly at?: PointInTime,
    readonly role?: MentionRole,
  ) {}
}

/**
 * The claims whose mentions resolved to the party (for a merged duplicate: to the party it was merged
 * into), one item per claim and role, now or as the log and the registry stood at the point. A name
 * on the list of unregistered names has its claims too.
 */
@QueryHandler(GetPartyClaimsQuery)
export class GetPartyClaimsHandler implements IQueryHandler<GetPartyClaimsQuery, Page<PartyClaim>> {
  private readonly claimsAt: PartyClaimsAt;

  constructor(
    private readonly registries: RegistryHistory,
    @Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.claimsAt = new PartyClaimsAt(store, parties);
  }

  async execute({ partyId, page, at, role }: GetPartyClaimsQuery): Promise<Page<PartyClaim>> {
    if (at) return this.pageAt(partyId, page, at, role);
    const registry = await this.registries.at();
    if (!registry.party(partyId) && !this.parties.mentionTallies([partyId]).has(partyId)) {
      throw partyNotFound(partyId, 0);
    }
    return this.parties.claimsOf(registry.canonicalId(partyId), page, role);
  }

  /** Not found at the point: neither registered then nor named by a claim known then. */
  private async pageAt(
    partyId: string,
    page: PageRequest,
    at: PointInTime,
    role: MentionRole | undefined,
  ): Promise<Page<PartyClaim>> {
    const registry = await this.registries.at(at);
    const answer = await this.claimsAt.page(partyId, registry, at, page, role);
    if (!registry.party(partyId) && answer.items.length === 0 && page.cursor === undefined) {
      throw partyNotFound(partyId, 0, at);
    }
    return answer;
  }
}
