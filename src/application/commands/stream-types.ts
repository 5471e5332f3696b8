import { claimDecider } from '../../domain/claim/claim.decider';
import { ClaimCommand } from '../../domain/claim/claim.commands';
import { CLAIM_EVENT_TYPES, ClaimEvent } from '../../domain/claim/claim.events';
import { ClaimState } from '../../domain/claim/claim.state';
import { Decider } from '../../domain/decider';
import { Identified } from '../../domain/identified';
import { PartyCommand } from '../../domain/party/party.commands';
import { partyDecider } from '../../domain/party/party.decider';
import { PARTY_EVENT_TYPES, PartyEvent } from '../../domain/party/party.events';
import { PartyState } from '../../domain/party/party.state';
import { StorylineCommand } from '../../domain/storyline/storyline.commands';
import { storylineDecider } from '../../domain/storyline/storyline.decider';
import { StorylineState } from '../../domain/storyline/storyline.state';
import { STORYLINE_EVENT_TYPES, StorylineEvent } from '../../domain/storyline/storyline.events';
import { StoredEvent } from '../ports/event-store.port';

export interface DomainEvent {
  type: string;
  data: unknown;
}

/** A kind of stream the service writes: the aggregate's decider, and how its stored events read as the domain's. */
export interface StreamType<Command, Event extends DomainEvent, State> {
  decider: Decider<Command, Event, State>;
  /** The domain's event in a stored one; undefined for a type this stream does not know. */
  eventOf(stored: StoredEvent): Identified<Event> | undefined;
}

function streamType<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  types: ReadonlyArray<Event['type']>,
): StreamType<Command, Event, State> {
  const known = new Set<string>(types);
  return {
    decider,
    eventOf: (stored) =>
      known.has(stored.type)
        ? ({ type: stored.type, data: stored.data, eventId: stored.eventId } as Identified<Event>)
        : undefined,
  };
}

export const claimStream = streamType<ClaimCommand, ClaimEvent, ClaimState>(claimDecider, CLAIM_EVENT_TYPES);

export const storylineStream = streamType<StorylineCommand, StorylineEvent, StorylineState>(
  storylineDecider,
  STORYLINE_EVENT_TYPES,
);

export const partyStream = streamType<PartyCommand, PartyEvent, PartyState>(partyDecider, PARTY_EVENT_TYPES);
