import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { ReadModelGeneration } from '../../src/application/ports/read-model-store.port';
import { explainedStatuses } from '../../src/application/read-models/claims/evaluated-claims';
import { SqliteStatusComparison } from '../../src/infrastructure/read-models/claims/status-comparison';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import {
  STORYLINE,
  claimRecorded,
  contradicted,
  retracted,
  reuters,
  storylineOpened,
  supported,
  usGovernment,
} from './support/events';
import { GivenEvent, storedLog } from './support/projection-spec';

describe('comparing the claims of two generations', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-status-comparison-'));
  const db = openReadModelFile(path.join(dir, 'read-models.db'));
  const readModels = new SqliteReadModelStore(db);
  const built = (events: GivenEvent[], versions = READ_MODEL_VERSIONS): ReadModelGeneration => {
    const generation = readModels.createGeneration(versions, { bulk: false });
    new ProjectionEngine(generation).apply(storedLog(events));
    return generation;
  };
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const older = built([
    storylineOpened(),
    claimRecorded('alpha'),
    supported('alpha', reuters),
    claimRecorded('beta'),
    claimRecorded('гамма'),
    claimRecorded('delta'),
  ]);
  const newer = built([
    storylineOpened(),
    claimRecorded('alpha'),
    claimRecorded('beta'),
    claimRecorded('гамма'),
    contradicted('гамма', usGovernment),
    claimRecorded('epsilon'),
    claimRecorded('日本'),
  ]);

  it('walks the ids of both in pages of any size, and names each claim whose status differs', () => {
    for (const pageSize of [1, 2, 3, 100]) {
      const pages = [...new SqliteStatusComparison(db, explainedStatuses, pageSize).pages(older, newer)];

      expect({ pageSize, claims: pages.reduce((sum, page) => sum + page.claims, 0) }).toEqual({ pageSize, claims: 6 });
      expect(pages.every((page) => page.claims <= pageSize)).toBe(true);
      const changes = pages.flatMap((page) => page.changes);
      expect(changes.map(({ claimId, before, after }) => [claimId, before?.status, after?.status])).toEqual([
        ['alpha', 'corroborated', 'unverified'],
        ['delta', 'unverified', undefined],
        ['epsilon', undefined, 'unverified'],
        ['гамма', 'unverified', 'disputed'],
        ['日本', undefined, 'unverified'],
      ]);
    }
  });

  it('gives each change its storyline, and the rule and reason of both sides', () => {
    const [gamma] = [...new SqliteStatusComparison(db, explainedStatuses).pages(older, newer)]
      .flatMap((page) => page.changes)
      .filter((change) => change.claimId === 'гамма');

    expect(gamma).toEqual({
      claimId: 'гамма',
      storylineId: STORYLINE,
      before: { status: 'unverified', rule: 'no_independent_support', reason: 'No independent support yet.' },
      after: { status: 'disputed', rule: 'contradicted', reason: 'Contradicted by US government.' },
    });
  });

  it('finds every claim new when there is no older generation', () => {
    const pages = [...new SqliteStatusComparison(db, explainedStatuses, 2).pages(undefined, newer)];

    expect(pages.flatMap((page) => page.changes).map((change) => [change.claimId, change.after?.status])).toEqual([
      ['alpha', 'unverified'],
      ['beta', 'unverified'],
      ['epsilon', 'unverified'],
      ['гамма', 'disputed'],
      ['日本', 'unverified'],
    ]);
  });

  it('reads the rule and reason out of a generation of claims read model 5, which keeps its rows’ words', () => {
    const withWords = built(
      [storylineOpened(), claimRecorded('alpha'), supported('alpha', reuters), claimRecorded('гамма')],
      { ...READ_MODEL_VERSIONS, claims: 5 },
    );
    const changes = [...new SqliteStatusComparison(db, explainedStatuses).pages(withWords, newer)].flatMap(
      (page) => page.changes,
    );

    expect(changes.find((change) => change.claimId === 'alpha')?.before).toEqual({
      status: 'corroborated',
      rule: 'independent_support',
      reason: expect.stringContaining('Reuters'),
    });
    expect(changes.find((change) => change.claimId === 'гамма')).toMatchObject({
      before: { status: 'unverified', rule: 'no_independent_support', reason: 'No independent support yet.' },
      after: { status: 'disputed', rule: 'contradicted', reason: 'Contradicted by US government.' },
    });
  });
});

describe('comparing the storyline headlines of two generations', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-headline-comparison-'));
  const db = openReadModelFile(path.join(dir, 'read-models.db'));
  const readModels = new SqliteReadModelStore(db);
  const built = (events: GivenEvent[]): ReadModelGeneration => {
    const generation = readModels.createGeneration(READ_MODEL_VERSIONS, { bulk: false });
    new ProjectionEngine(generation).apply(storedLog(events));
    return generation;
  };
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const opened = [storylineOpened(), storylineOpened('iran', 'Wojsko irańskie'), storylineOpened('quiet', 'Quiet')];
  const older = built([...opened, claimRecorded('alpha'), claimRecorded('beta', { storylineId: 'iran' })]);
  const newer = built([
    ...opened,
    claimRecorded('alpha'),
    retracted('alpha', usGovernment),
    claimRecorded('beta', { storylineId: 'iran' }),
    contradicted('beta', usGovernment),
  ]);

  it('names each opened storyline whose headline differs, with the counts it follows from', () => {
    for (const pageSize of [1, 2, 100]) {
      const pages = [...new SqliteStatusComparison(db, explainedStatuses, pageSize).headlinePages(older, newer)];

      expect(pages.reduce((sum, page) => sum + page.storylines, 0)).toBe(3);
      expect(pages.flatMap((page) => page.changes)).toEqual([
        {
          storylineId: 'iran',
          title: 'Wojsko irańskie',
          before: { status: 'developing', counts: expect.objectContaining({ unverified: 1 }) },
          after: { status: 'disputed', counts: expect.objectContaining({ disputed: 1 }), retractedClaims: 0 },
        },
      ]);
    }
  });

  it('finds every opened storyline new when there is no older generation', () => {
    const changes = [...new SqliteStatusComparison(db, explainedStatuses).headlinePages(undefined, newer)].flatMap(
      (page) => page.changes,
    );

    expect(changes.map((change) => [change.storylineId, change.before, change.after?.status])).toEqual([
      ['iran', undefined, 'disputed'],
      ['quiet', undefined, 'empty'],
      [STORYLINE, undefined, 'developing'],
    ]);
    expect(changes.find((change) => change.storylineId === STORYLINE)?.after?.retractedClaims).toBe(1);
  });
});
