import { decideClaim } from '../../../src/domain/claim/claim.decider';
import { ClaimCommand } from '../../../src/domain/claim/claim.commands';
import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { foldClaim } from '../../../src/domain/claim/claim.evolve';
import { ClaimState } from '../../../src/domain/claim/claim.state';
import { DomainError, DomainErrorReason } from '../../../src/domain/domain-error';
import { Identified } from '../../../src/domain/identified';
import { decideParty } from '../../../src/domain/party/party.decider';
import { PartyCommand } from '../../../src/domain/party/party.commands';
import { PartyEvent } from '../../../src/domain/party/party.events';
import { foldParty, PartyState } from '../../../src/domain/party/party.state';
import {
  StorylineCommand,
  StorylineState,
  decideStoryline,
  foldStoryline,
} from '../../../src/domain/storyline/storyline.decider';
import { StorylineEvent } from '../../../src/domain/storyline/storyline.events';

/** The two halves of a decider a given/when/then test needs. */
interface Decider<Command, Event, HistoryEvent, State> {
  fold(history: HistoryEvent[]): State;
  decide(command: Command, state: State): Event[];
}

export interface Expectation<Event> {
  then(expected: Event[]): void;
  thenRejects(reason: DomainErrorReason, message?: RegExp): void;
}

function specFor<Command, Event, HistoryEvent, State>(decider: Decider<Command, Event, HistoryEvent, State>) {
  return (history: HistoryEvent[]) => ({
    when(command: Command): Expectation<Event> {
      const decide = () => decider.decide(command, decider.fold(history));
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

export const givenClaim = specFor<ClaimCommand, ClaimEvent, Identified<ClaimEvent>, ClaimState>({
  fold: foldClaim,
  decide: decideClaim,
});

export const givenStoryline = specFor<StorylineCommand, StorylineEvent, StorylineEvent, StorylineState>({
  fold: foldStoryline,
  decide: decideStoryline,
});

export const givenParty = specFor<PartyCommand, PartyEvent, PartyEvent, PartyState>({
  fold: foldParty,
  decide: decideParty,
});
