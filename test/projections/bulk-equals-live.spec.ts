import { asPartyEvent } from '../../src/application/events/factline-event';
import { evaluateClaim } from '../../src/application/read-models/claims/claim-evaluation';
import { ClaimRecord, foldClaimRecord } from '../../src/application/read-models/claims/claim-record';
import { toClaimSummary, toClaimView } from '../../src/application/read-models/claims/claim-view';
import { confirmedRivalsOf } from '../../src/application/read-models/claims/claim-rivals';
import { StorylineRecord, evolveStorylineRecord } from '../../src/application/read-models/storylines/storyline-view';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { foldRegistry } from '../../src/domain/party/party-registry';
import { SeededRandom } from '../../bench/workload/seeded-random';
import { generatedLog } from './support/generated-log';
import { given } from './support/projection-spec';

function stakeholdersAtEnd(log: StoredEvent[], storylineId: string) {
  let record: StorylineRecord | undefined;
  for (const event of log)
    if (event.streamId === `storyline-${storylineId}`) record = evolveStorylineRecord(record, event);
  return record?.stakeholders;
}

// Property: however the log is cut into pages, and whether it is bulk-loaded (indexes built at the
// end) or fed a few events at a time as live, the read models end with the same rows: a registry
// event re-evaluates the claims it reaches whether it comes in the same page as their events or later,
// and a rival's verdict or the other side of a relation those of the claims related to it.
describe.each([
  [101, false],
  [202, true],
  [303, false],
])('the read models of generated log %i (storylines opened late: %s)', (seed, lateOpenings) => {
  const log = generatedLog(seed, 3000, lateOpenings);

  it('are identical when built in bulk and when fed live in pages of random size', () => {
    const random = new SeededRandom(seed);
    const bulk = given(log, { bulk: true, pageSize: 1000 });
    const live = given(log, { pageSize: () => random.integer(1, 40) });
    try {
      const tables = bulk.tables();
      expect(Object.keys(tables).sort()).toEqual([
        'claim_events',
        'claim_parties',
        'claims',
        'mentions',
        'registry',
        'storyline_tags',
        'storylines',
        'timeline',
      ]);
      expect(tables.claims.length).toBeGreaterThan(100);
      expect(tables.timeline.length).toBeGreaterThan(1000);
      // Registry events are interleaved with the claims they re-evaluate.
      expect(tables.registry.length).toBeGreaterThan(20);
      expect(tables.mentions.filter((row) => row.includes('"registered":1')).length).toBeGreaterThan(100);
      // Retractions of both kinds are in the log, and some as older releases stored them (without a kind).
      const retractionKinds = new Set(
        log.filter((event) => event.type === 'ClaimRetracted').map((event) => (event.data as { kind?: string }).kind),
      );
      expect(retractionKinds).toEqual(new Set(['deleted', 'withdrawn', undefined]));
      // Rivals confirmed in some other page than the claims they ask to review.
      expect(log.filter((event) => event.type === 'ClaimRelated').length).toBeGreaterThan(2);
      // Storylines name and remove stakeholders, and claims name the parties they are about.
      const types = new Set(log.map((event) => event.type));
      expect(types).toContain('StorylineStakeholderNamed');
      expect(types).toContain('StorylineStakeholderRemoved');
      expect(live.tables()).toEqual(tables);
      // And every claim stands as the status rule makes it of its stream and the registry at the end;
      // its view, the explanation built on read, is the same from either and the rule's own.
      const registry = foldRegistry(log.flatMap((event) => asPartyEvent(event) ?? []));
      let explainedByTheRegistry = 0;
      let askedToReviewByARival = 0;
      // Joint pieces are among them: a registry event that reaches only a co-author re-evaluates the claim too.
      let withJointPieces = 0;
      // Stakeholders and subjects too: a stake discounts a support, a subject's denial is labelled.
      let withStakes = 0;
      let deniedBySubjects = 0;
      type Row = { id: string; status: string; needs_review: number };
      const rows = tables.claims.map((json) => JSON.parse(json) as Row);
      const records = new Map(
        rows.map(({ id }) => [id, foldClaimRecord(log.filter((event) => event.streamId === `claim-${id}`))!]),
      );
      const recordOf = (id: string) => records.get(id);
      const evaluationOf = (record: ClaimRecord) =>
        evaluateClaim(record.claim, registry, {
          confirmedRivals: confirmedRivalsOf(record, recordOf),
          stakeholders: stakeholdersAtEnd(log, record.claim.storylineId),
        });
      const summaryOf = (id: string) => {
        const other = records.get(id);
        return other && { ...toClaimSummary(other, evaluationOf(other)), storylineId: other.claim.storylineId };
      };
      for (const row of rows) {
        const record = records.get(row.id)!;
        const rivals = confirmedRivalsOf(record, recordOf);
        const evaluation = evaluationOf(record);
        expect({ status: row.status, needsReview: row.needs_review === 1 }).toEqual({
          status: evaluation.status,
          needsReview: evaluation.needsReview,
        });
        const view = live.claims.get(row.id);
        expect(view).toEqual(toClaimView(record, evaluation, summaryOf));
        expect(bulk.claims.get(row.id)).toEqual(view);
        if ((evaluation.explanation.registryEventIds ?? []).length > 0) explainedByTheRegistry += 1;
        if (rivals.length > 0) askedToReviewByARival += 1;
        if (JSON.stringify(view).includes('jointReporting')) withJointPieces += 1;
        if (JSON.stringify(view).includes('has a stake in this story')) withStakes += 1;
        if (JSON.stringify(view).includes('denial by the subject')) deniedBySubjects += 1;
      }
      expect(explainedByTheRegistry).toBeGreaterThan(100);
      expect(askedToReviewByARival).toBeGreaterThan(2);
      expect(withJointPieces).toBeGreaterThan(10);
      expect(withStakes).toBeGreaterThan(0);
      expect(deniedBySubjects).toBeGreaterThan(0);
    } finally {
      bulk.close();
      live.close();
    }
  });
});
