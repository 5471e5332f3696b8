import { Party } from '../../../../src/domain/party/party-mention';
import {
  emptyRegistry,
  evolveRegistry,
  foldRegistry,
  PartyRegistry,
} from '../../../../src/domain/party/party-registry';
import { registryLog } from './party-fixtures';

const mention = (name: string, id: string, kind: Party['kind'] = 'person'): Party => ({ id, name, kind });
const SUPPORT_TIME = '2026-01-27T12:00:00+01:00';

describe('resolving a mention', () => {
  it('takes an unregistered mention as an ad-hoc party under its own id', () => {
    const registry = foldRegistry([registryLog().registered('financial-times', 'Financial Times', 'media')]);

    expect(registry.resolve(mention('Jane Roe', 'jane-roe'))).toEqual({
      id: 'jane-roe',
      name: 'Jane Roe',
      kind: 'person',
      registered: false,
    });
    expect(registry.resolution(mention('Jane Roe', 'jane-roe'))).toMatchObject({
      matched: 'unregistered',
      decidedBy: [],
      summary: '“Jane Roe” matches no registered party',
    });
  });

  it('finds a registered party by id, whatever name the reporter typed', () => {
    const log = registryLog();
    const registry = foldRegistry([log.registered('financial-times', 'Financial Times', 'media')]);

    expect(registry.resolve(mention('FT.com', 'financial-times', 'organization'))).toEqual({
      id: 'financial-times',
      name: 'Financial Times',
      kind: 'media',
      registered: true,
    });
  });

  it('finds a party by its name or an alias in any spelling that differs in case, accents and spacing', () => {
    const log = registryLog();
    const registered = log.registered('volodymyr-zelensky', 'Volodymyr Zelensky', 'person', [
      'Wolodymyr Selenskyj',
      'Володимир Зеленський',
    ]);
    const registry = foldRegistry([registered]);

    for (const name of ['VOLODYMYR  ZELENSKY', 'Wolodymyr Selenskyj', 'володимир зеленський', 'Wołodymyr Sełenskyj']) {
      expect(registry.resolve(mention(name, 'someone-else')).id).toBe('volodymyr-zelensky');
    }
    expect(registry.resolution(mention('Wolodymyr Selenskyj', 'wolodymyr-selenskyj'))).toMatchObject({
      matched: 'alias',
      matchedPartyId: 'volodymyr-zelensky',
      decidedBy: [{ eventId: registered.eventId, type: 'PartyRegistered' }],
      summary: '“Wolodymyr Selenskyj” is an alias of Volodymyr Zelensky',
    });
    expect(registry.resolution(mention('Volodymyr Zelensky', 'vz'))).toMatchObject({ matched: 'name' });
  });

  it('finds a party by an id the older slug derived, which kept Latin letters such as ł', () => {
    const log = registryLog();
    const registered = log.registered('radoslaw-sikorski', 'Radek Sikorski', 'person');
    const registry = foldRegistry([registered]);

    expect(registry.resolve(mention('R. Sikorski', 'radosław-sikorski')).id).toBe('radoslaw-sikorski');
    expect(registry.resolution(mention('R. Sikorski', 'radosław-sikorski'))).toMatchObject({
      matched: 'id',
      matchedPartyId: 'radoslaw-sikorski',
      decidedBy: [{ eventId: registered.eventId }],
      summary: 'radosław-sikorski (as radoslaw-sikorski) is the registered party Radek Sikorski',
    });
  });

  it('prefers the exact id, then the one registered first among ids with one key', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('łodz-city', 'Łódź city hall', 'government'),
      log.registered('lodz-city', 'Lodz City FC', 'organization'),
    ]);

    expect(registry.resolve(mention('x', 'lodz-city')).name).toBe('Lodz City FC');
    expect(registry.resolve(mention('x', 'łodz-city')).name).toBe('Łódź city hall');
    expect(registry.resolve(mention('x', 'łódz-city')).name).toBe('Łódź city hall');
  });

  it('lets the id decide over the name', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('ft-alphaville', 'FT Alphaville', 'media'),
    ]);

    expect(registry.resolve(mention('Financial Times', 'ft-alphaville', 'media')).id).toBe('ft-alphaville');
  });

  it('hands an ad-hoc id over to the party registered under it later, in later versions only', () => {
    const log = registryLog();
    const before = foldRegistry([log.registered('financial-times', 'Financial Times', 'media')]);
    const after = evolveRegistry(before, log.registered('jane-roe', 'Jane Roe (FT)', 'person'));

    expect(before.resolve(mention('J. Roe', 'jane-roe')).registered).toBe(false);
    expect(after.resolve(mention('J. Roe', 'jane-roe'))).toEqual({
      id: 'jane-roe',
      name: 'Jane Roe (FT)',
      kind: 'person',
      registered: true,
    });
  });

  it('resolves a mention in each version by that version, however versions branch from one asked before', () => {
    const log = registryLog();
    const base = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('jane-roe', 'Jane Roe'),
    ]);
    const typed = mention('Jane Roe', 'j-roe');
    const byId = mention('J. Roe', 'jane-roe');
    expect(base.resolve(typed)).toMatchObject({ id: 'jane-roe', name: 'Jane Roe', registered: true });
    expect(base.resolve(byId)).toMatchObject({ id: 'jane-roe', name: 'Jane Roe', registered: true });

    const affiliated = evolveRegistry(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));
    const discredited = evolveRegistry(base, log.discredited('jane-roe', 'fabricated quotes'));
    const renamed = evolveRegistry(base, log.revised('jane-roe', { name: 'Jane Roe (FT)' }));
    const merged = evolveRegistry(base, log.merged('jane-roe', 'financial-times'));
    const taken = evolveRegistry(base, log.registered('j-roe', 'J. Roe'));

    // The old name is no longer hers: the mention by it stands for itself.
    expect(renamed.resolve(typed)).toMatchObject({ id: 'j-roe', name: 'Jane Roe', registered: false });
    expect(renamed.resolve(byId)).toMatchObject({ id: 'jane-roe', name: 'Jane Roe (FT)', registered: true });
    expect(merged.resolve(typed)).toMatchObject({ id: 'financial-times', name: 'Financial Times' });
    expect(taken.resolve(typed)).toMatchObject({ id: 'j-roe', name: 'J. Roe' });
    for (const version of [base, affiliated, discredited]) {
      expect(version.resolve(typed)).toEqual({ id: 'jane-roe', name: 'Jane Roe', kind: 'person', registered: true });
      expect(version.canonicalId('jane-roe')).toBe('jane-roe');
    }
    expect(discredited.discredited('jane-roe')?.reason).toBe('fabricated quotes');
    expect(affiliated.discredited('jane-roe')).toBeUndefined();
    expect(merged.canonicalId('jane-roe')).toBe('financial-times');
  });

  it('keeps the kind an unregistered mention was given, when another mention shares its id and name', () => {
    const registry = foldRegistry([registryLog().registered('financial-times', 'Financial Times', 'media')]);

    expect(registry.resolve(mention('Acme', 'acme', 'organization')).kind).toBe('organization');
    expect(registry.resolve(mention('Acme', 'acme', 'media')).kind).toBe('media');
  });

  it('follows an alias as it is added and removed', () => {
    const log = registryLog();
    const registered = foldRegistry([log.registered('financial-times', 'Financial Times', 'media')]);
    const withAlias = evolveRegistry(
      registered,
      log.revised('financial-times', { addAliases: ['The Financial Times'] }),
    );
    const without = evolveRegistry(
      withAlias,
      log.revised('financial-times', { removeAliases: ['the financial times'] }),
    );
    const theFt = mention('The Financial Times', 'the-financial-times', 'media');

    expect([registered, withAlias, without].map((registry) => registry.resolve(theFt).id)).toEqual([
      'the-financial-times',
      'financial-times',
      'the-financial-times',
    ]);
  });

  it('follows a merge chain to the party that is not merged, by id and by the duplicates’ names', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('ft', 'FT', 'media'),
      log.registered('the-financial-times', 'The Financial Times', 'media', ['Financial Times Ltd']),
      log.registered('financial-times', 'Financial Times', 'media'),
      log.merged('ft', 'the-financial-times'),
      log.merged('the-financial-times', 'financial-times'),
    ]);

    for (const reporter of [
      mention('FT', 'ft'),
      mention('Financial Times Ltd', 'x'),
      mention('the financial times', 'y'),
    ]) {
      expect(registry.resolve(reporter)).toMatchObject({ id: 'financial-times', name: 'Financial Times' });
    }
    expect(registry.canonicalId('ft')).toBe('financial-times');
    expect(registry.members('ft')).toEqual(['financial-times', 'ft', 'the-financial-times']);
    expect(registry.resolution(mention('FT', 'ft'))).toMatchObject({
      matched: 'id',
      summary: 'ft was merged into Financial Times',
      decidedBy: [{ type: 'PartyRegistered' }, { type: 'PartyMerged' }, { type: 'PartyMerged' }].map(
        expect.objectContaining,
      ),
    });
  });

  it('ends a merge cycle (two merges at once) at its smallest id', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('b-party', 'B', 'media'),
      log.registered('a-party', 'A', 'media'),
      log.merged('a-party', 'b-party'),
      log.merged('b-party', 'a-party'),
    ]);

    expect([registry.canonicalId('a-party'), registry.canonicalId('b-party')]).toEqual(['a-party', 'a-party']);
  });

  it('gives a name two parties claim to the registered name before an alias, then to the earlier', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('reuters-alias-holder', 'Thomson', 'media', ['Reuters']),
      log.registered('reuters', 'Reuters', 'media'),
      log.registered('thomson-reuters', 'Thomson Reuters', 'organization', ['TR']),
      log.registered('tr-news', 'TR News', 'media', ['TR']),
    ]);

    expect(registry.resolve(mention('reuters', 'x')).id).toBe('reuters');
    expect(registry.resolve(mention('TR', 'y')).id).toBe('thomson-reuters');
  });

  it('leaves older versions as they were and cannot be changed from outside', () => {
    const log = registryLog();
    const v1 = foldRegistry([log.registered('financial-times', 'Financial Times', 'media')]);
    const v2 = evolveRegistry(v1, log.revised('financial-times', { name: 'The Financial Times' }));

    expect(v1.party('financial-times')?.name).toBe('Financial Times');
    expect(v2.party('financial-times')?.name).toBe('The Financial Times');
    expect(v2.position).toBeGreaterThan(v1.position);
    expect(emptyRegistry.position).toBe(-1);
    expect(Object.isFrozen(v1.party('financial-times'))).toBe(true);
  });
});

