import { ClaimsTouchedElsewhere } from '../../src/application/queries/changes/claims-touched-elsewhere';
import { cascadeOf, claimsReached } from '../../src/application/registry-cascade/registry-cascade';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mentionsOf } from '../../src/application/read-models/claims/party-mentions';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { knownClaimsOf } from '../../src/application/read-models/runtime/stored-claim-rows';
import { decideStatus } from '../../src/domain/claim/status-decision';
import { PartyRegistry, emptyRegistry } from '../../src/domain/party/party-registry';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import { generatedLog } from './support/generated-log';
import {
  claimRecorded,
  contradicted,
  ft,
  janeRoe,
  partyAffiliated,
  partyDiscredited,
  partyMerged,
  partyRegistered,
  partyRevised,
  reuters,
  storylineOpened,
  supported,
  usGovernment,
  zelensky,
} from './support/events';
import { GivenEvent, ReadModels, given, storedLog } from './support/projection-spec';

/**
 * The registry cascade: given the claims' mentions (written by the projection to a temp read-model
 * file), when registry events follow, then these are the claims they reach, the same for the live
 * projection (the generation's mentions index) and for "what changed since" (the query side's).
 */
const nikkei = { id: 'nikkei', name: 'Nikkei', kind: 'media' };
const johnDoe = { id: 'john-doe', name: 'John Doe', kind: 'person' };

const GIVEN: GivenEvent[] = [
  storylineOpened(),
  partyRegistered(ft, ['FT']),
  partyRegistered(nikkei),
  partyRegistered(usGovernment),
  // claim-a: reported by the FT, supported by Jane Roe (not registered yet)
  claimRecorded('claim-a'),
  supported('claim-a', janeRoe),
  // claim-b: Zelensky's, reported by Reuters, supported by "FT" typed under an id of its own
  claimRecorded('claim-b', { claimant: zelensky, reportedBy: reuters, attribution: 'on_record' }),
  supported('claim-b', { id: 'the-ft', name: 'FT', kind: 'media' }),
  // claim-c: the US government's, contradicted by John Doe
  claimRecorded('claim-c', { claimant: usGovernment, reportedBy: reuters, attribution: 'official_statement' }),
  contradicted('claim-c', johnDoe),
  // claim-d: names none of the parties below
  claimRecorded('claim-d', { claimant: { id: 'someone', name: 'Someone', kind: 'person' }, reportedBy: reuters }),
  // claim-e: reported by Nikkei, supported by the FT
  claimRecorded('claim-e', { reportedBy: nikkei }),
  supported('claim-e', ft),
];

