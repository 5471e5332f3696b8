import { Stakeholder } from './stakeholder';
import { StorylineContent } from './storyline.events';

/** `stakeholders` is absent until one is named. */
export type StorylineState = (StorylineContent & { storylineId: string; stakeholders?: Stakeholder[] }) | null;

export const initialStorylineState: StorylineState = null;
