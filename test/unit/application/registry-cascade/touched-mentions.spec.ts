import { evolveRegistry, foldRegistry, PartyRegistry } from '../../../../src/domain/party/party-registry';
import { affectedBy, reachesNothing, unionOf } from '../../../../src/application/registry-cascade/touched-mentions';
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

  const sorted = (values: ReadonlySet<string>) => [...values].sort();

  it('a registration: the id it takes over and every name it brings, and nothing of relatedness', () => {
    const affected = apply(base, log.registered('reuters', 'Reuters', 'media', ['Thomson Reuters']));

    expect(sorted(affected.mentionIds)).toEqual(['reuters']);
    expect(sorted(affected.names)).toEqual(['reuters', 'thomson reuters']);
    expect(affected.discredited.size + affected.moved.size).toBe(0);
  });

  it('a registration: the mentions whose id an older slug derived, by their key', () => {
    const affected = apply(base, log.registered('łodz-council', 'Rada Miejska w Łodzi', 'government'));

    expect(sorted(affected.mentionIds)).toEqual(['lodz-council']);
  });

  it('a revision: the names it gives, takes or hands over, not the names and id it keeps', () => {
    const affected = apply(base, log.revised('financial-times', { name: 'FT Group', removeAliases: ['FT'] }));

    expect(affected.mentionIds.size).toBe(0);
    expect(sorted(affected.names)).toEqual(['financial times', 'ft', 'ft group']);
  });

  it('an alias no mention can have met before: that name only', () => {
    const affected = apply(base, log.revised('financial-times', { addAliases: ['Financial Times (2)'] }));

    expect(sorted(affected.names)).toEqual(['financial times (2)']);
    expect(affected.mentionIds.size + affected.discredited.size + affected.moved.size).toBe(0);
  });

  it('an affiliation: the parties whose reach moved, and the parties they may now be related to', () => {
    const affected = apply(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));

    expect(sorted(affected.moved)).toEqual(['intern', 'jane-roe']);
    expect(sorted(affected.partners)).toEqual(['financial-times', 'intern', 'jane-roe', 'john-doe']);
    expect(affected.mentionIds.size + affected.names.size).toBe(0);
  });

  it('an ending: the same parties as the affiliation it ends', () => {
    const affiliated = evolveRegistry(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));
    const affected = apply(affiliated, log.ended('jane-roe', 'financial-times', '2026-01-01T00:00:00Z'));

    expect(sorted(affected.moved)).toEqual(['intern', 'jane-roe']);
  });

  it('an affiliation its party already has through another way, at every instant: nothing', () => {
    const twice = evolveRegistry(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));
    const affected = apply(twice, log.affiliated('intern', 'employed_by', 'financial-times'));

    expect(reachesNothing(affected)).toBe(true);
  });

  it('a merge: the duplicate’s id and names, and the reach of both parties’ affiliates', () => {
    const affected = apply(base, log.merged('the-ft', 'financial-times'));

    expect(sorted(affected.mentionIds)).toEqual(['the-ft']);
    expect(sorted(affected.names)).toEqual(['the ft']);
    expect(affected.moved.has('the-ft')).toBe(true);
  });

  it('a discredit: the party, as mentions resolve to it, and no names or ids', () => {
    const merged = evolveRegistry(base, log.merged('the-ft', 'financial-times'));
    const affected = apply(merged, log.discredited('financial-times', 'fabricated quotes'));

    expect(sorted(affected.discredited)).toEqual(['financial-times']);
    expect(affected.mentionIds.size + affected.names.size + affected.moved.size).toBe(0);
    expect(affected.names.has(normalizeName('The FT'))).toBe(false);
  });

  it('several changes as one union, which reaches what any of them reaches', () => {
    const registration = apply(base, log.registered('reuters', 'Reuters', 'media'));
    const affiliation = apply(base, log.affiliated('jane-roe', 'employed_by', 'financial-times'));

    const union = unionOf([registration, affiliation]);

    expect(sorted(union.mentionIds)).toEqual(['reuters']);
    expect(sorted(union.moved)).toEqual(['intern', 'jane-roe']);
    expect(reachesNothing(unionOf([]))).toBe(true);
  });
});
