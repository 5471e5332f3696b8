import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { RegistryHistory } from '../../src/application/queries/registry-history';
import { DeskCalendar } from '../../src/domain/desk-calendar';
import { TimeTravel } from '../../src/application/queries/time-travel';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import {
  STORYLINE,
  claimRecorded,
  related,
  relatedBothWays,
  storylineOpened,
  unrelated,
  verdictIssued,
} from './support/events';
import { GivenEvent, ReadModels, given, storedLog } from './support/projection-spec';

const OTHER_STORYLINE = 'nord-stream-sabotage';

/** Two rival explanations in two storylines, and a duplicate of the first recorded in the second. */
const story: GivenEvent[] = [
  storylineOpened(),
  storylineOpened(OTHER_STORYLINE, 'Nord Stream sabotage'),
  claimRecorded('divers'),
  claimRecorded('state-actor', { storylineId: OTHER_STORYLINE }),
  claimRecorded('divers-again', { storylineId: OTHER_STORYLINE }),
  ...relatedBothWays('divers', 'state-actor', 'rival_of'),
  ...relatedBothWays('divers-again', 'divers', 'same_as'),
];

describe('claims related to each other, in the read models', () => {
  let models: ReadModels | undefined;
  afterEach(() => models?.close());

  it('shows each side the other claim with its status, across storylines', () => {
    models = given([...story, verdictIssued('divers', 'refuted')]);

    expect(models.claims.get('divers')?.relations).toEqual([
      {
        claimId: 'state-actor',
        relation: 'rival_of',
        storylineId: OTHER_STORYLINE,
        statement: 'Statement of state-actor',
        status: 'unverified',
        needsReview: false,
      },
      {
        claimId: 'divers-again',
        relation: 'same_as',
        storylineId: OTHER_STORYLINE,
        statement: 'Statement of divers-again',
        status: 'unverified',
        needsReview: false,
      },
    ]);
    expect(models.claims.get('divers-again')?.relations).toMatchObject([
      { claimId: 'divers', relation: 'same_as', storylineId: STORYLINE, status: 'refuted' },
    ]);
  });

  it('asks for a review of each rival when one is confirmed, and says why', () => {
    models = given([...story, verdictIssued('divers', 'confirmed')]);

    const rival = models.claims.get('state-actor');
    expect(rival).toMatchObject({ status: 'unverified', needsReview: true });
    expect(rival?.explanation.confirmedRivals).toEqual(['divers']);
    expect(rival?.explanation.summary).toMatch(/A rival explanation was confirmed \(divers\): it needs review\.$/);
    expect(models.storylines.get(OTHER_STORYLINE, 50)).toMatchObject({ needsReview: 1 });
    // A duplicate is no rival: confirming the claim asks nothing of it.
    expect(models.claims.get('divers-again')?.needsReview).toBe(false);
  });

  it('needs no review once the desk rules on the rival after the confirmation', () => {
    models = given([...story, verdictIssued('divers', 'confirmed'), verdictIssued('state-actor', 'refuted')]);

    expect(models.claims.get('state-actor')).toMatchObject({ status: 'refuted', needsReview: false });
    expect(models.claims.get('state-actor')?.explanation.confirmedRivals).toBeUndefined();
    expect(models.storylines.get(OTHER_STORYLINE, 50)).toMatchObject({ needsReview: 0 });
  });

  it('asks again of a rival ruled before the confirmation', () => {
    models = given([...story, verdictIssued('state-actor', 'unproven'), verdictIssued('divers', 'confirmed')]);

    expect(models.claims.get('state-actor')).toMatchObject({ status: 'unproven', needsReview: true });
  });

  it('lets go of the review when the relation is removed, on either side', () => {
    models = given([...story, verdictIssued('divers', 'confirmed'), unrelated('divers', 'state-actor')]);

    expect(models.claims.get('state-actor')).toMatchObject({ needsReview: false });
    expect(models.claims.get('divers')?.relations.map((relation) => relation.claimId)).toEqual(['divers-again']);
  });

  it('counts a relation only once both sides are recorded', () => {
    const oneSide = [
      storylineOpened(),
      claimRecorded('divers'),
      claimRecorded('state-actor'),
      related('state-actor', 'divers', 'rival_of'),
      verdictIssued('divers', 'confirmed'),
    ];
    models = given(oneSide);
    expect(models.claims.get('state-actor')?.needsReview).toBe(false);
    models.close();

    models = given([...oneSide, related('divers', 'state-actor', 'rival_of')]);
    expect(models.claims.get('state-actor')?.needsReview).toBe(true);
  });

  it('writes the same rows whether the log comes one event a page or all at once', () => {
    const log = [...story, verdictIssued('divers', 'confirmed'), verdictIssued('divers-again', 'misleading')];
    const bulk = given(log, { bulk: true, pageSize: 100 });
    models = given(log);
    try {
      expect(models.tables()).toEqual(bulk.tables());
    } finally {
      bulk.close();
    }
  });
});

describe('claims related to each other, as of a point', () => {
  const log = storedLog([...story, verdictIssued('divers', 'confirmed')]);
  const confirmation = log[log.length - 1];
  let dir: string;
  let store: SqliteEventStore;
  let models: ReadModels;
  let timeTravel: TimeTravel;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-relations-as-of-'));
    store = new SqliteEventStore(path.join(dir, 'events.db'));
    for (const { streamId, eventId, type, data, metadata } of log as StoredEvent[]) {
      await store.append(streamId, [{ eventId, type, data, metadata }], 'any');
    }
    models = given(log);
    timeTravel = new TimeTravel(store, models.claims, new RegistryHistory(store, models.parties), new DeskCalendar());
  });

  afterAll(async () => {
    models.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['divers', 'state-actor', 'divers-again'])('equals the live view of %s at the head', async (claimId) => {
    expect(await timeTravel.claim(claimId, { atPosition: confirmation.position })).toEqual(models.claims.get(claimId));
  });

  it('equals the live storyline at the head, its rival needing review', async () => {
    const asOf = await timeTravel.storyline(OTHER_STORYLINE, { atPosition: confirmation.position }, 50);
    expect(asOf).toEqual(models.storylines.get(OTHER_STORYLINE, 50));
    expect(asOf?.needsReview).toBe(1);
  });

  it('shows the rival needing no review before the confirmation, and the other side as it stood', async () => {
    const before = { atPosition: confirmation.position - 1 };
    expect(await timeTravel.claim('state-actor', before)).toMatchObject({
      needsReview: false,
      relations: [{ claimId: 'divers', relation: 'rival_of', status: 'unverified' }],
    });
    expect((await timeTravel.storyline(OTHER_STORYLINE, before, 50))?.needsReview).toBe(0);
  });
});
