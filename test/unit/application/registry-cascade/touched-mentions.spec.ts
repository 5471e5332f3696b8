import { evolveRegistry, foldRegistry, PartyRegistry } from '../../../../src/domain/party/party-registry';
import { affectedBy, unionOf } from '../../../../src/application/registry-cascade/touched-mentions';
import { normalizeName } from '../../../../src/domain/party/party-names';
import { RegistryEvent } from '../../../../src/domain/party/registry-records';
import { registryLog } from '../../domain/party/party-fixtures';

describe('affectedBy: the mentions a registry event may change', () => {
  const log = registryLog();
  const base = foldRegistry([
    log.registered('financial-times', 'Financial Times', 'media', ['FT']),
    log.registered('nikkei', 'Nikkei', 'media'),
    log.registered('jane-roe', 'Jane Roe'),
    log.registered('john-doe', 'John Doe'),
    log.registered('intern', 'Ivy Intern'),
    log.registered('the-ft', 'The FT', 'media'),
    log.affiliated('john-doe', 'employed_by', 'financial-times'),
    log.affiliated('intern', 'employed_by', 'jane-roe'),
  ]);
  const apply = (registry: PartyRegistry, event: RegistryEvent) =>
    affectedBy(registry, evolveRegistry(registry, event), event);

  it('a registration: the id it takes over and every name it brings', () => {
    const affected = apply(base, log.registered('reuters', 'Reuters', 'media', ['Thomson Reuters']));

    expect([...affected.partyIds]).toEqual(['reuters']);
    expect([...affected.names].sort()).toEqual(['reuters', 'thomson reuters']);
  });

  it('a registration: also the mentions whose id an older slug derived, by their key', () => {
    const affected = apply(base, log.registered('łodz-council', 'Rada Miejska w Łodzi', 'government'));

    expect([...affected.partyIds].sort()).toEqual(['lodz-council', 'łodz-council']);
  });

  it('a revision: the party’s mentions under its old and new names and aliases', () => {
    const affected = apply(base, log.revised('financial-times', { name: 'FT Group', removeAliases: ['FT'] }));

    expect([...affected.partyIds]).toEqual(['financial-times']);
    expect(affected.names).toEqual(new Set(['financial times', 'ft', 'ft group']));
  });

  it('an affiliation: the party and everyone affiliated with it, not the other side’s other affiliates', () => {
    const affected = apply(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));

    expect([...affected.partyIds].sort()).toEqual(['intern', 'jane-roe']);
    expect(affected.names).toEqual(new Set(['jane roe', 'ivy intern']));
  });

  it('an ending: the same parties as the affiliation it ends', () => {
    const affiliated = evolveRegistry(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));
    const affected = apply(affiliated, log.ended('jane-roe', 'financial-times', '2026-01-01T00:00:00Z'));

    expect([...affected.partyIds].sort()).toEqual(['intern', 'jane-roe']);
  });

  it('a merge: both parties, everyone affiliated with either, and the duplicate’s names', () => {
    const affected = apply(base, log.merged('the-ft', 'financial-times'));

    expect([...affected.partyIds].sort()).toEqual(['financial-times', 'john-doe', 'the-ft']);
    expect(affected.names).toEqual(new Set(['the ft', 'financial times', 'ft', 'john doe']));
  });

  it('a discredit: the party and its merged duplicates only', () => {
    const merged = evolveRegistry(base, log.merged('the-ft', 'financial-times'));
    const affected = apply(merged, log.discredited('financial-times', 'fabricated quotes'));

    expect([...affected.partyIds].sort()).toEqual(['financial-times', 'the-ft']);
    expect(affected.names.has(normalizeName('The FT'))).toBe(true);
    expect(affected.partyIds.has('john-doe')).toBe(false);
  });

  it('several changes as one union, which reaches what any of them reaches', () => {
    const registration = apply(base, log.registered('reuters', 'Reuters', 'media'));
    const affiliation = apply(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));

    const union = unionOf([registration, affiliation]);

    expect([...union.partyIds].sort()).toEqual(['intern', 'jane-roe', 'reuters']);
    expect(union.names).toEqual(new Set(['reuters', 'jane roe', 'ivy intern']));
    expect(unionOf([]).partyIds.size + unionOf([]).names.size).toBe(0);
  });
});