describe('the registry cascade: given mentions, when registry events, then these claims', () => {
  let models: ReadModels;

  beforeAll(() => {
    models = given(GIVEN);
  });
  afterAll(() => models.close());

  const registryBefore = () => cascadeOf(storedLog(GIVEN), emptyRegistry).registry;

  /** The claims `events` (after the given ones) reach, by the projection's index and by the query side's. */
  async function reachedBy(...events: GivenEvent[]): Promise<string[]> {
    const window = storedLog([...GIVEN, ...events]).slice(GIVEN.length);
    const cascade = cascadeOf(window, registryBefore());
    const live = claimsReached(cascade, models.generation).sort();
    const changesSince = (await new ClaimsTouchedElsewhere(models.parties).claimIds(window, registryBefore())).sort();
    expect(changesSince).toEqual(live);
    return live;
  }

  it('reaches the claims that name a newly registered party, by its id or by its name', async () => {
    expect(await reachedBy(partyRegistered(janeRoe))).toEqual(['claim-a']);
    expect(await reachedBy(partyRegistered({ id: 'jane', name: 'JANE ROE', kind: 'person' }))).toEqual(['claim-a']);
  });

  it('reaches, by id alone, the claims naming a newly registered id under another name, whichever party the mention resolved to', async () => {
    // John Doe resolves to his own id (found by party); "FT" typed as the-ft resolves to the FT (found by mention id).
    expect(await reachedBy(partyRegistered({ id: 'john-doe', name: 'Jonathan Doe', kind: 'person' }))).toEqual([
      'claim-c',
    ]);
    expect(await reachedBy(partyRegistered({ id: 'the-ft', name: 'The Fortune Teller', kind: 'media' }))).toEqual([
      'claim-b',
    ]);
  });

  it('reaches the claims a removed alias no longer resolves, not those naming the party otherwise', async () => {
    expect(await reachedBy(partyRevised('financial-times', { removeAliases: ['FT'] }))).toEqual(['claim-b']);
  });

  it('reaches nothing for a revision no mention resolves differently by', async () => {
    expect(await reachedBy(partyRevised('financial-times', { addAliases: ['Financial Times (2)'] }))).toEqual([]);
    expect(await reachedBy(partyRevised('nikkei', { kind: 'organization' }))).toEqual([]);
  });

  // Only a claim naming two parties whose relatedness may move is reached: claim-a names the FT, but no party it may now be tied to.
  it('reaches, for an affiliation, the claims naming a party whose reach moved and a party it may now be related to', async () => {
    expect(await reachedBy(partyAffiliated('financial-times', 'owned_by', 'nikkei'))).toEqual(['claim-e']);
    expect(await reachedBy(partyAffiliated('nikkei', 'owned_by', 'us-government'))).toEqual([]);
    expect(
      await reachedBy(
        partyAffiliated('financial-times', 'owned_by', 'nikkei'),
        partyAffiliated('nikkei', 'owned_by', 'us-government'),
      ),
    ).toEqual(['claim-e']);
    expect(await reachedBy(partyAffiliated('reuters', 'owned_by', 'us-government'))).toEqual([]);
    expect(await reachedBy(partyRegistered(reuters), partyAffiliated('reuters', 'owned_by', 'us-government'))).toEqual([
      'claim-b',
      'claim-c',
      'claim-d',
    ]);
  });

  it('reaches, for a merge, the claims whose mentions resolve anew or name both parties', async () => {
    expect(await reachedBy(partyRegistered(johnDoe), partyMerged('john-doe', 'us-government'))).toEqual(['claim-c']);
    expect(await reachedBy(partyMerged('nikkei', 'financial-times'))).toEqual(['claim-e']);
  });

  it('reaches, for a discredit, the claims that name the party under any of its names', async () => {
    expect(await reachedBy(partyDiscredited('financial-times'))).toEqual(['claim-a', 'claim-b', 'claim-e']);
  });

  it('reaches nothing without party events, or for parties no claim names', async () => {
    expect(await reachedBy(claimRecorded('claim-e'))).toEqual([]);
    expect(await reachedBy(partyRegistered({ id: 'ap', name: 'AP', kind: 'media' }))).toEqual([]);
  });
});

/**
 * The property behind the narrowing: replaying a generated newsroom log (parties registered, aliased,
 * affiliated for a time, merged, discredited; storylines with stakeholders) one event at a time,
 * before each registry event every claim written so far is decided against the registry either side
 * of it; each claim whose status or mentions' resolved parties differ must be among those reached.
 */
describe.each([404, 505, 606])('the registry cascade against deciding every claim, generated log %i', (seed) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-cascade-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reaches every claim a registry event moves', () => {
    const db = openReadModelFile(path.join(dir, 'read-models.db'));
    const generation = new SqliteReadModelStore(db).createGeneration(READ_MODEL_VERSIONS, { bulk: false });
    const engine = new ProjectionEngine(generation);
    const claimIds = new Set<string>();
    let registry: PartyRegistry = emptyRegistry;
    const moved = { claims: 0, events: 0, reached: 0 };
    for (const event of generatedLog(seed, 2500, false)) {
      const cascade = cascadeOf([event], registry);
      if (cascade.registry !== registry) {
        const reached = new Set(claimsReached(cascade, generation));
        const claims = knownClaimsOf(generation.loadClaims([...claimIds]));
        const storylines = generation.loadStorylines([
          ...new Set([...claims.values()].map(({ facts }) => facts.storylineId)),
        ]);
        const movedHere = [...claims].filter(([, { facts }]) => {
          const stakeholders = storylines.get(facts.storylineId)?.record?.stakeholders;
          const sides = [registry, cascade.registry].map((version) => ({
            status: decideStatus(facts, version, stakeholders),
            parties: mentionsOf(facts, version).map(({ partyId, registered }) => `${partyId} ${registered}`),
          }));
          return JSON.stringify(sides[0]) !== JSON.stringify(sides[1]);
        });
        expect({ event: event.position, missed: movedHere.map(([id]) => id).filter((id) => !reached.has(id)) }).toEqual(
          {
            event: event.position,
            missed: [],
          },
        );
        moved.claims += movedHere.length;
        moved.events += movedHere.length > 0 ? 1 : 0;
        moved.reached += reached.size;
        registry = cascade.registry;
      }
      engine.apply([event]);
      if (event.type === 'ClaimRecorded') claimIds.add((event.data as { claimId: string }).claimId);
    }
    db.close();
    // The log must exercise the property: registry events that move claims, and claims reached that do not move.
    expect(moved.events).toBeGreaterThan(5);
    expect(moved.reached).toBeGreaterThanOrEqual(moved.claims);
  });
});
