import { CURRENT_SCHEMA_VERSION, asPartyEvent } from '../../src/application/events/factline-event';
import { RegistryHistory } from '../../src/application/queries/registry-history';
import { PartyReadModel, ReadModelsUnavailableError } from '../../src/application/queries/read-models.port';
import { PartyRegistry, foldRegistry } from '../../src/domain/party/party-registry';
import { ChangesSpec, givenLog } from './support/changes-spec';
import {
  STORYLINE,
  affiliationEnded,
  claimRecorded,
  ft,
  janeRoe,
  partyAffiliated,
  partyRegistered,
  partyRevised,
  sources,
  storylineOpened,
  supported,
} from './support/events';
import { GivenEvent } from './support/projection-spec';

const at = (second: number) => new Date(Date.UTC(2026, 0, 27, 8, 0, second)).toISOString();
const STAFF_REASON = 'Jane Roe is employed by Financial Times, which reported the claim';

/**
 * The FT reports a claim, Jane Roe supports it; the desk then registers both, finds she works for
 * the FT, and ends that affiliation before the date of her support. Positions are 1-based.
 */
const janeAtTheFt: GivenEvent[] = [
  storylineOpened(),
  claimRecorded('ft-report', { claimant: sources, reportedBy: ft }),
  supported('ft-report', janeRoe),
  partyRegistered(janeRoe),
  partyRegistered(ft, ['The Financial Times']),
  partyAffiliated('jane-roe', 'employed_by', 'financial-times'),
  affiliationEnded('jane-roe', 'financial-times', '2026-01-01T00:00:00Z'),
];

/** What a registry holds, comparably: its records and the position of its last event. */
const contentOf = (registry: PartyRegistry) => ({ position: registry.position, parties: [...registry.parties()] });

