import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { ClaimCommand } from '../../../src/domain/claim/claim.commands';
import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { ClaimState } from '../../../src/domain/claim/claim.state';
import { Decider, fold } from '../../../src/domain/decider';
import { DomainError, DomainErrorReason } from '../../../src/domain/domain-error';
import { Identified } from '../../../src/domain/identified';
import { partyDecider } from '../../../src/domain/party/party.decider';
import { PartyCommand } from '../../../src/domain/party/party.commands';
import { PartyEvent } from '../../../src/domain/party/party.events';
import { PartyState } from '../../../src/domain/party/party.state';
import { StorylineCommand } from '../../../src/domain/storyline/storyline.commands';
import { storylineDecider } from '../../../src/domain/storyline/storyline.decider';
import { StorylineState } from '../../../src/domain/storyline/storyline.state';
import { StorylineEvent } from '../../../src/domain/storyline/storyline.events';

export interface Expectation<Event> {
  then(expected: Event[]): void;
  thenRejects(reason: DomainErrorReason, message?: RegExp): void;
}

/** Given events, when a command, then events: through the aggregate's decider as the write path uses it. */
function specFor<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return (history: Array<Identified<Event>>) => ({
    when(command: Command): Expectation<Event> {
      const decide = () => decider.decide(command, fold(decider, history));
      return {
        then(expected) {
          expect(decide()).toStrictEqual(expected);
        },
        thenRejects(reason, message) {
          let thrown: unknown;
          try {
            decide();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect(thrown).toMatchObject({ reason });
          if (message) expect((thrown as DomainError).message).toMatch(message);
        },
      };
    },
  });
}

export const givenClaim = specFor<ClaimCommand, ClaimEvent, ClaimState>(claimDecider);

/** Storyline and party events carry no id their state needs; their histories are given without one. */
const storylineSpec = specFor<StorylineCommand, StorylineEvent, StorylineState>(storylineDecider);
export const givenStoryline = (history: StorylineEvent[]) =>
  storylineSpec(history.map((event, index) => ({ ...event, eventId: `storyline-event-${index}` })));

const partySpec = specFor<PartyCommand, PartyEvent, PartyState>(partyDecider);
export const givenParty = (history: PartyEvent[]) =>
  partySpec(history.map((event, index) => ({ ...event, eventId: `party-event-${index}` })));
