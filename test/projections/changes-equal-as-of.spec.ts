import { seededRandom } from '../support/workload';
import {
  STORYLINE,
  claimRecorded,
  contradicted,
  corrected,
  ft,
  retracted,
  reuters,
  sources,
  storylineOpened,
  supported,
  usGovernment,
  verdictIssued,
  zelensky,
} from './support/events';
import { givenLog } from './support/changes-spec';
import { GivenEvent } from './support/projection-spec';

const OTHER = 'polish-image-caption';

/** A desk's log at random: claims in two storylines, then developments of every kind on them. */
function randomLog(seed: number, length: number): GivenEvent[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const events: GivenEvent[] = [storylineOpened(), storylineOpened(OTHER, 'Polish image caption')];
  const claims: string[] = [];
  const retractedClaims = new Set<string>();
  while (events.length < length) {
    const roll = random();
    if (claims.length < 2 || roll < 0.2) {
      const id = `claim-${claims.length}`;
      claims.push(id);
      events.push(claimRecorded(id, { storylineId: pick([STORYLINE, OTHER]), claimant: pick([sources, zelensky]) }));
      continue;
    }
    const claimId = pick(claims);
    if (roll < 0.45) events.push(supported(claimId, pick([reuters, ft, zelensky, sources])));
    else if (roll < 0.65) events.push(contradicted(claimId, usGovernment));
    else if (roll < 0.75) events.push(corrected(claimId, { claimant: pick([sources, reuters, zelensky]) }));
    else if (roll < 0.9) events.push(verdictIssued(claimId, pick(['confirmed', 'refuted', 'misleading', 'unproven'])));
    else if (!retractedClaims.has(claimId)) {
      retractedClaims.add(claimId);
      events.push(retracted(claimId, ft));
    }
  }
  return events;
}

describe('what changed since, held against the as-of views at since and at next', () => {
  it.each([20260127, 7, 42])('agrees with them for every since of a random log (seed %i)', async (seed) => {
    const spec = await givenLog(randomLog(seed, 60));
    try {
      const head = spec.log.length;
      const claimIds = [
        ...new Set(
          spec.log.flatMap((event) =>
            event.type === 'ClaimRecorded' ? [(event.data as { claimId: string }).claimId] : [],
          ),
        ),
      ];
      for (let since = 0; since <= head; since++) {
        const answer = await spec.changes({ since }, { limit: 500 });
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
        expect(answer.claimsChanged.map(({ id, before, after }) => [id, before, after]).sort()).toEqual(changed.sort());

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
    } finally {
      await spec.close();
    }
  });
});
