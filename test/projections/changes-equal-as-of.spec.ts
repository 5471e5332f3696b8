import { seededRandom } from '../support/workload';
import {
  STORYLINE,
  affiliationEnded,
  claimRecorded,
  contradicted,
  corrected,
  ft,
  janeRoe,
  partyAffiliated,
  partyDiscredited,
  partyRegistered,
  partyReinstated,
  retracted,
  reuters,
  sources,
  stakeholderNamed,
  stakeholderRemoved,
  storylineOpened,
  supported,
  usGovernment,
  verdictIssued,
  zelensky,
} from './support/events';
import { ChangesSpec, givenLog } from './support/changes-spec';
import { GivenEvent } from './support/projection-spec';

const OTHER = 'polish-image-caption';
/** Zelensky under the spelling of the seed, under its own slug: only an alias makes him out. */
const selenskyj = { id: 'wolodymyr-selenskyj', name: 'Wolodymyr Selenskyj', kind: 'person' };

/** Registry writes a desk would make, each valid where it falls: they re-evaluate claims recorded before them. */
function registryWrites(random: () => number) {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const registered = new Set<string>();
  const employedBy = new Set<string>();
  let discredited = false;
  const register = (party: typeof ft, aliases: string[] = []): GivenEvent[] =>
    registered.has(party.id) ? [] : (registered.add(party.id), [partyRegistered(party, aliases)]);
  return (): GivenEvent[] => {
    const roll = random();
    if (roll < 0.25) return register(zelensky, [selenskyj.name]);
    if (roll < 0.6) {
      const outlet = pick([ft, reuters]);
      const writes = [...register(janeRoe), ...register(outlet)];
      if (employedBy.has(outlet.id)) {
        employedBy.delete(outlet.id);
        return [
          ...writes,
          affiliationEnded(janeRoe.id, outlet.id, pick(['2026-01-20T00:00:00Z', '2026-02-01T00:00:00Z'])),
        ];
      }
      employedBy.add(outlet.id);
      return [...writes, partyAffiliated(janeRoe.id, 'employed_by', outlet.id)];
    }
    const writes = register(usGovernment);
    discredited = !discredited;
    return [...writes, discredited ? partyDiscredited(usGovernment.id) : partyReinstated(usGovernment.id)];
  };
}

/**
 * Stakeholders a desk names and removes now and then, drawn from a sequence of their own (so the
 * logs without them stay as they were): most often the party that just supported a claim, else one
 * of the parties that support claims (Jane Roe through the outlets the registry writes employ her
 * at), with stakes dated before or after the supports.
 */
function stakeholderWrites(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const storylineOfClaim = new Map<string, string>();
  return (events: GivenEvent[]): GivenEvent[] => {
    const last = events[events.length - 1];
    const data = last.data as { claimId: string; storylineId: string; by: { id: string } };
    if (last.type === 'ClaimRecorded') storylineOfClaim.set(data.claimId, data.storylineId);
    const from = pick([{}, { from: '2026-01-01T00:00:00Z' }, { from: '2026-01-28T00:00:00Z' }]);
    const storylineId = storylineOfClaim.get(data.claimId);
    if (last.type === 'ClaimSupported' && storylineId && random() < 0.5) {
      return [stakeholderNamed(storylineId, data.by.id, 'a party to the talks', from)];
    }
    if (random() >= 0.1) return [];
    const other = pick([STORYLINE, OTHER]);
    const partyId = pick([zelensky, ft, reuters, janeRoe]).id;
    if (random() < 0.5) return [stakeholderRemoved(other, partyId)];
    return [stakeholderNamed(other, partyId, 'a party to the talks', from)];
  };
}

