import { PartyRegistry, evolveRegistry } from '../../domain/party/party-registry';
import { RegistryEvent } from '../../domain/party/registry-records';
import { asPartyEvent } from '../events/factline-event';
import { StoredEvent } from '../ports/event-store.port';
import { ProjectionFailure } from '../read-models/runtime/projection-failure';
import { AffectedMentions, affectedBy } from './touched-mentions';

/**
 * The registry cascade, in one place: a stretch of the log moves the party registry; each party event
 * that changes it touches some parties and names (touched-mentions.ts); the claims with a mention of
 * one of those are the claims the stretch reaches, found in the mentions index. The live projection
 * (a page), a rebuild (deferred to its settling pass) and "what changed since" (a window) all take
 * this one path.
 */

/** A party event as the read models keep it: with when it was recorded, for views of a past time. */
export type LoggedRegistryEvent = RegistryEvent & { recordedAt: string };

/** What a stretch of the log does to the registry. */
export interface RegistryCascade {
  /** The registry after the stretch's party events. */
  registry: PartyRegistry;
  /** The stretch's party events, each with when it was recorded. */
  events: LoggedRegistryEvent[];
  /** For each party event that changed the registry, the mentions whose standing it may have changed. */
  touched: AffectedMentions[];
}

/**
 * Where the cascade finds claims: the mentions index (claimant, reporter, supporter, …) as written so
 * far, and the stakeholders of each claim's storyline, which weigh its supports as a mention would.
 */
export interface MentionsIndex {
  /**
   * Ids of the claims with a mention that one of `touched` names, by mention id, resolved party or
   * normalized name, and of the claims of a storyline with a stakeholder it names by id.
   */
  claimsMentioning(touched: AffectedMentions[]): string[];
}

/** The registry moved by the stretch's party events (other events are passed over), from `from`. */
export function cascadeOf(events: readonly StoredEvent[], from: PartyRegistry): RegistryCascade {
  let registry = from;
  const logged: LoggedRegistryEvent[] = [];
  const touched: AffectedMentions[] = [];
  for (const stored of events) {
    const event = asPartyEvent(stored);
    if (!event) continue;
    logged.push({ ...event, recordedAt: stored.metadata.recordedAt });
    try {
      const after = evolveRegistry(registry, event);
      if (after === registry) continue;
      touched.push(affectedBy(registry, after, event));
      registry = after;
    } catch (error) {
      throw new ProjectionFailure(stored, error);
    }
  }
  return { registry, events: logged, touched };
}

/** The claims the cascade reaches: a superset, since some of them come out of the new registry the same. */
export function claimsReached(cascade: RegistryCascade, mentions: MentionsIndex): string[] {
  return cascade.touched.length === 0 ? [] : mentions.claimsMentioning(cascade.touched);
}

/** Whether every mention resolves after the stretch as before it: the claims it reaches keep their rows of the mentions index. */
export function resolvesAlike(cascade: RegistryCascade): boolean {
  return cascade.touched.every((affected) => affected.mentionIds.size === 0 && affected.names.size === 0);
}
