import { PartyRegistry, evolveRegistry } from '../../domain/party/party-registry';
import { AffectedMentions, affectedBy } from '../../domain/party/registry-changes';
import { RegistryEvent } from '../../domain/party/registry-records';
import { asPartyEvent } from '../events/factline-event';
import { StoredEvent } from '../ports/event-store.port';
import { ProjectionFailure } from './projection-failure';

/** A party event as the read models keep it: with when it was recorded, for views of a past time. */
export type LoggedRegistryEvent = RegistryEvent & { recordedAt: string };

/** The registry after a page's party events, and the mentions each of them may have changed the standing of. */
export interface RegistryPage {
  registry: PartyRegistry;
  events: LoggedRegistryEvent[];
  affected: AffectedMentions[];
}

export function foldRegistryPage(events: StoredEvent[], from: PartyRegistry): RegistryPage {
  let registry = from;
  const logged: LoggedRegistryEvent[] = [];
  const affected: AffectedMentions[] = [];
  for (const stored of events) {
    const event = asPartyEvent(stored);
    if (!event) continue;
    logged.push({ ...event, recordedAt: stored.metadata.recordedAt });
    try {
      const after = evolveRegistry(registry, event);
      if (after === registry) continue;
      affected.push(affectedBy(registry, after, event));
      registry = after;
    } catch (error) {
      throw new ProjectionFailure(stored, error);
    }
  }
  return { registry, events: logged, affected };
}
