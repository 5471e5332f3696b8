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
    case 'StorylineStakeholderNamed': {
      if (state === null) return state;
      const { storylineId: _storylineId, ...stakeholder } = event.data;
      const others = (state.stakeholders ?? []).filter((named) => named.partyId !== stakeholder.partyId);
      return { ...state, stakeholders: [...others, stakeholder] };
    }
    case 'StorylineStakeholderRemoved': {
      if (state === null) return state;
      const stakeholders = (state.stakeholders ?? []).filter((named) => named.partyId !== event.data.partyId);
      return { ...state, stakeholders };
    }
  }
}
