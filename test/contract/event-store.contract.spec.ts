import {
  DuplicateEventIdError,
  EventStore,
  StoredEvent,
  WrongExpectedRevisionError,
} from '../../src/application/ports/event-store.port';
import { ContractAdapter, fakeKurrentDbAdapter, kurrentDbAdapter, sqliteAdapter } from './contract-adapters';
import { contractCases } from './contract-cases';
import { KNOWN_FAILURES_ON_FAKE_KURRENTDB } from './known-failures';
import { comparable, eventually, freshStream, freshType, probe, readAllOf, until } from './probe-events';

/**
 * The event store port, as executable contract. Every adapter runs the same cases: the embedded
 * SQLite store and the KurrentDB adapter on FakeKurrentDb always, KurrentDB itself when
 * KURRENTDB_CONNECTION_STRING names a server to run against.
 */
function eventStoreContract(adapter: ContractAdapter) {
  // Cases the adapter is known to fail run as it.failing (see known-failures.ts).
  const it = contractCases(adapter);
  let store: EventStore;

  beforeAll(async () => {
    store = await adapter.open();
  });

  afterAll(async () => {
    await adapter.dispose();
  });

  describe('append and readStream', () => {
    it('stores events with their ids, types, data and metadata, revisions from 0', async () => {
      const streamId = freshStream();
      const events = [probe('ClaimProbeOpened', { n: 1 }), probe('ClaimProbeChanged', { n: 2, nested: { ok: true } })];

      const result = await store.append(streamId, events, 'no_stream');

      const stored = await store.readStream(streamId);
      expect(stored.map(comparable)).toEqual(events.map((event, index) => ({ ...event, streamId, revision: index })));
      expect(result.revision).toBe(1);
      expect(result.position).toBe(stored[1].position);
      expect(stored[0].position).toBeGreaterThanOrEqual(0);
      expect(stored[1].position).toBeGreaterThan(stored[0].position);
    });

    it('answers an empty array for a stream that does not exist', async () => {
      await expect(store.readStream(freshStream())).resolves.toEqual([]);
    });

    it('continues a stream from its last revision', async () => {
      const streamId = freshStream('storyline');
      const first = await store.append(streamId, [probe()], 'no_stream');
      const second = await store.append(streamId, [probe(), probe()], 0);

      expect(first.revision).toBe(0);
      expect(second.revision).toBe(2);
      expect(second.position).toBeGreaterThan(first.position);
      expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
    });

    it('keeps unicode text exactly', async () => {
      const streamId = freshStream();
      const data = {
        statement: 'Die Vereinbarung ist zu „100 % fertig“ – Selenskyj',
        polish: 'Zdjęcie: protest w Teheranie, źródło nieznane',
        rtl: 'مصادر مطلعة',
        emoji: '🗞️✅❌',
        control: 'tab\tnewline\nquote"backslash\\',
      };
      const event = probe('ClaimProbeUnicode', data);
      event.metadata.actor = 'Łukasz Żółć';

      await store.append(streamId, [event], 'no_stream');

      const [stored] = await store.readStream(streamId);
      expect(stored.data).toEqual(data);
      expect(stored.metadata.actor).toBe('Łukasz Żółć');
    });

    it('stores a 64 KiB payload whole', async () => {
      const streamId = freshStream();
      const quote = 'ä€𝄞'.repeat(1024) + 'x'.repeat(64 * 1024 - 4 * 1024);
      await store.append(streamId, [probe('ClaimProbeLarge', { quote })], 'no_stream');

      const [stored] = await store.readStream(streamId);
      expect((stored.data as { quote: string }).quote).toBe(quote);
    });
  });

  describe('reading part of a stream', () => {
    it('reads from a revision on, at most maxCount events', async () => {
      const streamId = freshStream();
      const events = [probe(), probe(), probe(), probe(), probe()];
      await store.append(streamId, events, 'no_stream');

      const fromTwo = await store.readStream(streamId, { fromRevision: 2 });
      expect(fromTwo.map((event) => event.revision)).toEqual([2, 3, 4]);
      expect(fromTwo.map((event) => event.eventId)).toEqual(events.slice(2).map((event) => event.eventId));

      const two = await store.readStream(streamId, { fromRevision: 1, maxCount: 2 });
      expect(two.map(comparable)).toEqual((await store.readStream(streamId)).slice(1, 3).map(comparable));
      expect((await store.readStream(streamId, { maxCount: 1 })).map((event) => event.revision)).toEqual([0]);
    });

    it('answers an empty array from a revision past the end, for no events at all, and for a stream that does not exist', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe(), probe()], 'no_stream');
      await expect(store.readStream(streamId, { fromRevision: 2 })).resolves.toEqual([]);
      await expect(store.readStream(streamId, { maxCount: 0 })).resolves.toEqual([]);
      await expect(store.readStream(freshStream(), { fromRevision: 3, maxCount: 5 })).resolves.toEqual([]);
    });
  });

  describe('readEvent', () => {
    it('finds an event by its id in its stream, as readStream gives it', async () => {
      const streamId = freshStream();
      const events = [probe('ClaimProbeOpened', { n: 1 }), probe('ClaimProbeChanged', { n: 2 }), probe()];
      await store.append(streamId, events, 'no_stream');

      const found = await store.readEvent(streamId, events[1].eventId);

      expect(found).toEqual((await store.readStream(streamId))[1]);
      expect(found).toMatchObject({ revision: 1, type: 'ClaimProbeChanged', data: { n: 2 } });
    });

    it('answers undefined for an id that is not in that stream', async () => {
      const [one, other] = [freshStream(), freshStream()];
      const event = probe();
      await store.append(one, [event], 'no_stream');
      await store.append(other, [probe()], 'no_stream');

      await expect(store.readEvent(other, event.eventId)).resolves.toBeUndefined();
      await expect(store.readEvent(one, probe().eventId)).resolves.toBeUndefined();
      await expect(store.readEvent(freshStream(), event.eventId)).resolves.toBeUndefined();
    });
  });

  describe('expected revision', () => {
    it('any: appends to a new stream and to an existing one', async () => {
      const streamId = freshStream();
      await expect(store.append(streamId, [probe()], 'any')).resolves.toMatchObject({ revision: 0 });
      await expect(store.append(streamId, [probe()], 'any')).resolves.toMatchObject({ revision: 1 });
    });

    it('no_stream: refuses a stream that exists, naming its revision, and appends nothing', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe()], 'no_stream');

      const refused = store.append(streamId, [probe()], 'no_stream');

      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ streamId, expected: 'no_stream', actual: 0 });
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('exact: appends when the revision matches', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe(), probe()], 'no_stream');
      await expect(store.append(streamId, [probe()], 1)).resolves.toMatchObject({ revision: 2 });
    });

    it('exact: refuses a stale revision, naming the current one', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe(), probe(), probe()], 'no_stream');

      const refused = store.append(streamId, [probe()], 0);

      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ expected: 0, actual: 2 });
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('exact: refuses a revision ahead of the stream', async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe()], 'no_stream');
      await expect(store.append(streamId, [probe()], 5)).rejects.toMatchObject({ expected: 5, actual: 0 });
    });

    it('exact: refuses a stream that does not exist', async () => {
      const streamId = freshStream();
      const refused = store.append(streamId, [probe()], 0);
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ actual: 'no_stream' });
      expect(await store.readStream(streamId)).toEqual([]);
    });
  });

  describe('event ids', () => {
    it.each(['no_stream', 'exact', 'any'] as const)(
      'a retry with the same ids and expected revision (%s) answers as the first append and stores nothing',
      async (kind) => {
        const streamId = freshStream();
        if (kind === 'exact') await store.append(streamId, [probe()], 'no_stream');
        const expected = kind === 'exact' ? 0 : kind;
        const events = [probe(), probe()];

        const first = await store.append(streamId, events, expected);
        const retry = await store.append(streamId, events, expected);

        expect(retry).toEqual(first);
        expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual(
          kind === 'exact' ? [expect.any(String), events[0].eventId, events[1].eventId] : events.map((e) => e.eventId),
        );
      },
    );

    it('a retry after the stream moved on still answers as the first append at its own expected revision', async () => {
      const streamId = freshStream();
      const opened = probe();
      const first = await store.append(streamId, [opened], 'no_stream');
      await store.append(streamId, [probe()], 0);

      await expect(store.append(streamId, [opened], 'no_stream')).resolves.toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });

    it(`the same ids at the stream's current revision: ${adapter.repeatsRecognised === 'anywhere' ? 'answered as the first append' : 'new events there'}`, async () => {
      const streamId = freshStream();
      const opened = probe();
      const first = await store.append(streamId, [opened], 'no_stream');
      await store.append(streamId, [probe()], 0);

      const again = await store.append(streamId, [opened], 1);

      if (adapter.repeatsRecognised === 'anywhere') {
        expect(again).toEqual(first);
        expect(await store.readStream(streamId)).toHaveLength(2);
      } else {
        expect(again.revision).toBe(2);
        expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual([
          opened.eventId,
          expect.any(String),
          opened.eventId,
        ]);
      }
    });

    it('refuses a batch that repeats a stored id together with new ones (DuplicateEventIdError)', async () => {
      const streamId = freshStream();
      const stored = probe();
      await store.append(streamId, [stored], 'no_stream');

      await expect(store.append(streamId, [stored, probe()], 'no_stream')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.readStream(streamId)).toHaveLength(1);
      // At the current revision KurrentDB takes the batch as new events (see repeatsRecognised).
      if (adapter.repeatsRecognised === 'anywhere') {
        await expect(store.append(streamId, [probe(), stored], 0)).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(streamId)).toHaveLength(1);
      }
    });

    it(`an id stored in another stream: ${adapter.eventIdScope === 'log' ? 'refused' : 'stored again there'}`, async () => {
      const [one, other] = [freshStream(), freshStream()];
      const event = probe();
      await store.append(one, [event], 'no_stream');

      const second = store.append(other, [event], 'no_stream');

      if (adapter.eventIdScope === 'log') {
        await expect(second).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(other)).toEqual([]);
      } else {
        await expect(second).resolves.toMatchObject({ revision: 0 });
        expect((await store.readStream(other)).map((stored) => stored.eventId)).toEqual([event.eventId]);
      }
    });
  });

  describe('the global log', () => {
    it('orders events across streams as they were appended, positions matching the appends', async () => {
      const before = await store.headPosition();
      const [a, b] = [freshStream(), freshStream('storyline')];
      const writes = [
        { streamId: a, event: probe(), expected: 'no_stream' as const },
        { streamId: b, event: probe(), expected: 'no_stream' as const },
        { streamId: a, event: probe(), expected: 0 },
      ];
      const positions: number[] = [];
      for (const { streamId, event, expected } of writes) {
        positions.push((await store.append(streamId, [event], expected)).position);
      }

      const log = await readAllOf(store, [a, b], before);

      expect(log.map((event) => event.eventId)).toEqual(writes.map((write) => write.event.eventId));
      expect(log.map((event) => event.position)).toEqual(positions);
      expect(positions[0]).toBeGreaterThan(before);
      expect(positions[1]).toBeGreaterThan(positions[0]);
      expect(positions[2]).toBeGreaterThan(positions[1]);
    });

    it('reads strictly after a position, up to a limit, only the asked types', async () => {
      const [kept, alsoKept, other] = [freshType(), freshType(), freshType()];
      const streamId = freshStream();
      const events = [probe(kept), probe(other), probe(alsoKept), probe(kept), probe(kept)];
      await store.append(streamId, events, 'no_stream');
      const stored = await store.readStream(streamId);

      const page = await store.readAll({ after: stored[0].position, limit: 2, types: [kept, alsoKept] });
      expect(page.map((event) => event.eventId)).toEqual([events[2].eventId, events[3].eventId]);

      const rest = await store.readAll({ after: page[1].position, limit: 10, types: [kept, alsoKept] });
      expect(rest.map((event) => event.eventId)).toEqual([events[4].eventId]);

      const all = await store.readAll({ limit: 10, types: [kept] });
      expect(all.map((event) => event.eventId)).toEqual([events[0].eventId, events[3].eventId, events[4].eventId]);
    });

    it('reads a page in ascending position order, each after the given one', async () => {
      const before = await store.headPosition();
      const streamId = freshStream();
      await store.append(streamId, [probe(), probe(), probe(), probe()], 'no_stream');

      const page = await store.readAll({ after: before, limit: 3 });

      expect(page).toHaveLength(3);
      expect(page[0].position).toBeGreaterThan(before);
      expect(page[1].position).toBeGreaterThan(page[0].position);
      expect(page[2].position).toBeGreaterThan(page[1].position);
      const fromStart = await store.readAll({ limit: 2 });
      expect(fromStart).toHaveLength(2);
      expect(fromStart[1].position).toBeGreaterThan(fromStart[0].position);
    });

    it("reads after a number that is no event's position from the next event on", async () => {
      const streamId = freshStream();
      const type = freshType();
      await store.append(streamId, [probe(type), probe(type), probe(type)], 'no_stream');
      const stored = await store.readStream(streamId);

      // One below an event's position: a client's guess or an off-by-one, never an event of its own.
      const page = await store.readAll({ after: stored[1].position - 1, limit: 10, types: [type] });

      expect(page.map((event) => event.eventId)).toEqual(stored.slice(1).map((event) => event.eventId));
    });

    it('answers nothing after the newest position', async () => {
      const streamId = freshStream();
      const type = freshType();
      const { position } = await store.append(streamId, [probe(type)], 'no_stream');
      await expect(store.readAll({ after: position, limit: 10, types: [type] })).resolves.toEqual([]);
    });

    it('reports the head position of the log', async () => {
      const before = await store.headPosition();
      const { position } = await store.append(freshStream(), [probe()], 'no_stream');
      const head = await store.headPosition();

      expect(before).toBeGreaterThanOrEqual(-1);
      expect(position).toBeGreaterThan(before);
      expect(head).toBeGreaterThanOrEqual(position);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });

  describe('subscribe', () => {
    it('catches up from a position, then delivers new events live, one page at a time', async () => {
      const streamId = freshStream();
      const opened = await store.append(streamId, [probe()], 'no_stream');
      const caughtUp = [probe(), probe()];
      await store.append(streamId, caughtUp, 0);
      const received: StoredEvent[] = [];
      let inFlight = 0;
      let overlapping = false;

      const subscription = store.subscribe({
        after: opened.position,
        onEvents: async (page) => {
          inFlight += 1;
          overlapping ||= inFlight > 1;
          // Yield to the event loop: a store that does not wait for us would call again meanwhile.
          await new Promise((resolve) => setImmediate(resolve));
          received.push(...page.filter((event) => event.streamId === streamId));
          inFlight -= 1;
        },
      });
      try {
        await eventually(() => expect(received.map((event) => event.eventId)).toEqual(caughtUp.map((e) => e.eventId)));

        const live = [probe()];
        await store.append(streamId, live, 2);
        await eventually(() => expect(received).toHaveLength(3));

        expect(received.map((event) => event.eventId)).toEqual([...caughtUp, ...live].map((event) => event.eventId));
        expect(received.map((event) => event.revision)).toEqual([1, 2, 3]);
        expect(overlapping).toBe(false);
      } finally {
        await subscription.close();
      }
    });

    it("subscribes after a number that is no event's position, delivering from the next event on", async () => {
      const streamId = freshStream();
      await store.append(streamId, [probe(), probe(), probe()], 'no_stream');
      const stored = await store.readStream(streamId);
      const received: StoredEvent[] = [];
      const errors: Error[] = [];

      const subscription = store.subscribe({
        after: stored[1].position - 1,
        onEvents: async (page) => void received.push(...page.filter((event) => event.streamId === streamId)),
        onError: (error) => errors.push(error),
      });
      try {
        await until(() => received.length >= 2 || errors.length > 0);
        expect(errors).toEqual([]);
        expect(received.map((event) => event.eventId)).toEqual(stored.slice(1).map((event) => event.eventId));
      } finally {
        await subscription.close();
      }
    });

    it('delivers the log in position order across streams and stops when closed', async () => {
      const before = await store.headPosition();
      const [a, b] = [freshStream(), freshStream('storyline')];
      const positions: number[] = [];
      const seen: StoredEvent[] = [];
      const subscription = store.subscribe({
        after: before,
        onEvents: async (page) => {
          seen.push(...page);
        },
      });
      try {
        positions.push((await store.append(a, [probe()], 'no_stream')).position);
        positions.push((await store.append(b, [probe()], 'no_stream')).position);
        positions.push((await store.append(a, [probe()], 0)).position);

        await eventually(() =>
          expect(seen.filter((event) => event.streamId === a || event.streamId === b)).toHaveLength(3),
        );
        const all = seen.map((event) => event.position);
        expect(all).toEqual([...all].sort((x, y) => x - y));
        expect(new Set(all).size).toBe(all.length);
        expect(all[0]).toBeGreaterThan(before);
        expect(seen.filter((event) => event.streamId === a || event.streamId === b).map((e) => e.position)).toEqual(
          positions,
        );
      } finally {
        await subscription.close();
      }

      const count = seen.length;
      const late = probe();
      await store.append(a, [late], 1);
      // A second subscription seeing the late event shows it was delivered to whoever still listens.
      const witnessed: string[] = [];
      const witness = store.subscribe({
        after: before,
        onEvents: async (page) => void witnessed.push(...page.map((e) => e.eventId)),
      });
      try {
        await eventually(() => expect(witnessed).toContain(late.eventId));
      } finally {
        await witness.close();
      }
      expect(seen).toHaveLength(count);
    });
  });
}

describe('event store contract: sqlite', () => {
  eventStoreContract(sqliteAdapter());
  eventStoreContract(sqliteAdapter({ writerThread: true }));
});

describe('event store contract: kurrentdb on the fake server', () => {
  eventStoreContract(fakeKurrentDbAdapter(KNOWN_FAILURES_ON_FAKE_KURRENTDB));
});

const kurrentDbConnection = process.env.KURRENTDB_CONNECTION_STRING;
if (!kurrentDbConnection) {
  process.stdout.write(
    'event store contract: KurrentDB skipped, set KURRENTDB_CONNECTION_STRING (e.g. kurrentdb://localhost:2113?tls=false) to run it\n',
  );
}

// The only skip in the suite: without a server there is nothing to run the KurrentDB adapter against.
(kurrentDbConnection ? describe : describe.skip)('event store contract: kurrentdb', () => {
  eventStoreContract(kurrentDbAdapter(kurrentDbConnection ?? ''));
});
