import { CLAIM_EVENT_TYPES, ClaimEvent } from '../../domain/claim/claim.events';
import { Identified } from '../../domain/identified';
import { PARTY_EVENT_TYPES, PartyEvent } from '../../domain/party/party.events';
import { RegistryEvent } from '../../domain/party/registry-records';
import { STORYLINE_EVENT_TYPES, StorylineEvent } from '../../domain/storyline/storyline.events';
import { StoredEvent } from '../ports/event-store.port';

export type FactlineEvent = ClaimEvent | StorylineEvent | PartyEvent;

export const FACTLINE_EVENT_TYPES: ReadonlyArray<FactlineEvent['type']> = [
  ...STORYLINE_EVENT_TYPES,
  ...CLAIM_EVENT_TYPES,
  ...PARTY_EVENT_TYPES,
];

/** The stream prefixes the service writes; anything else in a shared store is not ours. */
export const STREAM_PREFIXES = ['storyline-', 'claim-', 'party-'] as const;

/** Version of the event shapes this code writes; older events are upcast on read (see upcasters.ts). */
export const CURRENT_SCHEMA_VERSION = 2;

function isClaimEvent(event: Pick<StoredEvent, 'type'>): boolean {
  return (CLAIM_EVENT_TYPES as readonly string[]).includes(event.type);
}

function isStorylineEvent(event: StoredEvent): boolean {
  return (STORYLINE_EVENT_TYPES as readonly string[]).includes(event.type);
}

function isPartyEvent(event: StoredEvent): boolean {
  return (PARTY_EVENT_TYPES as readonly string[]).includes(event.type);
}

type ClaimEventFacts = Pick<StoredEvent, 'type' | 'data' | 'eventId'>;

/** The domain's view of a claim event: its type and data, plus the id the log keeps it under. */
const identifiedClaimEvent = ({ type, data, eventId }: ClaimEventFacts) => ({ type, data, eventId }) as Identified<ClaimEvent>;


function storylineEventsOf(history: StoredEvent[]): StorylineEvent[] {
  return history.filter(isStorylineEvent).map((event) => ({ type: event.type, data: event.data }) as StorylineEvent);
}

/** A party event as the registry folds it: with the id and the global position the log keeps it under. */
export function asPartyEvent(event: StoredEvent): RegistryEvent | undefined {
  if (!isPartyEvent(event)) return undefined;
  return { type: event.type, data: event.data, eventId: event.eventId, position: event.position } as RegistryEvent;
}

export function asClaimEvent(event: ClaimEventFacts): Identified<ClaimEvent> | undefined {
  return isClaimEvent(event) ? identifiedClaimEvent(event) : undefined;
}

export function asStorylineEvent(event: StoredEvent): StorylineEvent | undefined {
  return isStorylineEvent(event) ? storylineEventsOf([event])[0] : undefined;
}
