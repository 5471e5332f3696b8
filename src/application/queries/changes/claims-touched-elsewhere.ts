import { Injectable } from '@nestjs/common';
import { StoredEvent } from '../../ports/event-store.port';

/**
 * Where "what changed since" learns of claims whose status may have moved without an event of
 * their own: given the window's events, the ids of further claims to compare at `since` and at
 * `next`. Today every event that can move a status is one of the claim's own, so there are none.
 * The party registry's events (aliases, affiliations, merges, discredits) re-evaluate claims
 * recorded earlier; this is the one place that names the claims they reach.
 */
@Injectable()
export class ClaimsTouchedElsewhere {
  claimIds(_window: readonly StoredEvent[]): Promise<string[]> {
    return Promise.resolve([]);
  }
}
