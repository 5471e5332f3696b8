import { emptyRegistry, foldRegistry, PartyRegistry } from '../../../../src/domain/party/party-registry';
import { PartyCommand } from '../../../../src/domain/party/party.commands';
import { PartyEvent } from '../../../../src/domain/party/party.events';
import { givenParty } from '../decider-spec';
import { ftRegistered, janeRegistered, registryLog, stateAfter, zelenskyRegistered } from './party-fixtures';

/** The registry of the other parties, for the commands that give names: none by default. */
const NO_OTHERS = emptyRegistry;

const JANE = 'jane-roe';
const FT = 'financial-times';
const ft = stateAfter(ftRegistered);
const employedByFt = (period: { from?: string; to?: string } = {}): PartyEvent => ({
  type: 'PartyAffiliated',
  data: { partyId: JANE, withPartyId: FT, relation: 'employed_by', ...period },
});
const affiliate = (period: { from?: string; to?: string } = {}, counterpart = ft): PartyCommand => ({
  type: 'AffiliateParty',
  data: { withPartyId: FT, relation: 'employed_by', ...period },
  counterpart,
});
const janeMerged: PartyEvent = { type: 'PartyMerged', data: { partyId: JANE, intoPartyId: 'jane-roe-2' } };

describe('RegisterParty', () => {
  it('registers a party, with its aliases de-duplicated by their normalized form', () => {
    givenParty([])
      .when({
        type: 'RegisterParty',
        registry: NO_OTHERS,
        data: {
          partyId: 'volodymyr-zelensky',
          name: 'Volodymyr Zelensky',
          kind: 'person',
          aliases: ['Wolodymyr Selenskyj', 'WOLODYMYR  SELENSKYJ', 'Volodymyr Zelensky', 'Selenskyj', ' selenskyj '],
        },
      })
      .then([zelenskyRegistered]);
  });

  it('registers a party under a Cyrillic id with an Arabic alias', () => {
    const data = { partyId: 'міністерство-оборони', name: 'Міністерство оборони', kind: 'government' as const };
    givenParty([])
      .when({ type: 'RegisterParty', registry: NO_OTHERS, data: { ...data, aliases: ['وزارة الدفاع'] } })
      .then([{ type: 'PartyRegistered', data: { ...data, aliases: ['وزارة الدفاع'] } }]);
  });

  it('refuses a second registration under the same id', () => {
    givenParty([ftRegistered])
      .when({
        type: 'RegisterParty',
        registry: NO_OTHERS,
        data: { partyId: FT, name: 'FT', kind: 'media', aliases: [] },
      })
      .thenRejects('already_exists', /financial-times already exists/);
  });

  it('names the party a merged id points to', () => {
    givenParty([janeRegistered, janeMerged])
      .when({
        type: 'RegisterParty',
        registry: NO_OTHERS,
        data: { partyId: JANE, name: 'Jane Roe', kind: 'person', aliases: [] },
      })
      .thenRejects('already_exists', /merged into jane-roe-2/);
  });

  it('refuses an id that is not a slug, and a blank alias', () => {
    givenParty([])
      .when({
        type: 'RegisterParty',
        registry: NO_OTHERS,
        data: { partyId: '', name: '„…“', kind: 'anonymous', aliases: [] },
      })
      .thenRejects('rejected', /send an id/);
    givenParty([])
      .when({
        type: 'RegisterParty',
        registry: NO_OTHERS,
        data: { partyId: 'x', name: 'X', kind: 'person', aliases: [' \u00a0'] },
      })
      .thenRejects('rejected', /alias cannot be blank/);
  });
});

