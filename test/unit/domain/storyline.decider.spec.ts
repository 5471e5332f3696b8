import { fold } from '../../../src/domain/decider';
import { storylineDecider } from '../../../src/domain/storyline/storyline.decider';
import { StorylineOpened, StorylineRevised } from '../../../src/domain/storyline/storyline.events';
import { givenStoryline } from './decider-spec';

const opened: StorylineOpened = {
  type: 'StorylineOpened',
  data: {
    storylineId: 'us-ukraine-security-guarantees',
    title: 'US–Ukraine security guarantees',
    summary: 'Negotiations over US security guarantees for Ukraine',
    tags: ['ukraine', 'usa'],
  },
};

describe('OpenStoryline', () => {
  it('opens a storyline with its content', () => {
    givenStoryline([])
      .when({ type: 'OpenStoryline', data: opened.data })
      .then([
        {
          type: 'StorylineOpened',
          data: {
            storylineId: 'us-ukraine-security-guarantees',
            title: 'US–Ukraine security guarantees',
            summary: 'Negotiations over US security guarantees for Ukraine',
            tags: ['ukraine', 'usa'],
          },
        },
      ]);
  });

  it('refuses to open the same storyline twice', () => {
    givenStoryline([opened]).when({ type: 'OpenStoryline', data: opened.data }).thenRejects('already_exists');
  });

  it('refuses an id that is not a slug, as when nothing can be derived from the title', () => {
    givenStoryline([])
      .when({ type: 'OpenStoryline', data: { ...opened.data, storylineId: '', title: '???' } })
      .thenRejects('rejected', /send an id/);
  });
});

describe('ReviseStoryline', () => {
  it('refuses to revise a storyline that was never opened', () => {
    givenStoryline([])
      .when({ type: 'ReviseStoryline', data: { title: 'Anything' } })
      .thenRejects('not_found');
  });

  it('records only the fields that change', () => {
    givenStoryline([opened])
      .when({
        type: 'ReviseStoryline',
        data: { title: 'Security guarantees for Ukraine', summary: opened.data.summary, tags: ['ukraine', 'usa'] },
      })
      .then([
        {
          type: 'StorylineRevised',
          data: { storylineId: 'us-ukraine-security-guarantees', title: 'Security guarantees for Ukraine' },
        },
      ]);
  });

  it('records new tags', () => {
    givenStoryline([opened])
      .when({ type: 'ReviseStoryline', data: { tags: ['ukraine', 'usa', 'donbas'] } })
      .then([
        {
          type: 'StorylineRevised',
          data: { storylineId: 'us-ukraine-security-guarantees', tags: ['ukraine', 'usa', 'donbas'] },
        },
      ]);
  });

  it.each([
    ['the same values', { title: opened.data.title, summary: opened.data.summary, tags: ['ukraine', 'usa'] }],
    ['nothing', {}],
  ])('records no event for a revision with %s', (_what, data) => {
    givenStoryline([opened]).when({ type: 'ReviseStoryline', data }).then([]);
  });

  it('compares with the revised state, not the opening one', () => {
    const revised: StorylineRevised = {
      type: 'StorylineRevised',
      data: { storylineId: 'us-ukraine-security-guarantees', summary: 'Talks in Abu Dhabi' },
    };

    givenStoryline([opened, revised])
      .when({ type: 'ReviseStoryline', data: { summary: 'Talks in Abu Dhabi' } })
      .then([]);
  });

  it('folds a revision over the opened content, keeping what it does not name', () => {
    const revised: StorylineRevised = {
      type: 'StorylineRevised',
      data: { storylineId: 'us-ukraine-security-guarantees', title: 'Security guarantees' },
    };

    const history = [opened, revised].map((event, index) => ({ ...event, eventId: `storyline-event-${index}` }));

    expect(fold(storylineDecider, history)).toStrictEqual({
      storylineId: 'us-ukraine-security-guarantees',
      title: 'Security guarantees',
      summary: 'Negotiations over US security guarantees for Ukraine',
      tags: ['ukraine', 'usa'],
    });
  });
});