describe('related parties', () => {
  it('relates a party to itself only, when nothing is registered', () => {
    expect(emptyRegistry.related('reuters', 'reuters', SUPPORT_TIME)).toBe(true);
    expect(emptyRegistry.related('reuters', 'ap', SUPPORT_TIME)).toBe(false);
  });

  it('relates a party to the one it is affiliated with, in both orders, and explains it', () => {
    const log = registryLog();
    const employed = log.affiliated('jane-roe', 'employed_by', 'financial-times');
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('jane-roe', 'Jane Roe'),
      log.registered('reuters', 'Reuters', 'media'),
      employed,
    ]);

    expect(registry.related('jane-roe', 'financial-times', SUPPORT_TIME)).toBe(true);
    expect(registry.related('financial-times', 'jane-roe', SUPPORT_TIME)).toBe(true);
    expect(registry.related('reuters', 'jane-roe', SUPPORT_TIME)).toBe(false);
    expect(registry.relation('jane-roe', 'financial-times', SUPPORT_TIME)).toEqual({
      via: 'financial-times',
      paths: [
        [
          {
            partyId: 'jane-roe',
            relation: 'employed_by',
            withPartyId: 'financial-times',
            affiliatedBy: expect.objectContaining({ eventId: employed.eventId }),
          },
        ],
        [],
      ],
      decidedBy: [expect.objectContaining({ eventId: employed.eventId, position: employed.position })],
      summary: 'Jane Roe is employed by Financial Times',
    });
    expect(registry.relation('reuters', 'jane-roe', SUPPORT_TIME)).toBeUndefined();
  });

  it('relates two parties affiliated with a common one', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('jane-roe', 'Jane Roe'),
      log.registered('john-doe', 'John Doe'),
      log.affiliated('jane-roe', 'employed_by', 'financial-times'),
      log.affiliated('john-doe', 'employed_by', 'financial-times'),
    ]);

    expect(registry.related('jane-roe', 'john-doe', SUPPORT_TIME)).toBe(true);
    expect(registry.relation('jane-roe', 'john-doe', SUPPORT_TIME)?.summary).toBe(
      'Jane Roe and John Doe are both employed by Financial Times',
    );
  });

  it('relates a ministry and the president’s envoy through the government, transitively', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('russian-government', 'Russian government', 'government'),
      log.registered('russian-defence-ministry', 'Russian Ministry of Defence', 'government'),
      log.registered('vladimir-putin', 'Vladimir Putin'),
      log.registered('kirill-dmitriev', 'Kirill Dmitriev'),
      log.affiliated('russian-defence-ministry', 'part_of', 'russian-government'),
      log.affiliated('vladimir-putin', 'member_of', 'russian-government'),
      log.affiliated('kirill-dmitriev', 'spokesperson_for', 'vladimir-putin'),
    ]);

    const relation = registry.relation('kirill-dmitriev', 'russian-defence-ministry', SUPPORT_TIME);
    expect(relation?.via).toBe('russian-government');
    expect(relation?.decidedBy).toHaveLength(3);
    expect(relation?.summary).toBe(
      'Kirill Dmitriev is spokesperson for Vladimir Putin, which is a member of Russian government; ' +
        'Russian Ministry of Defence is part of Russian government',
    );
  });

  it('does not relate two parties that only share someone affiliated with both', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('nikkei', 'Nikkei', 'media'),
      log.registered('pearson', 'Pearson', 'organization'),
      log.registered('financial-times', 'Financial Times', 'media'),
      log.affiliated('financial-times', 'owned_by', 'nikkei', { from: '2015-11-30T00:00:00Z' }),
      log.affiliated('financial-times', 'owned_by', 'pearson', { to: '2015-11-30T00:00:00Z' }),
    ]);

    expect(registry.related('nikkei', 'pearson', '2010-01-01T00:00:00Z')).toBe(false);
  });

  describe('counting only affiliations in effect at the instant', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('jane-roe', 'Jane Roe'),
      log.affiliated('jane-roe', 'employed_by', 'financial-times', {
        from: '2025-01-01T00:00:00+01:00',
        to: '2026-01-01T00:00:00+01:00',
      }),
    ]);

    it.each([
      ['before it starts', '2024-12-31T23:59:59+01:00', false],
      ['at its start', '2025-01-01T00:00:00+01:00', true],
      ['inside it', '2025-06-01T12:00:00Z', true],
      ['at its end (which is not part of it)', '2025-12-31T23:00:00Z', false],
      ['after it', '2026-01-27T12:00:00+01:00', false],
    ])('%s', (_when, at, related) => {
      expect(registry.related('jane-roe', 'financial-times', at)).toBe(related);
    });
  });

  it('explains each instant by the affiliations in effect then, asked of one version in any order', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('us-government', 'US government', 'government'),
      log.registered('jane-roe', 'Jane Roe'),
      log.affiliated('jane-roe', 'employed_by', 'financial-times', { to: '2026-01-01T00:00:00Z' }),
      log.affiliated('jane-roe', 'spokesperson_for', 'us-government', { from: '2026-01-01T00:00:00Z' }),
    ]);
    const asked = ['2026-06-01T00:00:00Z', '2025-06-01T00:00:00Z', '2026-01-01T00:00:00Z', '2024-01-01T00:00:00Z'];

    const answers = asked.map((at) => ({
      at,
      outlet: registry.relation('jane-roe', 'financial-times', at)?.summary,
      government: registry.relation('us-government', 'jane-roe', at)?.summary,
    }));

    expect(answers).toEqual([
      { at: asked[0], outlet: undefined, government: 'Jane Roe is spokesperson for US government' },
      { at: asked[1], outlet: 'Jane Roe is employed by Financial Times', government: undefined },
      { at: asked[2], outlet: undefined, government: 'Jane Roe is spokesperson for US government' },
      { at: asked[3], outlet: 'Jane Roe is employed by Financial Times', government: undefined },
    ]);
  });

  it('stops counting an affiliation once it is ended, even retroactively, and only in later versions', () => {
    const log = registryLog();
    const affiliated = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('jane-roe', 'Jane Roe'),
      log.affiliated('jane-roe', 'employed_by', 'financial-times'),
    ]);
    const ended = evolveRegistry(affiliated, log.ended('jane-roe', 'financial-times', '2026-01-01T00:00:00+01:00'));

    expect(affiliated.related('jane-roe', 'financial-times', SUPPORT_TIME)).toBe(true);
    expect(ended.related('jane-roe', 'financial-times', SUPPORT_TIME)).toBe(false);
    expect(ended.related('jane-roe', 'financial-times', '2025-12-01T00:00:00+01:00')).toBe(true);
    expect(ended.party('jane-roe')?.affiliations[0]).toMatchObject({
      to: '2026-01-01T00:00:00+01:00',
      endedBy: { type: 'PartyAffiliationEnded' },
    });
  });

  it('counts affiliations recorded on or with a merged duplicate for the party it was merged into', () => {
    const log = registryLog();
    const merge = log.merged('the-ft', 'financial-times');
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('the-ft', 'The FT', 'media'),
      log.registered('nikkei', 'Nikkei', 'media'),
      log.registered('jane-roe', 'Jane Roe'),
      log.affiliated('jane-roe', 'employed_by', 'the-ft'),
      log.affiliated('the-ft', 'owned_by', 'nikkei'),
      merge,
    ]);

    expect(registry.related('jane-roe', 'financial-times', SUPPORT_TIME)).toBe(true);
    expect(registry.related('financial-times', 'nikkei', SUPPORT_TIME)).toBe(true);
    const relation = registry.relation('jane-roe', 'nikkei', SUPPORT_TIME);
    expect(relation?.summary).toBe('Jane Roe is employed by Financial Times, which is owned by Nikkei');
    expect(relation?.decidedBy.map((fact) => fact.eventId)).toContain(merge.eventId);
  });

  it('terminates on cycles of affiliations', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('a-party', 'A', 'organization'),
      log.registered('b-party', 'B', 'organization'),
      log.registered('c-party', 'C', 'organization'),
      log.registered('d-party', 'D', 'organization'),
      log.affiliated('a-party', 'part_of', 'b-party'),
      log.affiliated('b-party', 'part_of', 'c-party'),
      log.affiliated('c-party', 'part_of', 'a-party'),
      log.affiliated('d-party', 'affiliated_with', 'd-party'),
    ]);

    expect(registry.related('a-party', 'c-party', SUPPORT_TIME)).toBe(true);
    expect(registry.related('a-party', 'd-party', SUPPORT_TIME)).toBe(false);
    expect(registry.relation('c-party', 'b-party', SUPPORT_TIME)?.summary).toBe('B is part of C');
    expect(registry.relation('a-party', 'c-party', SUPPORT_TIME)?.summary).toBe('C is part of A');
    expect([...registry.dependents('a-party')].sort()).toEqual(['a-party', 'b-party', 'c-party']);
  });
});

