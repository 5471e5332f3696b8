import { StorylineContent } from './storyline.events';

export type StorylineState = (StorylineContent & { storylineId: string }) | null;

export const initialStorylineState: StorylineState = null;
