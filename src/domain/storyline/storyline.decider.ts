import { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isSlug } from '../slug';
import { endOf, startOf } from '../party/affiliation';
import { sameStake } from './stakeholder';
import { NameStakeholder, StorylineCommand } from './storyline.commands';
import { StorylineContent, StorylineEvent } from './storyline.events';
import { evolveStoryline } from './storyline.evolve';
import { initialStorylineState, StorylineState } from './storyline.state';

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

function checkStakeholder({ data, party }: NameStakeholder): void {
  if (party === null) throw new DomainError('not_found', `party ${data.partyId} is not registered; register it first`);
  if (party.mergedInto !== undefined) {
    throw new DomainError(
      'conflict',
      `party ${data.partyId} was merged into ${party.mergedInto}; use ${party.mergedInto} instead`,
    );
  }
  if ([data.from, data.to].some((time) => time !== undefined && Number.isNaN(Date.parse(time)))) {
    throw new DomainError('rejected', 'from and to must be points in time (ISO 8601 with offset)');
  }
  if (startOf(data) >= endOf(data)) throw new DomainError('rejected', 'from must be before to');
  if (data.reason.trim() === '') throw new DomainError('rejected', 'a stakeholder needs a reason');
}

const stakeholdersOf = (state: NonNullable<StorylineState>) => state.stakeholders ?? [];

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
    case 'NameStakeholder': {
      if (state === null) throw new DomainError('not_found', 'storyline does not exist');
      checkStakeholder(command);
      if (stakeholdersOf(state).some((named) => sameStake(named, command.data))) return [];
      return [{ type: 'StorylineStakeholderNamed', data: { storylineId: state.storylineId, ...command.data } }];
    }
    case 'RemoveStakeholder': {
      if (state === null) throw new DomainError('not_found', 'storyline does not exist');
      const { partyId } = command.data;
      if (!stakeholdersOf(state).some((named) => named.partyId === partyId)) {
        throw new DomainError('not_found', `party ${partyId} is no stakeholder of storyline ${state.storylineId}`);
      }
      return [{ type: 'StorylineStakeholderRemoved', data: { storylineId: state.storylineId, partyId } }];
    }
  }
}

export const storylineDecider: Decider<StorylineCommand, StorylineEvent, StorylineState> = {
  initialState: initialStorylineState,
  evolve: evolveStoryline,
  decide: decideStoryline,
};
