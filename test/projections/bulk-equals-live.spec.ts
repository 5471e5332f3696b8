import { asPartyEvent } from '../../src/application/events/factline-event';
import { evaluateClaim } from '../../src/application/projections/claim-evaluation';
import { foldClaimRecord } from '../../src/application/projections/claim-record';
import { toClaimView } from '../../src/application/projections/claim-view';
import { foldRegistry } from '../../src/domain/party/party-registry';
import { SeededRandom } from '../../bench/workload/seeded-random';
import { generatedLog } from './support/generated-log';
import { given } from './support/projection-spec';

// Property: however the log is cut into pages, and whether it is bulk-loaded (indexes built at the
// end) or fed a few events at a time as live, the read models end with the same rows: a registry
// event re-evaluates the claims it reaches whether it comes in the same page as their events or later.
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
      expect(live.tables()).toEqual(tables);
      // And every claim stands as the status rule makes it of its stream and the registry at the end;
      // its view, the explanation built on read, is the same from either and the rule's own.
      const registry = foldRegistry(log.flatMap((event) => asPartyEvent(event) ?? []));
      let explainedByTheRegistry = 0;
      type Row = { id: string; status: string; needs_review: number };
      for (const row of tables.claims.map((json) => JSON.parse(json) as Row)) {
        const record = foldClaimRecord(log.filter((event) => event.streamId === `claim-${row.id}`))!;
        const evaluation = evaluateClaim(record.claim, registry);
        expect({ status: row.status, needsReview: row.needs_review === 1 }).toEqual({
          status: evaluation.status,
          needsReview: evaluation.needsReview,
        });
        const view = live.claims.get(row.id);
        expect(view).toEqual(toClaimView(record, evaluation));
        expect(bulk.claims.get(row.id)).toEqual(view);
        if ((evaluation.explanation.registryEventIds ?? []).length > 0) explainedByTheRegistry += 1;
      }
      expect(explainedByTheRegistry).toBeGreaterThan(100);
    } finally {
      bulk.close();
      live.close();
    }
  });
});