describe('discredited parties', () => {
  it('tells the reason and the event until the party is reinstated, also through a merged id', () => {
    const log = registryLog();
    const discredit = log.discredited('jane-roe', 'fabricated quotes');
    const discredited = foldRegistry([
      log.registered('jane-roe', 'Jane Roe'),
      log.registered('j-roe', 'J. Roe'),
      log.merged('j-roe', 'jane-roe'),
      discredit,
    ]);
    const reinstated = evolveRegistry(discredited, log.reinstated('jane-roe', 'the quotes were confirmed'));

    expect(discredited.discredited('j-roe')).toEqual({
      reason: 'fabricated quotes',
      discreditedBy: expect.objectContaining({ eventId: discredit.eventId }),
    });
    expect(reinstated.discredited('jane-roe')).toBeUndefined();
    expect(discredited.discredited('someone-unregistered')).toBeUndefined();
  });
});

describe('foldRegistry', () => {
  it('gives the same registry in one fold as event by event', () => {
    const log = registryLog();
    const events = [
      log.registered('financial-times', 'Financial Times', 'media', ['FT']),
      log.registered('jane-roe', 'Jane Roe'),
      log.affiliated('jane-roe', 'employed_by', 'financial-times'),
      log.revised('financial-times', { addAliases: ['The Financial Times'] }),
    ];

    const stepByStep = events.reduce(evolveRegistry, emptyRegistry);
    const atOnce = foldRegistry(events.slice(2), foldRegistry(events.slice(0, 2)));

    expect([...atOnce.parties()]).toEqual([...stepByStep.parties()]);
    expect(atOnce.position).toBe(stepByStep.position);
  });

  it('skips events the decider would not have written: a second registration, a change to an unknown party', () => {
    const log = registryLog();
    const registry = foldRegistry([
      log.registered('financial-times', 'Financial Times', 'media'),
      log.registered('financial-times', 'Fake Times', 'media'),
      log.discredited('nobody', 'no such party'),
    ]);

    expect(registry.party('financial-times')?.name).toBe('Financial Times');
    expect(registry.party('nobody')).toBeUndefined();
  });
});

