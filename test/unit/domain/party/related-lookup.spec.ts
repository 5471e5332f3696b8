import { endOf, startOf } from '../../../../src/domain/party/affiliation';
import { AFFILIATION_RELATIONS, PartyEvent } from '../../../../src/domain/party/party.events';
import {
  PartyRegistry,
  emptyRegistry,
  evolveRegistry,
  foldRegistry,
} from '../../../../src/domain/party/party-registry';
import { RegistryEvent } from '../../../../src/domain/party/registry-records';
import { SeededRandom } from '../../../../bench/workload/seeded-random';

/**
 * Whether two parties are related is looked up in each party's reach table, kept per registry version
 * and carried over from version to version. These registries are generated (seeded, so a failure
 * repeats); the answer of every version, asked between the events, must be the one a walk of the
 * affiliations in effect at the instant gives: the way relatedness was decided before the tables.
 */

/** The parties `partyId` reaches at `at`: a walk over the affiliations of every record, merges followed. */
function walkedAncestors(registry: PartyRegistry, partyId: string, at: number): Set<string> {
  const edges = new Map<string, string[]>();
  for (const record of registry.parties()) {
    const from = registry.canonicalId(record.id);
    for (const affiliation of record.affiliations) {
      const to = registry.canonicalId(affiliation.withPartyId);
      const [start, end] = [startOf(affiliation), endOf(affiliation)];
      const inEffect = (start === -Infinity || start <= at) && (end === Infinity || at < end);
      if (to !== from && start < end && inEffect) edges.set(from, [...(edges.get(from) ?? []), to]);
    }
  }
  const reached = new Set([partyId]);
  for (const party of reached) for (const to of edges.get(party) ?? []) reached.add(to);
  return reached;
}

function walkedRelated(registry: PartyRegistry, a: string, b: string, at: string): boolean {
  if (a === b) return true;
  const instant = Date.parse(at);
  const fromA = walkedAncestors(registry, registry.canonicalId(a), instant);
  return [...walkedAncestors(registry, registry.canonicalId(b), instant)].some((party) => fromA.has(party));
}

const DAYS = ['2024-01-01', '2024-03-01', '2024-06-01', '2024-09-01', '2025-01-01', '2025-06-01'];
const at = (day: string) => `${day}T00:00:00Z`;

/** A registry's log: parties registered, affiliated (open or bounded), ended, merged, in random order. */
function generatedLog(random: SeededRandom, parties: number, events: number): RegistryEvent[] {
  const ids = Array.from({ length: parties }, (_, index) => `p${index}`);
  const log: RegistryEvent[] = [];
  const add = (event: PartyEvent) =>
    log.push({ ...event, eventId: `e${log.length}`, position: log.length } as RegistryEvent);
  for (const partyId of ids)
    add({ type: 'PartyRegistered', data: { partyId, name: partyId, kind: 'person', aliases: [] } });
  for (let index = 0; index < events; index++) {
    const [partyId, withPartyId] = [random.pick(ids), random.pick(ids)];
    const roll = random.next();
    if (roll < 0.65) {
      const [from, to] = [random.integer(0, DAYS.length - 1), random.integer(0, DAYS.length - 1)];
      const period = {
        ...(random.chance(0.5) ? { from: at(DAYS[from]) } : {}),
        ...(random.chance(0.4) ? { to: at(DAYS[to]) } : {}),
      };
      add({
        type: 'PartyAffiliated',
        data: { partyId, withPartyId, relation: random.pick(AFFILIATION_RELATIONS), ...period },
      });
    } else if (roll < 0.85) {
      add({ type: 'PartyAffiliationEnded', data: { partyId, withPartyId, to: at(random.pick(DAYS)) } });
    } else if (partyId !== withPartyId) {
      add({ type: 'PartyMerged', data: { partyId, intoPartyId: withPartyId } });
    }
  }
  return log;
}

describe('relatedness looked up in reach tables', () => {
  const instants = [...DAYS.map(at), '2024-04-15T12:00:00+02:00', 'not a time'];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('answers as the walk does on every version of generated registry %i', (seed) => {
    const random = new SeededRandom(seed);
    const log = generatedLog(random, 12, 40);
    const ids = [...new Set(log.map((event) => event.data.partyId)), 'unregistered'];
    let registry = emptyRegistry;
    for (const event of log) {
      registry = evolveRegistry(registry, event);
      // A few questions on every version fill its tables, which the next versions take over.
      for (let question = 0; question < 20; question++) {
        const [a, b, instant] = [random.pick(ids), random.pick(ids), random.pick(instants)];
        expect({ a, b, instant, related: registry.related(a, b, instant) }).toEqual({
          a,
          b,
          instant,
          related: walkedRelated(registry, a, b, instant),
        });
      }
    }
    const answers = instants.flatMap((instant) =>
      ids.flatMap((a) => ids.map((b) => ({ a, b, instant, related: registry.related(a, b, instant) }))),
    );
    expect(answers).toEqual(
      answers.map(({ a, b, instant }) => ({ a, b, instant, related: walkedRelated(registry, a, b, instant) })),
    );
  });

  // Folded at once, a version works out every table on first use, each from those its edges lead to;
  // a generated log this long has chains several deep and cycles, where the tables are walked instead.
  it.each([1, 2, 3, 4])(
    'answers as the walk does on the first use of generated registry %i, folded at once',
    (seed) => {
      const random = new SeededRandom(seed);
      const log = generatedLog(random, 24, 90);
      const ids = [...new Set(log.map((event) => event.data.partyId)), 'unregistered'];
      const registry = foldRegistry(log);
      const answers = instants.flatMap((instant) =>
        ids.flatMap((a) => ids.map((b) => ({ a, b, instant, related: registry.related(a, b, instant) }))),
      );
      expect(answers).toEqual(
        answers.map(({ a, b, instant }) => ({ a, b, instant, related: walkedRelated(registry, a, b, instant) })),
      );
    },
  );
});