describe('ReviseParty', () => {
  const revise = (
    data: Extract<PartyCommand, { type: 'ReviseParty' }>['data'],
    registry: PartyRegistry = NO_OTHERS,
  ): PartyCommand => ({
    type: 'ReviseParty',
    data,
    registry,
  });

  it('refuses a party that was never registered', () => {
    givenParty([])
      .when(revise({ kind: 'media' }))
      .thenRejects('not_found');
  });

  it.each([
    ['nothing', {}],
    ['the same name and kind', { name: 'Financial Times', kind: 'media' as const }],
    ['an alias it already has, spelt otherwise', { addAliases: ['the financial times', 'ＦＴ'] }],
  ])('records no event for %s', (_what, data) => {
    givenParty([ftRegistered]).when(revise(data)).then([]);
  });

  it('adds aliases and changes the kind, recording only what changes', () => {
    givenParty([ftRegistered])
      .when(revise({ kind: 'organization', addAliases: ['FT', 'Файнэншл таймс', 'Файнэншл  Таймс'] }))
      .then([{ type: 'PartyRevised', data: { partyId: FT, kind: 'organization', addAliases: ['Файнэншл таймс'] } }]);
  });

  it('keeps the old name as an alias on a rename, and drops an alias that becomes the name', () => {
    givenParty([zelenskyRegistered])
      .when(revise({ name: 'Selenskyj' }))
      .then([
        {
          type: 'PartyRevised',
          data: {
            partyId: 'volodymyr-zelensky',
            name: 'Selenskyj',
            addAliases: ['Volodymyr Zelensky'],
            removeAliases: ['Selenskyj'],
          },
        },
      ]);
  });

  it('adds no alias when a rename only fixes the spelling, or when the old name is removed with it', () => {
    givenParty([ftRegistered])
      .when(revise({ name: 'FINANCIAL TIMES' }))
      .then([{ type: 'PartyRevised', data: { partyId: FT, name: 'FINANCIAL TIMES' } }]);
    givenParty([ftRegistered])
      .when(revise({ name: 'FT Group', removeAliases: ['Financial Times'] }))
      .then([{ type: 'PartyRevised', data: { partyId: FT, name: 'FT Group' } }]);
  });

  it('removes an alias named in another spelling, recording it as it was registered', () => {
    givenParty([zelenskyRegistered])
      .when(revise({ removeAliases: ['SELENSKYJ'] }))
      .then([{ type: 'PartyRevised', data: { partyId: 'volodymyr-zelensky', removeAliases: ['Selenskyj'] } }]);
    const revised = stateAfter(zelenskyRegistered, {
      type: 'PartyRevised',
      data: { partyId: 'volodymyr-zelensky', removeAliases: ['Selenskyj'] },
    });
    expect(revised?.aliases).toEqual(['Wolodymyr Selenskyj']);
  });

  it('refuses to remove an alias the party does not have, or its name', () => {
    givenParty([ftRegistered])
      .when(revise({ removeAliases: ['Finacial Times Ltd'] }))
      .thenRejects('rejected', /not an alias of party financial-times \(aliases: The Financial Times, FT\)/);
    givenParty([ftRegistered])
      .when(revise({ removeAliases: ['financial times'] }))
      .thenRejects('rejected', /is the name of party financial-times/);
  });

  it('refuses an alias both added and removed', () => {
    givenParty([ftRegistered])
      .when(revise({ addAliases: ['FT'], removeAliases: ['ft'] }))
      .thenRejects('rejected', /both added and removed/);
  });
});

