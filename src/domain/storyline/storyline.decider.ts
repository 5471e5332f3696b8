import { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isSlug } from '../slug';
import { StorylineContent, StorylineEvent } from './storyline.events';

export interface OpenStoryline {
  type: 'OpenStoryline';
  data: StorylineContent & { storylineId: string };
}

export interface ReviseStoryline {
  type: 'ReviseStoryline';
  data: Partial<StorylineContent>;
}

export type StorylineCommand = OpenStoryline | ReviseStoryline;

export type StorylineState = (StorylineContent & { storylineId: string }) | null;

export const initialStorylineState: StorylineState = null;

export function evolveStoryline(state: StorylineState, event: StorylineEvent): StorylineState {
  switch (event.type) {
    case 'StorylineOpened':
      return { ...event.data };
    case 'StorylineRevised': {
      if (state === null) return state;
      const { storylineId: _storylineId, ...changes } = event.data;
      return { ...state, ...changes };
    }
  }
}

export function foldStoryline(events: Iterable<StorylineEvent>): StorylineState {
  let state: StorylineState = null;
  for (const event of events) state = evolveStoryline(state, event);
  return state;
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

export function decideStoryline(command: StorylineCommand, state: StorylineState): StorylineEvent[] {
  switch (command.type) {
    case 'OpenStoryline':
      if (state !== null) throw new DomainError('already_exists', `storyline ${state.storylineId} already exists`);
      if (!isSlug(command.data.storylineId)) {
        throw new DomainError(
          'rejected',
          `no storyline id can be derived from the title "${command.data.title}"; send an id`,
        );
      }
      return [{ type: 'StorylineOpened', data: command.data }];
    case 'ReviseStoryline': {
      if (state === null) throw new DomainError('not_found', 'storyline does not exist');
      const { title, summary, tags } = command.data;
      const changes: Partial<StorylineContent> = {};
      if (title !== undefined && title !== state.title) changes.title = title;
      if (summary !== undefined && summary !== state.summary) changes.summary = summary;
      if (tags !== undefined && !sameTags(tags, state.tags)) changes.tags = tags;
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'StorylineRevised', data: { storylineId: state.storylineId, ...changes } }];
    }
  }
}

export const storylineDecider: Decider<StorylineCommand, StorylineEvent, StorylineState> = {
  initialState: initialStorylineState,
  evolve: evolveStoryline,
  decide: decideStoryline,
};
