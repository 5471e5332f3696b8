import { ClaimsTouchedElsewhere } from '../../src/application/queries/changes/claims-touched-elsewhere';
import { cascadeOf, claimsReached } from '../../src/application/registry-cascade/registry-cascade';
import { emptyRegistry } from '../../src/domain/party/party-registry';
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

  it('reaches the claims an alias now resolves, and those that named the party', async () => {
    expect(await reachedBy(partyRevised('financial-times', { removeAliases: ['FT'] }))).toEqual(['claim-a', 'claim-b']);
  });

  // Only parties that reach the affiliated party gain or lose a common party: claim-c, the US government's, is not reached.
  it('reaches, for an affiliation, the claims of the party and of every party that reaches it', async () => {
    expect(await reachedBy(partyAffiliated('financial-times', 'owned_by', 'nikkei'))).toEqual(['claim-a', 'claim-b']);
    expect(await reachedBy(partyAffiliated('nikkei', 'owned_by', 'us-government'))).toEqual([]);
    expect(
      await reachedBy(
        partyAffiliated('financial-times', 'owned_by', 'nikkei'),
        partyAffiliated('nikkei', 'owned_by', 'us-government'),
      ),
    ).toEqual(['claim-a', 'claim-b']);
  });

  it('reaches, for a merge, the claims of both parties', async () => {
    expect(await reachedBy(partyRegistered(johnDoe), partyMerged('john-doe', 'us-government'))).toEqual(['claim-c']);
    expect(await reachedBy(partyMerged('nikkei', 'financial-times'))).toEqual(['claim-a', 'claim-b']);
  });

  it('reaches, for a discredit, the claims that name the party under any of its names', async () => {
    expect(await reachedBy(partyDiscredited('financial-times'))).toEqual(['claim-a', 'claim-b']);
  });

  it('reaches nothing without party events, or for parties no claim names', async () => {
    expect(await reachedBy(claimRecorded('claim-e'))).toEqual([]);
    expect(await reachedBy(partyRegistered({ id: 'ap', name: 'AP', kind: 'media' }))).toEqual([]);
  });
});
