import { asPartyEvent } from '../../src/application/events/factline-event';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { evaluateClaim } from '../../src/application/projections/claim-evaluation';
import { foldClaimRecord } from '../../src/application/projections/claim-record';
import { StorylineRecord, evolveStorylineRecord } from '../../src/application/projections/storyline-view';
import { foldRegistry } from '../../src/domain/party/party-registry';
import { EventLogGenerator } from '../../bench/workload/event-log-generator';
import { SeededRandom } from '../../bench/workload/seeded-random';
import { given } from './support/projection-spec';

/** A generated newsroom log as the store would give it back; `lateOpenings` moves some storylines' openings after their claims. */
function generatedLog(seed: number, events: number, lateOpenings: boolean): StoredEvent[] {
  const generator = new EventLogGenerator({ events, largeStorylineEvents: events / 10, seed });
  const revisions = new Map<string, number>();
  const appended = [...generator.events()];
  if (lateOpenings) {
    for (let index = appended.length - 1; index >= 0; index--) {
      if (appended[index].event.type !== 'StorylineOpened' || index % 3 !== 0) continue;
      const [opened] = appended.splice(index, 1);
      appended.splice(Math.min(appended.length, index + 50), 0, opened);
    }
  }
  return appended.map(({ streamId, event }, index) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    return { ...event, streamId, revision, position: index + 1 };
  });
}

function stakeholdersAtEnd(log: StoredEvent[], storylineId: string) {
  let record: StorylineRecord | undefined;
  for (const event of log)
    if (event.streamId === `storyline-${storylineId}`) record = evolveStorylineRecord(record, event);
  return record?.stakeholders;
}

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
      // Retractions of both kinds are in the log, and some as older releases stored them (without a kind).
      const retractionKinds = new Set(
        log.filter((event) => event.type === 'ClaimRetracted').map((event) => (event.data as { kind?: string }).kind),
      );
      expect(retractionKinds).toEqual(new Set(['deleted', 'withdrawn', undefined]));
      // Storylines name and remove stakeholders, and claims name the parties they are about.
      const types = new Set(log.map((event) => event.type));
      expect(types).toContain('StorylineStakeholderNamed');
      expect(types).toContain('StorylineStakeholderRemoved');
      expect(tables.claims.filter((row) => row.includes('has a stake in this story')).length).toBeGreaterThan(0);
      expect(tables.claims.filter((row) => row.includes('denial by the subject')).length).toBeGreaterThan(0);
      expect(live.tables()).toEqual(tables);
      // And every claim stands as the status rule makes it of its stream and the registry at the end.
      const registry = foldRegistry(log.flatMap((event) => asPartyEvent(event) ?? []));
      type Row = { id: string; status: string; needs_review: number; evaluation: string };
      for (const row of tables.claims.map((json) => JSON.parse(json) as Row)) {
        const record = foldClaimRecord(log.filter((event) => event.streamId === `claim-${row.id}`));
        const storyline = stakeholdersAtEnd(log, record!.claim.storylineId);
        const stored = { status: row.status, needsReview: row.needs_review === 1, ...JSON.parse(row.evaluation) };
        expect(stored).toEqual(evaluateClaim(record!.claim, registry, storyline));
      }
    } finally {
      bulk.close();
      live.close();
    }
  });
});