describe('AffiliateParty', () => {
  it('affiliates a party with another for a period', () => {
    givenParty([janeRegistered])
      .when(affiliate({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))
      .then([employedByFt({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })]);
  });

  it('refuses to affiliate a party with itself', () => {
    givenParty([ftRegistered])
      .when(affiliate({}, ft))
      .thenRejects('rejected', /cannot be affiliated with itself/);
  });

  it('refuses a party that is not registered, and names where a merged one went', () => {
    givenParty([janeRegistered])
      .when(affiliate({}, null))
      .thenRejects('rejected', /financial-times is not registered/);
    givenParty([janeRegistered])
      .when(affiliate({}, stateAfter(ftRegistered, { type: 'PartyMerged', data: { partyId: FT, intoPartyId: 'ft' } })))
      .thenRejects('conflict', /financial-times was merged into ft; use ft/);
  });

  it('refuses a period that ends before it starts', () => {
    givenParty([janeRegistered])
      .when(affiliate({ from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }))
      .thenRejects('rejected', /from must be before to/);
  });

  it('records nothing for an affiliation it already has', () => {
    givenParty([janeRegistered, employedByFt({ from: '2020-01-01T00:00:00Z' })])
      .when(affiliate({ from: '2020-01-01T00:00:00Z' }))
      .then([]);
  });

  it('refuses an overlapping affiliation of the same relation, but takes a later one or another relation', () => {
    const history = [janeRegistered, employedByFt({ to: '2024-01-01T00:00:00Z' })];
    givenParty(history)
      .when(affiliate({ from: '2023-06-01T00:00:00Z' }))
      .thenRejects('conflict', /already employed_by financial-times with no start to 2024-01-01T00:00:00Z/);
    givenParty(history)
      .when(affiliate({ from: '2024-01-01T00:00:00Z' }))
      .then([employedByFt({ from: '2024-01-01T00:00:00Z' })]);
    givenParty(history)
      .when({ type: 'AffiliateParty', data: { withPartyId: FT, relation: 'member_of' }, counterpart: ft })
      .then([{ type: 'PartyAffiliated', data: { partyId: JANE, withPartyId: FT, relation: 'member_of' } }]);
  });
});

describe('EndPartyAffiliation', () => {
  const end = (to: string, relation?: 'member_of' | 'employed_by'): PartyCommand => ({
    type: 'EndPartyAffiliation',
    data: { withPartyId: FT, to, ...(relation ? { relation } : {}) },
  });

  it('ends an affiliation in effect at the end, also one recorded with no end', () => {
    givenParty([janeRegistered, employedByFt()])
      .when(end('2026-01-20T00:00:00+01:00'))
      .then([
        {
          type: 'PartyAffiliationEnded',
          data: { partyId: JANE, withPartyId: FT, to: '2026-01-20T00:00:00+01:00' },
        },
      ]);
  });

  it('ends only the affiliations in effect at that moment', () => {
    const state = stateAfter(
      janeRegistered,
      employedByFt({ to: '2010-01-01T00:00:00Z' }),
      employedByFt({ from: '2020-01-01T00:00:00Z' }),
      { type: 'PartyAffiliationEnded', data: { partyId: JANE, withPartyId: FT, to: '2026-01-20T00:00:00Z' } },
    );
    expect(state?.affiliations).toEqual([
      { withPartyId: FT, relation: 'employed_by', to: '2010-01-01T00:00:00Z' },
      { withPartyId: FT, relation: 'employed_by', from: '2020-01-01T00:00:00Z', to: '2026-01-20T00:00:00Z' },
    ]);
  });

  it.each([
    ['with a party it is not affiliated with', [janeRegistered], end('2026-01-01T00:00:00Z')],
    ['that ended before', [janeRegistered, employedByFt({ to: '2025-01-01T00:00:00Z' })], end('2026-01-01T00:00:00Z')],
    [
      'that starts later',
      [janeRegistered, employedByFt({ from: '2027-01-01T00:00:00Z' })],
      end('2026-01-01T00:00:00Z'),
    ],
    ['of another relation', [janeRegistered, employedByFt()], end('2026-01-01T00:00:00Z', 'member_of')],
  ])('refuses to end an affiliation %s', (_what, history, command) => {
    givenParty(history)
      .when(command)
      .thenRejects('rejected', /no affiliation with financial-times.* in effect at 2026-01-01T00:00:00Z/);
  });
});

describe('MergeParty', () => {
  const merge = (intoPartyId: string, counterpart = stateAfter(janeRegistered)): PartyCommand => ({
    type: 'MergeParty',
    data: { intoPartyId },
    counterpart,
  });
  const duplicate: PartyEvent = {
    type: 'PartyRegistered',
    data: { partyId: 'j-roe', name: 'J. Roe', kind: 'person', aliases: [] },
  };

  it('merges a duplicate into the party it duplicates', () => {
    givenParty([duplicate])
      .when(merge(JANE))
      .then([{ type: 'PartyMerged', data: { partyId: 'j-roe', intoPartyId: JANE } }]);
  });

  it('refuses to merge a party into itself, or into one that is not registered', () => {
    givenParty([janeRegistered])
      .when(merge(JANE))
      .thenRejects('rejected', /cannot be merged into itself/);
    givenParty([duplicate])
      .when(merge(JANE, null))
      .thenRejects('rejected', /jane-roe is not registered/);
  });

  it('refuses to merge into a merged party, naming where that one went', () => {
    givenParty([duplicate])
      .when(merge(JANE, stateAfter(janeRegistered, janeMerged)))
      .thenRejects('conflict', /jane-roe was merged into jane-roe-2; use jane-roe-2/);
  });

  it('refuses to merge a discredited party, which would clear the discredit', () => {
    givenParty([duplicate, { type: 'PartyDiscredited', data: { partyId: 'j-roe', reason: 'fabricated quotes' } }])
      .when(merge(JANE))
      .thenRejects('conflict', /discredited \(fabricated quotes\); reinstate it before merging/);
  });

  it.each<PartyCommand>([
    { type: 'ReviseParty', registry: NO_OTHERS, data: { kind: 'organization' } },
    affiliate(),
    { type: 'EndPartyAffiliation', data: { withPartyId: FT, to: '2026-01-01T00:00:00Z' } },
    merge('someone-else', stateAfter(ftRegistered)),
    { type: 'DiscreditParty', data: { reason: 'fabricated quotes' } },
    { type: 'ReinstateParty', data: { reason: 'cleared' } },
  ])('answers $type on a merged party with a conflict naming the party it was merged into', (command) => {
    givenParty([janeRegistered, employedByFt(), janeMerged])
      .when(command)
      .thenRejects('conflict', /jane-roe was merged into jane-roe-2; send this to jane-roe-2/);
  });
});

describe('DiscreditParty and ReinstateParty', () => {
  const source = { url: 'https://example.org/corrections', quote: 'The interview never took place.' };
  const discredited: PartyEvent = {
    type: 'PartyDiscredited',
    data: { partyId: JANE, reason: 'fabricated quotes', source },
  };

  it('discredits a party with the reason and the source that shows it', () => {
    givenParty([janeRegistered])
      .when({ type: 'DiscreditParty', data: { reason: 'fabricated quotes', source } })
      .then([discredited]);
  });

  it('refuses to discredit a party twice', () => {
    givenParty([janeRegistered, discredited])
      .when({ type: 'DiscreditParty', data: { reason: 'again' } })
      .thenRejects('conflict', /already discredited: fabricated quotes/);
  });

  it('reinstates a discredited party, and refuses one that is not discredited', () => {
    givenParty([janeRegistered, discredited])
      .when({ type: 'ReinstateParty', data: { reason: 'the quotes were confirmed' } })
      .then([{ type: 'PartyReinstated', data: { partyId: JANE, reason: 'the quotes were confirmed' } }]);
    givenParty([janeRegistered, discredited, { type: 'PartyReinstated', data: { partyId: JANE, reason: 'cleared' } }])
      .when({ type: 'ReinstateParty', data: { reason: 'again' } })
      .thenRejects('conflict', /not discredited/);
  });

  it.each<PartyCommand>([
    { type: 'DiscreditParty', data: { reason: 'x' } },
    { type: 'ReinstateParty', data: { reason: 'x' } },
  ])('refuses $type on a party that was never registered', (command) => {
    givenParty([]).when(command).thenRejects('not_found');
  });
});

describe('names answer to one party', () => {
  const log = registryLog();
  const registry = foldRegistry([
    log.registered('us-government', 'US government', 'government', ['US-Regierung']),
    log.registered('radosław-sikorski', 'Radosław Sikorski', 'person'),
    log.registered('jane-roe', 'Jane Roe', 'person', ['J. Roe']),
    log.registered('jane-roe-2', 'Jane Roe-Smith', 'person'),
    log.merged('jane-roe', 'jane-roe-2'),
  ]);
  const register = (partyId: string, name: string, aliases: string[] = []): PartyCommand => ({
    type: 'RegisterParty',
    data: { partyId, name, kind: 'government', aliases },
    registry,
  });
  const revise = (data: Extract<PartyCommand, { type: 'ReviseParty' }>['data']): PartyCommand => ({
    type: 'ReviseParty',
    data,
    registry,
  });
  const usGovernment = {
    type: 'PartyRegistered' as const,
    data: { partyId: 'us-government', name: 'US government', kind: 'government' as const, aliases: ['US-Regierung'] },
  };
  const janeRoeSmith = {
    type: 'PartyRegistered' as const,
    data: { partyId: 'jane-roe-2', name: 'Jane Roe-Smith', kind: 'person' as const, aliases: [] },
  };

  it('refuses a new party a name or an alias another one answers to, in any spelling, naming that party', () => {
    givenParty([])
      .when(register('us-regierung', 'US-Regierung'))
      .thenRejects(
        'conflict',
        /^"US-Regierung" already answers to party us-government \(US government\) as an alias; .*PATCH \/v1\/parties\/us-government/,
      );
    givenParty([])
      .when(register('usa', 'United States', ['US GOVERNMENT']))
      .thenRejects('conflict', /"US GOVERNMENT" already answers to party us-government \(US government\) as the name/);
  });

  it('refuses an id another party answers to by its key, as an id the older slug derived', () => {
    givenParty([])
      .when(register('radoslaw-sikorski', 'Radek Sikorski'))
      .thenRejects(
        'conflict',
        /the id radoslaw-sikorski already answers to party radosław-sikorski \(Radosław Sikorski\) as the id/,
      );
    givenParty([])
      .when(register('sikorski', 'Radoslaw Sikorski'))
      .thenRejects('conflict', /answers to party radosław-sikorski/);
  });

  it('counts the names of a merged duplicate as the names of the party it was merged into', () => {
    givenParty([])
      .when(register('jane', 'J. ROE'))
      .thenRejects(
        'conflict',
        /"J. ROE" already answers to party jane-roe-2 \(Jane Roe-Smith\) as an alias of jane-roe, which was merged into it/,
      );
  });

  it('registers a name no party answers to', () => {
    givenParty([])
      .when(register('russian-government', 'Russian government'))
      .then([
        {
          type: 'PartyRegistered',
          data: { partyId: 'russian-government', name: 'Russian government', kind: 'government', aliases: [] },
        },
      ]);
  });

  it('refuses a revision that takes another party’s name or alias, pointing at the merge', () => {
    givenParty([janeRoeSmith])
      .when(revise({ addAliases: ['us-regierung'] }))
      .thenRejects(
        'conflict',
        /"us-regierung" already answers to party us-government \(US government\) as an alias; .*merge one into the other: POST \/v1\/parties\/jane-roe-2\/merge with \{"into": "us-government"\}/,
      );
    givenParty([janeRoeSmith])
      .when(revise({ name: 'Radoslaw Sikorski' }))
      .thenRejects('conflict', /answers to party radosław-sikorski/);
  });

  it('lets a party take again what answers to itself: its own names, its merged duplicates’ names', () => {
    givenParty([usGovernment])
      .when(revise({ name: 'US-Regierung' }))
      .then([
        {
          type: 'PartyRevised',
          data: {
            partyId: 'us-government',
            name: 'US-Regierung',
            addAliases: ['US government'],
            removeAliases: ['US-Regierung'],
          },
        },
      ]);
    givenParty([janeRoeSmith])
      .when(revise({ addAliases: ['J. Roe'] }))
      .then([{ type: 'PartyRevised', data: { partyId: 'jane-roe-2', addAliases: ['J. Roe'] } }]);
  });
});