/** A desk's log at random: claims in two storylines, then developments of every kind on them and registry writes. */
function randomLog(seed: number, length: number, jointPieces: boolean, stakeholders = false): GivenEvent[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const registryWrite = registryWrites(random);
  const stakeholderWrite = stakeholders ? stakeholderWrites(seed + 1) : (): GivenEvent[] => [];
  const events: GivenEvent[] = [storylineOpened(), storylineOpened(OTHER, 'Polish image caption')];
  const claims: string[] = [];
  const retractedClaims = new Set<string>();
  while (events.length < length) {
    if (claims.length >= 2) events.push(...stakeholderWrite(events));
    if (claims.length >= 2 && random() < 0.15) {
      events.push(...registryWrite());
      continue;
    }
    const roll = random();
    if (claims.length < 2 || roll < 0.2) {
      const id = `claim-${claims.length}`;
      claims.push(id);
      events.push(
        claimRecorded(id, {
          storylineId: pick([STORYLINE, OTHER]),
          claimant: pick([sources, zelensky]),
          reportedBy: pick([ft, reuters]),
        }),
      );
      continue;
    }
    const claimId = pick(claims);
    // With joint pieces, every third development is written with Jane Roe, whose affiliations the
    // registry writes move (chosen by the log's length, so the seeded draws stay as they were).
    const jointly = (by: { id: string }) =>
      jointPieces && by.id !== janeRoe.id && events.length % 3 === 0 ? { with: [janeRoe] } : {};
    if (roll < 0.45) {
      const supporter = pick([reuters, ft, zelensky, sources, janeRoe, selenskyj]);
      events.push(supported(claimId, supporter, jointly(supporter)));
    } else if (roll < 0.65) events.push(contradicted(claimId, usGovernment, jointly(usGovernment)));
    else if (roll < 0.75) events.push(corrected(claimId, { claimant: pick([sources, reuters, zelensky]) }));
    else if (roll < 0.9) events.push(verdictIssued(claimId, pick(['confirmed', 'refuted', 'misleading', 'unproven'])));
    else if (!retractedClaims.has(claimId)) {
      retractedClaims.add(claimId);
      events.push(retracted(claimId, ft));
    }
  }
  return events;
}

describe('what changed since, held against the as-of views (their registry and stakeholders) at since and at next', () => {
  it.each([
    [20260127, false, false],
    [7, false, false],
    [1, false, false],
    [20260127, true, false],
    [1, true, false],
    [1, false, true],
    [10, false, true],
    [1, true, true],
    [10, true, true],
  ])(
    'agrees with them for every since of a random log (seed %i, joint pieces: %s, stakeholders: %s)',
    async (seed, jointPieces, stakeholders) => {
      const spec = await givenLog(randomLog(seed, 60, jointPieces, stakeholders));
      try {
        const head = spec.log.length;
        const claimIds = [
          ...new Set(
            spec.log.flatMap((event) =>
              event.type === 'ClaimRecorded' ? [(event.data as { claimId: string }).claimId] : [],
            ),
          ),
        ];
        let decidedByRegistry = 0;
        for (let since = 0; since <= head; since++) {
          const answer = await spec.changes({ since }, { limit: 500 });
          decidedByRegistry += answer.claimsChanged.filter((claim) => claim.decidedBy?.type.startsWith('Party')).length;
          expect(answer.next).toBe(head);

          const added: string[] = [];
          const changed: Array<[string, string, string]> = [];
          for (const id of claimIds) {
            const before = await spec.timeTravel.claim(id, { atPosition: since });
            const after = await spec.timeTravel.claim(id, { atPosition: head });
            if (!after) continue;
            if (!before) added.push(id);
            else if (before.status !== after.status) changed.push([id, before.status, after.status]);
          }
          expect(answer.claimsAdded.map((claim) => claim.id).sort()).toEqual(added.sort());
          expect(answer.claimsChanged.map(({ id, before, after }) => [id, before, after]).sort()).toEqual(
            changed.sort(),
          );

          const headlines: Array<Record<string, string>> = [];
          for (const id of [STORYLINE, OTHER]) {
            const before = await spec.timeTravel.storyline(id, { atPosition: since }, 1);
            const after = await spec.timeTravel.storyline(id, { atPosition: head }, 1);
            if (after && before?.status !== after.status) {
              headlines.push({ id, ...(before ? { before: before.status } : {}), after: after.status });
            }
          }
          expect(answer.storylines.map(({ title: _title, ...headline }) => headline)).toEqual(headlines);
        }
        // The log is one where registry writes move statuses, not only the claims' own events.
        expect(decidedByRegistry).toBeGreaterThan(0);
        // And, with stakeholders, one where naming or removing one moves a status by itself.
        if (stakeholders) expect(await statusesMovedByStakeholderEvents(spec, claimIds)).toBeGreaterThan(0);
      } finally {
        await spec.close();
      }
    },
  );
});

/** How many claims' statuses a stakeholder event moved: the as-of view just before it against the one at it. */
async function statusesMovedByStakeholderEvents(spec: ChangesSpec, claimIds: string[]): Promise<number> {
  let moved = 0;
  for (const event of spec.log.filter((logged) => logged.type.startsWith('StorylineStakeholder'))) {
    for (const id of claimIds) {
      const before = await spec.timeTravel.claim(id, { atPosition: event.position - 1 });
      const at = await spec.timeTravel.claim(id, { atPosition: event.position });
      if (before && at && before.status !== at.status) moved += 1;
    }
  }
  return moved;
}
