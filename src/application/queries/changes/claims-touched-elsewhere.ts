import { Inject, Injectable } from '@nestjs/common';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { StoredEvent } from '../../ports/event-store.port';
import { cascadeOf, claimsReached } from '../../registry-cascade/registry-cascade';
import { PARTY_READ_MODEL, PartyReadModel } from '../read-models.port';

/**
 * Where "what changed since" learns of claims whose status may have moved without an event of
 * their own: the party registry's events in the window (aliases, affiliations, merges, discredits)
 * re-evaluate claims recorded earlier. Given the window's events and the registry at `since`, the
 * ids of the claims those events reach, found as the live cascade finds them: by the mentions index.
 * A superset: the caller compares each at `since` and at `next`, and lists only those that moved.
 */
@Injectable()
export class ClaimsTouchedElsewhere {
  constructor(@Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel) {}

  /**
   * The claims the window's party events reach, and the registry they lead to from `registryAtSince`:
   * the one at the window's end, whose reach tables the cascade has worked out by then.
   */
  reached(
    window: readonly StoredEvent[],
    registryAtSince: PartyRegistry,
  ): Promise<{ claimIds: string[]; registry: PartyRegistry }> {
    const cascade = cascadeOf(window, registryAtSince);
    return Promise.resolve({ claimIds: claimsReached(cascade, this.parties), registry: cascade.registry });
  }

  /** The claims alone. */
  async claimIds(window: readonly StoredEvent[], registryAtSince: PartyRegistry): Promise<string[]> {
    return (await this.reached(window, registryAtSince)).claimIds;
  }
}