describe('a registry evolved event by event, with queries between', () => {
  /** Updated indexes and indexes built from scratch must answer alike; this log touches every kind of update. */
  it('answers every question as a registry folded from scratch', () => {
    const log = registryLog();
    const ids = ['ft', 'nikkei', 'jane', 'john', 'ivy', 'the-ft', 'pearson', 'ghost', 'łodz', 'lodz'];
    const events = [
      log.registered('ft', 'Financial Times', 'media', ['FT']),
      log.registered('nikkei', 'Nikkei', 'media'),
      log.registered('jane', 'Jane Roe'),
      log.affiliated('jane', 'employed_by', 'ft', { from: '2025-01-01T00:00:00Z' }),
      log.registered('john', 'John Doe', 'person', ['J. Doe']),
      log.affiliated('john', 'employed_by', 'the-ft'),
      log.registered('the-ft', 'The FT', 'media', ['Jane Roe']),
      log.affiliated('ft', 'owned_by', 'nikkei'),
      log.registered('ivy', 'Ivy', 'person'),
      log.affiliated('ivy', 'member_of', 'jane'),
      log.merged('the-ft', 'ft'),
      log.ended('jane', 'ft', '2026-01-10T00:00:00Z'),
      log.revised('ft', { addAliases: ['The Financial Times'], removeAliases: ['FT'] }),
      log.registered('pearson', 'Pearson', 'organization'),
      log.affiliated('the-ft', 'owned_by', 'pearson', { to: '2015-11-30T00:00:00Z' }),
      log.discredited('john', 'fabricated quotes'),
      log.affiliated('nikkei', 'affiliated_with', 'ivy'),
      log.registered('łodz', 'Łódź', 'government'),
      log.registered('lodz', 'Lodz Times', 'media'),
      log.merged('łodz', 'nikkei'),
    ];
    const instants = ['2010-01-01T00:00:00Z', '2025-06-01T00:00:00Z', '2026-01-27T12:00:00+01:00'];
    const names = ['FT', 'The Financial Times', 'Jane Roe', 'j. doe', 'The FT', 'Nikkei', 'nobody'];
    const answers = (registry: PartyRegistry) => ({
      resolved: [...ids.map((id) => mention('x', id)), ...names.map((name) => mention(name, 'unregistered'))].map(
        (party) => registry.resolve(party),
      ),
      byOlderIds: ['łódz', 'łodz', 'ſodz'].map((id) => registry.resolve(mention('x', id))),
      related: instants.flatMap((at) => ids.flatMap((a) => ids.map((b) => registry.related(a, b, at)))),
      members: ids.map((id) => registry.members(id)),
      dependents: ids.map((id) => [...registry.dependents(id)].sort()),
      discredited: ids.map((id) => registry.discredited(id)?.reason),
    });

    let registry: PartyRegistry = emptyRegistry;
    events.forEach((event, index) => {
      answers(registry);
      registry = evolveRegistry(registry, event);
      expect({ index, ...answers(registry) }).toEqual({ index, ...answers(foldRegistry(events.slice(0, index + 1))) });
    });
  });
});
