import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RegistryHistory } from '../../src/application/queries/registry-history';
import { DeskCalendar } from '../../src/domain/desk-calendar';
import { TimeTravel } from '../../src/application/queries/time-travel';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import {
  STORYLINE,
  claimRecorded,
  contradicted,
  partyAffiliated,
  partyRegistered,
  storylineOpened,
  supported,
  usGovernment,
} from './support/events';
import { GivenEvent, given, storedLog } from './support/projection-spec';

const kremlin = { id: 'kremlin', name: 'Kremlin', kind: 'government' };
const peskov = { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' };

const stakeholderNamed = (partyId: string, reason: string, dates: { from?: string; to?: string } = {}): GivenEvent => ({
  type: 'StorylineStakeholderNamed',
  data: { storylineId: STORYLINE, partyId, reason, ...dates },
});
const stakeholderRemoved = (partyId: string): GivenEvent => ({
  type: 'StorylineStakeholderRemoved',
  data: { storylineId: STORYLINE, partyId },
});

/** Peskov speaks for the Kremlin; the Kremlin becomes a stakeholder after both claims had their say, and is removed again. */
const events: GivenEvent[] = [
  partyRegistered(kremlin),
  partyRegistered(peskov),
  partyAffiliated('dmitry-peskov', 'spokesperson_for', 'kremlin'),
  storylineOpened(),
  claimRecorded('peskov-backed'),
  supported('peskov-backed', peskov),
  claimRecorded('about-washington', { about: [usGovernment] }),
  contradicted('about-washington', usGovernment),
  stakeholderNamed('kremlin', 'a belligerent of the war'),
  stakeholderRemoved('kremlin'),
];
const log = storedLog(events);
const NAMED_AT = log[8].position;

describe('stakeholders in the read models', () => {
  it('re-evaluate the claims already in the storyline: a support related to a stakeholder stops counting', () => {
    const readModels = given(log.slice(0, 9));
    try {
      const claim = readModels.claims.get('peskov-backed');
      expect(claim?.status).toBe('unverified');
      expect(claim?.independentSources).toBe(0);
      expect(claim?.supports[0]).toMatchObject({ independent: false, counts: false });
      expect(claim?.supports[0].stake).toBe(
        'Dmitry Peskov is spokesperson for Kremlin, which has a stake in this story: a belligerent of the war',
      );
      expect(readModels.storylines.get(STORYLINE, 50)?.stakeholders).toEqual([
        { partyId: 'kremlin', reason: 'a belligerent of the war' },
      ]);
    } finally {
      readModels.close();
    }
  });

  it('count the support again once the stakeholder is removed', () => {
    const readModels = given(log);
    try {
      expect(readModels.claims.get('peskov-backed')?.status).toBe('corroborated');
      expect(readModels.storylines.get(STORYLINE, 50)?.stakeholders).toEqual([]);
    } finally {
      readModels.close();
    }
  });

  it('label the denial by the subject, which still disputes, and list the claim about the party', () => {
    const readModels = given(log);
    try {
      const claim = readModels.claims.get('about-washington');
      expect(claim?.status).toBe('disputed');
      expect(claim?.contradictions[0]).toMatchObject({ counts: true, label: 'denial by the subject' });
      const about = readModels.parties.claimsOf('us-government', { limit: 10 }, 'about');
      expect(about.items.map((item) => [item.claimId, item.role])).toEqual([['about-washington', 'about']]);
    } finally {
      readModels.close();
    }
  });
});

describe('stakeholders as of a position', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-stakeholders-'));
    store = new SqliteEventStore(path.join(dir, 'events.db'));
    for (const { streamId, eventId, type, data, metadata } of log) {
      await store.append(streamId, [{ eventId, type, data, metadata }], 'any');
    }
  });

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([NAMED_AT - 1, NAMED_AT, NAMED_AT + 1])('equal the live views of the log cut at %i', async (position) => {
    const live = given(log.filter((event) => event.position <= position));
    try {
      const timeTravel = new TimeTravel(store, live.claims, new RegistryHistory(store, live.parties), new DeskCalendar());
      const point = { atPosition: position };
      for (const claimId of ['peskov-backed', 'about-washington']) {
        expect(await timeTravel.claim(claimId, point)).toEqual(live.claims.get(claimId));
      }
      expect(await timeTravel.storyline(STORYLINE, point, 50)).toEqual(live.storylines.get(STORYLINE, 50));
    } finally {
      live.close();
    }
  });
});