describe('the registry as it stood at a point', () => {
  let spec: ChangesSpec | undefined;
  const start = async (events: GivenEvent[], options?: Parameters<typeof givenLog>[1]) =>
    (spec = await givenLog(events, options));
  afterEach(async () => {
    await spec?.close();
    spec = undefined;
  });

  it('holds at each position exactly the party events up to it, and now all of them', async () => {
    const { registries, log } = await start(janeAtTheFt);
    for (let position = 0; position <= log.length; position++) {
      const expected = foldRegistry(log.slice(0, position).flatMap((event) => asPartyEvent(event) ?? []));
      expect(contentOf(await registries.at({ atPosition: position }))).toEqual(contentOf(expected));
    }
    expect(contentOf(await registries.at())).toEqual(
      contentOf(foldRegistry(log.flatMap((event) => asPartyEvent(event) ?? []))),
    );
  });

  it('weighs the claim at each position against the registry of that position', async () => {
    const { timeTravel } = await start(janeAtTheFt);
    const statuses = [];
    for (let position = 3; position <= 7; position++) {
      statuses.push((await timeTravel.claim('ft-report', { atPosition: position }))?.status);
    }
    expect(statuses).toEqual(['corroborated', 'corroborated', 'corroborated', 'unverified', 'corroborated']);
    const atTheFt = await timeTravel.claim('ft-report', { atPosition: 6 });
    expect(atTheFt?.supports[0]).toMatchObject({ independent: false, counts: false, reason: STAFF_REASON });
    expect(atTheFt?.explanation.registryEventIds?.at(-1)).toBe('event-6');
  });

  it("reads the party events past the read models' checkpoint from the log", async () => {
    const { registries, timeTravel } = await start(janeAtTheFt, { projectedUpTo: 5 });
    expect((await registries.at()).position).toBe(7);
    expect((await timeTravel.claim('ft-report', { atPosition: 6 }))?.status).toBe('unverified');
    expect((await timeTravel.claim('ft-report', { atPosition: 7 }))?.status).toBe('corroborated');
  });

  it('folds the whole log while the read models cannot serve the registry', async () => {
    const { store, log } = await start(janeAtTheFt);
    const rebuilding: Pick<PartyReadModel, 'registryEventsAfter'> = {
      registryEventsAfter: () => {
        throw new ReadModelsUnavailableError('the read models are being rebuilt to resolve parties');
      },
    };
    const registries = new RegistryHistory(store, rebuilding);
    expect(contentOf(await registries.at({ atPosition: 6 }))).toEqual(
      contentOf(foldRegistry(log.slice(0, 6).flatMap((event) => asPartyEvent(event) ?? []))),
    );
  });

  describe('as of a moment, with an event recorded before the one logged ahead of it', () => {
    // The affiliation (position 6) took long to commit: the alias (position 7) was recorded before it.
    const straggling: GivenEvent[] = [
      ...janeAtTheFt.slice(0, 5),
      { ...partyAffiliated('jane-roe', 'employed_by', 'financial-times'), recordedAt: at(20) },
      { ...partyRevised('jane-roe', { addAliases: ['J. Roe'] }), recordedAt: at(7) },
    ];

    it('holds the straggler without the event logged before it', async () => {
      const { registries } = await start(straggling);
      const asOf = await registries.versionAt({ asOf: at(10) });
      const atPosition = await registries.versionAt({ atPosition: 7 });

      expect(asOf.registry.party('jane-roe')).toMatchObject({ aliases: [{ name: 'J. Roe' }], affiliations: [] });
      expect(atPosition.registry.party('jane-roe')?.affiliations).toHaveLength(1);
      // Both end at position 7, yet they are different versions of the registry.
      expect([asOf.registry.position, atPosition.registry.position]).toEqual([7, 7]);
      expect(asOf.key).not.toBe(atPosition.key);
    });

    it('does not serve the storyline as of the moment from a fold weighed against another version', async () => {
      const { timeTravel } = await start(straggling);
      const statusesOf = async (point: { asOf: string } | { atPosition: number }) =>
        (await timeTravel.storyline(STORYLINE, point, 10))?.claims.map((claim) => claim.status);

      expect(await statusesOf({ atPosition: 7 })).toEqual(['unverified']);
      expect(await statusesOf({ asOf: at(10) })).toEqual(['corroborated']);
      expect((await timeTravel.claim('ft-report', { asOf: at(10) }))?.status).toBe('corroborated');
      expect(await statusesOf({ asOf: at(30) })).toEqual(['unverified']);
    });
  });

  describe('asked by many at once', () => {
    it('reads the read models once for the callers that wait together', async () => {
      const { store, readModels } = await start(janeAtTheFt);
      let reads = 0;
      const counting: Pick<PartyReadModel, 'registryEventsAfter'> = {
        registryEventsAfter: (position) => {
          reads += 1;
          return readModels.parties.registryEventsAfter(position);
        },
      };
      const registries = new RegistryHistory(store, counting);

      const answers = await Promise.all(Array.from({ length: 6 }, () => registries.at()));

      expect(reads).toBe(1);
      expect(new Set(answers).size).toBe(1);
      expect(answers[0].position).toBe(7);
    });

    it('sees an event appended before the call even while an earlier read is under way', async () => {
      const { store, registries } = await start(janeAtTheFt);
      const earlier = registries.at();
      await store.append(
        'party-jane-roe',
        [
          {
            eventId: 'late-alias',
            type: 'PartyRevised',
            data: { partyId: 'jane-roe', addAliases: ['Jane R.'] },
            metadata: {
              recordedAt: at(40),
              actor: 'desk',
              commandId: 'late',
              correlationId: 'late',
              causationId: 'late',
              schemaVersion: CURRENT_SCHEMA_VERSION,
            },
          },
        ],
        'any',
      );
      const later = await registries.at();
      await earlier;
      expect(later.party('jane-roe')?.aliases.map((alias) => alias.name)).toContain('Jane R.');
    });
  });
});
