import { PartyState } from '../party/party.state';
import { Stakeholder } from './stakeholder';
import { StorylineContent } from './storyline.events';

export interface OpenStoryline {
  type: 'OpenStoryline';
  data: StorylineContent & { storylineId: string };
}

export interface ReviseStoryline {
  type: 'ReviseStoryline';
  data: Partial<StorylineContent>;
}

export interface NameStakeholder {
  type: 'NameStakeholder';
  data: Stakeholder;
  /** The named party as its own stream has it: only a registered party can have a stake. */
  party: PartyState;
}

export interface RemoveStakeholder {
  type: 'RemoveStakeholder';
  data: { partyId: string };
}

export type StorylineCommand = OpenStoryline | ReviseStoryline | NameStakeholder | RemoveStakeholder;
