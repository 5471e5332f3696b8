import { asPartyEvent } from '../../src/application/events/factline-event';
import { evaluateClaim } from '../../src/application/projections/claim-evaluation';
import { foldClaimRecord } from '../../src/application/projections/claim-record';
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
      expect(tables.claims.filter((row) => row.includes('registryEventIds')).length).toBeGreaterThan(100);
      expect(live.tables()).toEqual(tables);
      // And every claim stands as the status rule makes it of its stream and the registry at the end.
      const registry = foldRegistry(log.flatMap((event) => asPartyEvent(event) ?? []));
      type Row = { id: string; status: string; needs_review: number; evaluation: string };
      for (const row of tables.claims.map((json) => JSON.parse(json) as Row)) {
        const record = foldClaimRecord(log.filter((event) => event.streamId === `claim-${row.id}`));
        const stored = { status: row.status, needsReview: row.needs_review === 1, ...JSON.parse(row.evaluation) };
        expect(stored).toEqual(evaluateClaim(record!.claim, registry));
      }
    } finally {
      bulk.close();
      live.close();
    }
  });
});
