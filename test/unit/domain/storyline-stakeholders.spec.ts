import { StorylineOpened, StorylineStakeholderNamed } from '../../../src/domain/storyline/storyline.events';
import { RegisteredParty } from '../../../src/domain/party/party.state';
import { givenStoryline } from './decider-spec';

const STORYLINE_ID = 'nord-stream-sabotage';

const opened: StorylineOpened = {
  type: 'StorylineOpened',
  data: { storylineId: STORYLINE_ID, title: 'Nord Stream sabotage', summary: '', tags: [] },
};

const kremlin = { partyId: 'kremlin', name: 'Kremlin', kind: 'government' } as unknown as RegisteredParty;

const named = (reason: string, dates: { from?: string; to?: string } = {}): StorylineStakeholderNamed => ({
  type: 'StorylineStakeholderNamed',
  data: { storylineId: STORYLINE_ID, partyId: 'kremlin', reason, ...dates },
});

const nameKremlin = (reason: string, dates: { from?: string; to?: string } = {}) => ({
  type: 'NameStakeholder' as const,
  data: { partyId: 'kremlin', reason, ...dates },
  party: kremlin,
});

describe('NameStakeholder', () => {
  it('names a registered party with its reason and dates', () => {
    givenStoryline([opened])
      .when(nameKremlin('a belligerent of the war', { from: '2022-02-24T00:00:00Z' }))
      .then([named('a belligerent of the war', { from: '2022-02-24T00:00:00Z' })]);
  });

  it('changes nothing when the party is named again with the same reason and dates', () => {
    givenStoryline([opened, named('a belligerent')])
      .when(nameKremlin('a belligerent'))
      .then([]);
  });

  it('names it again when the reason or the dates change: the later naming replaces the earlier', () => {
    givenStoryline([opened, named('a belligerent')])
      .when(nameKremlin('a belligerent', { to: '2026-01-01T00:00:00Z' }))
      .then([named('a belligerent', { to: '2026-01-01T00:00:00Z' })]);
  });

  it('refuses a party the registry does not know', () => {
    givenStoryline([opened])
      .when({ ...nameKremlin('a belligerent'), party: null })
      .thenRejects('not_found', /kremlin is not registered/);
  });

  it('refuses a merged duplicate and names the party to use', () => {
    givenStoryline([opened])
      .when({ ...nameKremlin('a belligerent'), party: { ...kremlin, mergedInto: 'russian-government' } })
      .thenRejects('conflict', /use russian-government/);
  });

  it('refuses a stake that ends before it begins', () => {
    givenStoryline([opened])
      .when(nameKremlin('a belligerent', { from: '2024-01-01T00:00:00Z', to: '2023-01-01T00:00:00Z' }))
      .thenRejects('rejected', /from must be before to/);
  });

  it('refuses a storyline that does not exist', () => {
    givenStoryline([]).when(nameKremlin('a belligerent')).thenRejects('not_found');
  });
});

describe('RemoveStakeholder', () => {
  it('removes a named stakeholder', () => {
    givenStoryline([opened, named('a belligerent')])
      .when({ type: 'RemoveStakeholder', data: { partyId: 'kremlin' } })
      .then([{ type: 'StorylineStakeholderRemoved', data: { storylineId: STORYLINE_ID, partyId: 'kremlin' } }]);
  });

  it('refuses a party that is no stakeholder, also once removed', () => {
    const removed = {
      type: 'StorylineStakeholderRemoved' as const,
      data: { storylineId: STORYLINE_ID, partyId: 'kremlin' },
    };
    givenStoryline([opened, named('a belligerent'), removed])
      .when({ type: 'RemoveStakeholder', data: { partyId: 'kremlin' } })
      .thenRejects('not_found', /no stakeholder/);
  });
});
