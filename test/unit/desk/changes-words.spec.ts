import { DevelopmentCounts } from '../../../desk/src/api/changes-types';
import {
  changeCountsInWords,
  developmentsInWords,
  developmentTotal,
  eventTypeInWords,
  registryEventInWords,
} from '../../../desk/src/changes/changes-words';

const none: DevelopmentCounts = {
  claimsRecorded: 0,
  supports: 0,
  contradictions: 0,
  retractions: 0,
  corrections: 0,
  verdicts: 0,
  factChecks: 0,
};

describe('what changed since, in words', () => {
  it('given a night of developments, names each kind that occurred with its count, in one line', () => {
    const counts = { ...none, claimsRecorded: 1, contradictions: 2, verdicts: 1, factChecks: 1 };
    expect(developmentsInWords(counts)).toBe(
      '1 claim recorded, 2 contradictions, 1 desk verdict, 1 outside fact-check',
    );
    expect(developmentTotal(counts)).toBe(5);
  });

  it('given a quiet night, says so', () => {
    expect(developmentsInWords(none)).toBe('no new developments');
    expect(developmentTotal(none)).toBe(0);
  });

  it('names the event that decided a status, registry events included', () => {
    expect(eventTypeInWords('ClaimContradicted')).toBe('a contradiction');
    expect(eventTypeInWords('ClaimFactChecked')).toBe('an outside fact-check');
    expect(eventTypeInWords('PartyAffiliated')).toBe('a party registry change (affiliated)');
  });
});

describe('what changed, counted in one line', () => {
  const quiet = {
    claimsMoved: 0,
    needReview: 0,
    claimsAdded: 0,
    storylinesMoved: 0,
    storylinesOpened: 0,
    developments: 0,
  };

  it('names only what happened, in words, claims first', () => {
    expect(
      changeCountsInWords({
        ...quiet,
        claimsMoved: 3,
        needReview: 2,
        claimsAdded: 11,
        storylinesOpened: 1,
        developments: 14,
      }),
    ).toBe('3 claims moved, 2 need review, 11 new claims, 1 storyline opened, 14 new developments');
    expect(changeCountsInWords({ ...quiet, claimsMoved: 1, needReview: 1, storylinesMoved: 2 })).toBe(
      '1 claim moved, 1 needs review, 2 storylines moved',
    );
  });

  it('given storylines beyond the first page that cannot be told apart, says so', () => {
    expect(changeCountsInWords({ ...quiet, storylinesMoved: 100, storylinesOther: 3 })).toBe(
      '100 storylines moved, 3 more storylines opened or moved',
    );
  });

  it('given a quiet night, has nothing to count', () => {
    expect(changeCountsInWords(quiet)).toBeUndefined();
  });

  it('names a registry event by the parties it is about', () => {
    expect(
      registryEventInWords({
        type: 'PartyAffiliationEnded',
        data: { partyId: 'ft-sources', withPartyId: 'us-government', to: '2026-01-01' },
      }),
    ).toBe('the party registry: ft-sources’s affiliation with us-government ended');
    expect(
      registryEventInWords({ type: 'PartyDiscredited', data: { partyId: 'rt', reason: 'state propaganda' } }),
    ).toBe('the party registry: rt discredited (state propaganda)');
  });
});
