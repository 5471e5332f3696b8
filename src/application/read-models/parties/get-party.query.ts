import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { partyStreamId } from '../../../domain/party/party.events';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { EVENT_STORE, EventStore, StoredEvent } from '../../ports/event-store.port';
import { PointInTime, knownAt } from '../../queries/point-in-time';
import { PARTY_READ_MODEL, PartyReadModel } from '../../queries/read-models.port';
import { RegistryHistory } from '../../queries/registry-history';
import { partyNotFound } from './party-not-found';
import { toPartyView } from './party-view';
import { NO_MENTIONS, PartyView } from './party-views';

export class GetPartyQuery {
  constructor(
    readonly partyId: string,
    readonly at?: PointInTime,
  ) {}
}

/**
 * A registered party (a merged duplicate answers its own record) from the registry now or as it stood
 * at the point. Affiliations are judged in effect now, or at `asOccurred`, else at `asOf`; a log
 * position names no instant, so at `atPosition` alone they are judged now too. Mention counts are the
 * mentions index's, which follows the claims as they stand now, at any point.
 */
@QueryHandler(GetPartyQuery)
export class GetPartyHandler implements IQueryHandler<GetPartyQuery, PartyView> {
  constructor(
    private readonly registries: RegistryHistory,
    @Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ partyId, at }: GetPartyQuery): Promise<PartyView> {
    const registry = await this.registries.at(at);
    const record = registry.party(partyId);
    if (!record) throw await this.notFound(partyId, at);
    const stream = await this.streamAt(partyId, registry.position, at);
    const last = stream[stream.length - 1];
    const canonicalId = registry.canonicalId(partyId);
    const mentions = (this.parties.mentionTallies([canonicalId]).get(canonicalId) ?? NO_MENTIONS).roles;
    const instant = judgedAt(at);
    const history = [...stream, ...(await this.mergesInto(partyId, registry, at))].sort(
      (a, b) => a.position - b.position,
    );
    return toPartyView(registry, record, {
      at: instant,
      mentions,
      history,
      revision: last.revision,
      position: last.position,
    });
  }

  private async streamAt(partyId: string, position: number, at: PointInTime | undefined): Promise<StoredEvent[]> {
    const known = at ? knownAt(at) : () => true;
    return (await this.store.readStream(partyStreamId(partyId))).filter(
      (event) => event.position <= position && known(event),
    );
  }

  /** The PartyMerged events by which a duplicate was merged into this party, directly or through another. */
  private async mergesInto(partyId: string, registry: PartyRegistry, at: PointInTime | undefined) {
    const duplicates = registry.party(partyId)?.mergedInto
      ? []
      : registry.members(partyId).filter((id) => id !== partyId);
    const streams = await Promise.all(duplicates.map((id) => this.streamAt(id, registry.position, at)));
    return streams.flat().filter((event) => event.type === 'PartyMerged');
  }

  private async notFound(partyId: string, at: PointInTime | undefined): Promise<Error> {
    const registeredSince = at !== undefined && (await this.registries.at()).party(partyId) !== undefined;
    const mentionedIn = registeredSince ? 0 : (this.parties.mentionTallies([partyId]).get(partyId)?.claims ?? 0);
    return partyNotFound(partyId, mentionedIn, at);
  }
}

function judgedAt(at: PointInTime | undefined): number {
  if (at?.asOccurred !== undefined) return Date.parse(at.asOccurred);
  return at && 'asOf' in at ? Date.parse(at.asOf) : Date.now();
}
