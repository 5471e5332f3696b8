import { StorylineContent } from './storyline.events';

export interface OpenStoryline {
  type: 'OpenStoryline';
  data: StorylineContent & { storylineId: string };
}

export interface ReviseStoryline {
  type: 'ReviseStoryline';
  data: Partial<StorylineContent>;
}

export type StorylineCommand = OpenStoryline | ReviseStoryline;
