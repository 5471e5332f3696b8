import { Stakeholder } from './stakeholder';

export interface StorylineContent {
  title: string;
  summary: string;
  tags: string[];
}

export interface StorylineOpened {
  type: 'StorylineOpened';
  data: StorylineContent & { storylineId: string };
}

export interface StorylineRevised {
  type: 'StorylineRevised';
  data: Partial<StorylineContent> & { storylineId: string };
}

/** The party has a stake in the storyline; naming it again replaces its reason and dates. */
export interface StorylineStakeholderNamed {
  type: 'StorylineStakeholderNamed';
  data: Stakeholder & { storylineId: string };
}

/** The party is no stakeholder of the storyline after all: its stake counts at no date. */
export interface StorylineStakeholderRemoved {
  type: 'StorylineStakeholderRemoved';
  data: { storylineId: string; partyId: string };
}

export type StorylineEvent =
  StorylineOpened | StorylineRevised | StorylineStakeholderNamed | StorylineStakeholderRemoved;

export const STORYLINE_EVENT_TYPES: ReadonlyArray<StorylineEvent['type']> = [
  'StorylineOpened',
  'StorylineRevised',
  'StorylineStakeholderNamed',
  'StorylineStakeholderRemoved',
];

export const storylineStreamId = (storylineId: string): string => `storyline-${storylineId}`;
