import { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isSlug } from '../slug';
import { StorylineCommand } from './storyline.commands';
import { StorylineContent, StorylineEvent } from './storyline.events';
import { evolveStoryline } from './storyline.evolve';
import { initialStorylineState, StorylineState } from './storyline.state';

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

function decideStoryline(command: StorylineCommand, state: StorylineState): StorylineEvent[] {
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
