import { StorylineEvent } from './storyline.events';
import { StorylineState } from './storyline.state';

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
