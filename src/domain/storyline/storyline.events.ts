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

export type StorylineEvent = StorylineOpened | StorylineRevised;

export const STORYLINE_EVENT_TYPES: ReadonlyArray<StorylineEvent['type']> = ['StorylineOpened', 'StorylineRevised'];

export const storylineStreamId = (storylineId: string): string => `storyline-${storylineId}`;
