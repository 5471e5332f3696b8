import {
  claimRecorded,
  correctiv,
  factChecked,
  ft,
  publishedVerdict,
  storylineOpened,
  supported,
} from './support/events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { ReadModelsUnavailableError } from '../../src/application/queries/read-models.port';
import { ClaimViews } from '../../src/application/read-models/claims/claim-views';
import { ClaimQueries } from '../../src/infrastructure/read-models/claims/claim.queries';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { ReadModelReader } from '../../src/infrastructure/read-models/read-model-reader';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import { ReadModels, given, storedLog } from './support/projection-spec';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 29, 9, minute)).toISOString();
const ms = (minute: number) => Date.parse(at(minute));

describe('the claims read model: fact-checks and published reviews', () => {
  let models: ReadModels | undefined;
  afterEach(() => models?.close());

  it('shows every fact-check with what it does to the status, and why', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      factChecked('ft-report', correctiv, { value: 3, best: 5, worst: 1, text: 'Half true' }, 'https://a.example/1'),
      factChecked('ft-report', ft, { value: 5, best: 5, worst: 1, text: 'True' }, 'https://a.example/2'),
      factChecked('ft-report', correctiv, { value: 1, best: 5, worst: 1, text: 'Falsch' }, 'https://a.example/3'),
    ]);

    const view = models.claims.get('ft-report');
    expect(view).toMatchObject({ status: 'disputed', explanation: { rule: 'contradicted', eventIds: ['event-5'] } });
    expect(view?.factChecks.map(({ eventId, effect, counts }) => ({ eventId, effect, counts }))).toEqual([
      { eventId: 'event-3', effect: 'neither', counts: false },
      { eventId: 'event-4', effect: 'support', counts: false },
      { eventId: 'event-5', effect: 'contradiction', counts: true },
    ]);
    expect(view?.factChecks[1].reason).toBe(
      'Financial Times rated it "True" (5 on 1–5: true), but Financial Times reported the claim',
    );
  });

  it('puts a fact-check on the timeline at its publication time', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      factChecked('ft-report', correctiv, { value: 1, best: 5, worst: 1, text: 'Falsch' }),
    ]);

    const entries = models.timeline.timeline('us-ukraine-security-guarantees', { limit: 10 }).items;
    expect(entries.map((entry) => entry.type)).toEqual(['ClaimRecorded', 'ClaimFactChecked']);
    expect(entries[1]).toMatchObject({
      occurredAt: '2026-01-28T10:00:00Z',
      by: correctiv,
      rating: { value: 1, text: 'Falsch' },
      counts: true,
      summary: 'Correctiv fact-checks “Statement of ft-report”: "Falsch" (1 on 1–5: false), counts as a contradiction',
    });
  });

  it('lists published factual claims by their latest verdict, newest first, and pages them', () => {
    models = given([
      storylineOpened(),
      claimRecorded('a'),
      claimRecorded('b'),
      claimRecorded('c'),
      claimRecorded('unpublished'),
      publishedVerdict('a', 'refuted', 'https://desk.example/a', at(1)),
      publishedVerdict('b', 'confirmed', 'https://desk.example/b', at(2)),
      publishedVerdict('unpublished', 'refuted', undefined, at(3)),
      publishedVerdict('c', 'misleading', 'https://desk.example/c', at(4)),
      // Re-ruled without an address: still published at the earlier one, now the newest.
      publishedVerdict('a', 'unproven', undefined, at(5)),
    ]);

    const first = models.claims.publishedReviews({ limit: 2 });
    expect(first.items.map((view) => view.id)).toEqual(['a', 'c']);
    const second = models.claims.publishedReviews({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((view) => view.id)).toEqual(['b']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('answers which claims were published by a past time, each with its latest verdict by then', () => {
    models = given([
      storylineOpened(),
      claimRecorded('a'),
      claimRecorded('b'),
      publishedVerdict('a', 'refuted', undefined, at(1)),
      publishedVerdict('a', 'refuted', 'https://desk.example/a', at(2)),
      publishedVerdict('b', 'confirmed', 'https://desk.example/b', at(3)),
      publishedVerdict('a', 'confirmed', undefined, at(4)),
    ]);

    const byThen = (minute: number) =>
      models?.claims.reviewedBy(ms(minute)).claims.sort((x, y) => x.claimId.localeCompare(y.claimId));
    expect(byThen(1)).toEqual([]);
    expect(byThen(2)).toEqual([{ claimId: 'a', at: ms(2) }]);
    expect(byThen(3)).toEqual([
      { claimId: 'a', at: ms(2) },
      { claimId: 'b', at: ms(3) },
    ]);
    expect(byThen(9)).toEqual([
      { claimId: 'a', at: ms(4) },
      { claimId: 'b', at: ms(3) },
    ]);
  });

  it('builds the same feed in a bulk load as page by page', () => {
    const events = [
      storylineOpened(),
      ...['a', 'b', 'c'].map((id) => claimRecorded(id)),
      supported('a', correctiv),
      ...['a', 'b', 'c'].map((id, index) => publishedVerdict(id, 'refuted', `https://desk.example/${id}`, at(index))),
    ];
    const live = given(events, { pageSize: 1 });
    const bulk = given(events, { bulk: true });
    try {
      expect(bulk.tables()).toEqual(live.tables());
      expect(bulk.claims.publishedReviews({ limit: 10 })).toEqual(live.claims.publishedReviews({ limit: 10 }));
    } finally {
      live.close();
      bulk.close();
    }
  });
});

describe('a generation built before the review feed', () => {
  it('gets the feed columns when opened, keeps serving claims, and the feed waits for its successor', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-old-generation-'));
    const file = path.join(dir, 'read-models.db');
    const db = openReadModelFile(file);
    try {
      const store = new SqliteReadModelStore(db);
      const old = store.createGeneration({ ...READ_MODEL_VERSIONS, claims: 1 }, { bulk: true });
      store.promote(old);
      const table = `g${old.generation}_claims`;
      const columns = () => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all();
      for (const column of ['review_at', 'review_first_at', 'verdict_times']) {
        db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
      expect(columns().map((column) => column.name)).not.toContain('review_at');
      const generation = new SqliteReadModelStore(db).active();
      if (!generation) throw new Error('the old generation no longer serves');
      expect(generation.generation).toBe(old.generation);
      const engine = new ProjectionEngine(generation);
      engine.apply(
        storedLog([storylineOpened(), claimRecorded('a'), publishedVerdict('a', 'refuted', 'https://desk.example/a')]),
      );
      expect(columns().map((column) => column.name)).toEqual(expect.arrayContaining(['review_at', 'verdict_times']));

      const reader = new ReadModelReader(file);
      const claims = new ClaimViews(new ClaimQueries(reader));
      expect(claims.get('a')?.verdict?.reviewUrl).toBe('https://desk.example/a');
      expect(() => claims.publishedReviews({ limit: 10 })).toThrow(ReadModelsUnavailableError);
      reader.close();
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
