import {
  BACKWARDS,
  DeadlineExceededError,
  END,
  KurrentDBClient,
  START,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import { eventIdFor } from '../../src/application/commands/event-ids';
import { EventStoreUnavailableError } from '../../src/application/ports/event-store.port';
import { BufferedPages } from '../../src/infrastructure/event-store/kurrentdb/buffered-pages';
import {
  isUnreachable,
  toPortError,
  toWrongExpectedRevision,
} from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-errors';
import {
  KurrentDbEventStore,
  READ_EVENT_WINDOW,
} from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import {
  exactTypesRegex,
  isOurs,
  isValidRevision,
  toEventData,
  toPortPosition,
  toReadPosition,
  toStoredEvent,
  toStreamState,
} from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-mapping';
import { probe } from './probe-events';

/** The KurrentDB adapter's pure parts, which run without a server. */
describe('KurrentDB mapping', () => {
  describe('expected revision', () => {
    it('maps any and no_stream to the same words and a number to an exact BigInt revision', () => {
      expect(toStreamState('any')).toBe('any');
      expect(toStreamState('no_stream')).toBe('no_stream');
      expect(toStreamState(0)).toBe(0n);
      expect(toStreamState(41)).toBe(41n);
    });

    it('takes only non-negative whole numbers as exact revisions', () => {
      expect([0, 7, 'any', 'no_stream'].map((value) => isValidRevision(value as never))).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect([-1, 1.5, Number.NaN].map((value) => isValidRevision(value))).toEqual([false, false, false]);
    });

    it("turns the client's conflict into the port's, with the actual revision", () => {
      const conflict = (current: bigint | 'no_stream') =>
        new WrongExpectedVersionError(undefined, { streamName: 'claim-a', expected: 0n, current });

      expect(toWrongExpectedRevision(conflict(3n), 'claim-a', 0)).toMatchObject({
        streamId: 'claim-a',
        expected: 0,
        actual: 3,
      });
      expect(toWrongExpectedRevision(conflict('no_stream'), 'claim-a', 0)).toMatchObject({ actual: 'no_stream' });
    });
  });

  describe('positions', () => {
    it('uses the commit position as the port position', () => {
      expect(toPortPosition(0n)).toBe(0);
      expect(toPortPosition(123_456_789n)).toBe(123_456_789);
      expect(toPortPosition(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses a commit position a number cannot hold exactly', () => {
      expect(() => toPortPosition(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
      expect(() => toPortPosition(-1n)).toThrow(RangeError);
    });

    it('reads from the start without a position, else from that position', () => {
      expect(toReadPosition(undefined)).toBe(START);
      expect(toReadPosition(-1)).toBe(START);
      expect(toReadPosition(0)).toEqual({ commit: 0n, prepare: 0n });
      expect(toReadPosition(9_876)).toEqual({ commit: 9_876n, prepare: 9_876n });
    });
  });

  describe('what reaches the port', () => {
    const ours = { prefixes: ['storyline-', 'claim-'] };

    it('keeps our streams and drops system events and foreign streams', () => {
      expect(isOurs('claim-a', 'ClaimRecorded', ours)).toBe(true);
      expect(isOurs('storyline-b', 'StorylineOpened', ours)).toBe(true);
      expect(isOurs('claim-a', '$metadata', ours)).toBe(false);
      expect(isOurs('$$claim-a', 'ClaimRecorded', ours)).toBe(false);
      expect(isOurs('$ce-claim', '$>', ours)).toBe(false);
      expect(isOurs('orders-1', 'ClaimRecorded', ours)).toBe(false);
    });

    it('keeps only the asked types when there are some', () => {
      const filter = { ...ours, types: ['ClaimRecorded'] };
      expect(isOurs('claim-a', 'ClaimRecorded', filter)).toBe(true);
      expect(isOurs('claim-a', 'ClaimSupported', filter)).toBe(false);
      expect(isOurs('claim-a', 'ClaimSupported', { ...ours, types: [] })).toBe(true);
    });

    it('builds a server-side type filter that matches whole names only', () => {
      const regex = new RegExp(exactTypesRegex(['ClaimRecorded', 'Odd.Type']));
      expect(['ClaimRecorded', 'Odd.Type'].map((type) => regex.test(type))).toEqual([true, true]);
      expect(['ClaimRecordedAgain', 'XClaimRecorded', 'OddxType'].map((type) => regex.test(type))).toEqual([
        false,
        false,
        false,
      ]);
    });

    it('converts a recorded event, and refuses one without a log position', () => {
      const event = probe('ClaimRecorded', { statement: 'ok' });
      const recorded = {
        streamId: 'claim-a',
        id: event.eventId,
        isJson: true as const,
        revision: 4n,
        type: 'ClaimRecorded',
        created: new Date(),
        data: { statement: 'ok' },
        metadata: { ...event.metadata },
      };
      expect(toStoredEvent(recorded, { commit: 77n, prepare: 77n })).toEqual({
        eventId: event.eventId,
        type: 'ClaimRecorded',
        streamId: 'claim-a',
        revision: 4,
        position: 77,
        data: { statement: 'ok' },
        metadata: event.metadata,
      });
      expect(() => toStoredEvent(recorded, undefined)).toThrow(/without its log position/);
    });

    it('sends our event ids as they are: the service makes UUIDs, which the server requires', () => {
      const retried = eventIdFor('desk', 'key-1', 0);
      expect(toEventData({ ...probe(), eventId: retried })).toMatchObject({
        id: retried,
        contentType: 'application/json',
      });
      expect(() => toEventData({ ...probe(), eventId: 'not-a-uuid' })).toThrow(/not a UUID/);
    });
  });

  describe('errors', () => {
    it('counts connection trouble as unreachable', () => {
      const plainGrpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      for (const error of [
        new UnavailableError(),
        new DeadlineExceededError(),
        plainGrpc,
        new Error('Failed to discover after 10 attempts.'),
      ]) {
        expect(isUnreachable(error)).toBe(true);
      }
      expect(isUnreachable(new UnknownError(undefined, 'bad request'))).toBe(false);
      expect(isUnreachable(new Error('event id x is not a UUID'))).toBe(false);
    });

    it("becomes the port's EventStoreUnavailableError, keeping the cause; others pass unchanged", () => {
      const cause = new UnavailableError();
      const mapped = toPortError(cause, 'append');
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as EventStoreUnavailableError).cause).toBe(cause);
      const other = new Error('something else');
      expect(toPortError(other, 'append')).toBe(other);
    });
  });

  describe('pages from a readable stream', () => {
    it('hands out what is buffered, up to a page size, then ends', async () => {
      const stream = new PassThrough({ objectMode: true });
      const pages = new BufferedPages<number>(stream);
      [1, 2, 3].forEach((n) => stream.write(n));

      expect(await pages.next(2)).toEqual([1, 2]);
      expect(await pages.next(2)).toEqual([3]);
      const waiting = pages.next(2);
      stream.write(4);
      expect(await waiting).toEqual([4]);
      stream.end();
      expect(await pages.next(2)).toBeUndefined();
    });

    it('rejects with the stream error, even one raised while nobody waited', async () => {
      const stream = new PassThrough({ objectMode: true });
      const pages = new BufferedPages<number>(stream);
      stream.emit('error', new UnavailableError());
      await expect(pages.next(5)).rejects.toBeInstanceOf(UnavailableError);
    });

    it('ends a waiting read when stopped', async () => {
      const pages = new BufferedPages<number>(new PassThrough({ objectMode: true }));
      const waiting = pages.next(5);
      pages.stop();
      await expect(waiting).resolves.toBeUndefined();
    });
  });

  describe('reading part of a stream and one event (against a client double)', () => {
    interface ReadCall {
      fromRevision?: bigint | typeof END;
      maxCount?: number;
      direction?: string;
    }
    const ids = Array.from({ length: 5 }, () => probe().eventId);
    const calls: ReadCall[] = [];
    // What the client's readStream gives for a stream of five events, read as the options say.
    const client = {
      readStream(_streamId: string, options: ReadCall) {
        calls.push(options);
        const backwards = options.direction === BACKWARDS;
        const all = ids.map((id, revision) => ({
          event: {
            streamId: 'claim-a',
            id,
            isJson: true as const,
            revision: BigInt(revision),
            type: 'ClaimProbe',
            created: new Date(),
            data: { revision },
            metadata: probe().metadata,
            position: { commit: BigInt(100 + revision), prepare: BigInt(100 + revision) },
          },
        }));
        const from = typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0;
        const ordered = backwards ? [...all].reverse() : all.slice(from);
        return (async function* () {
          yield* ordered.slice(0, options.maxCount ?? ordered.length);
        })();
      },
    } as unknown as KurrentDBClient;
    const store = new KurrentDbEventStore(client, ['claim-']);
    beforeEach(() => (calls.length = 0));

    it('asks the client for the events from a revision on, at most maxCount, forwards', async () => {
      const read = await store.readStream('claim-a', { fromRevision: 2, maxCount: 2 });
      expect(read.map((event) => event.revision)).toEqual([2, 3]);
      expect(calls).toEqual([{ fromRevision: 2n, maxCount: 2, direction: undefined }]);
      await expect(store.readStream('claim-a', { maxCount: 0 })).resolves.toEqual([]);
      expect(calls).toHaveLength(1);
    });

    it('finds an event by id among the newest READ_EVENT_WINDOW, read backwards from the end', async () => {
      await expect(store.readEvent('claim-a', ids[3])).resolves.toMatchObject({ revision: 3, position: 103 });
      await expect(store.readEvent('claim-a', probe().eventId)).resolves.toBeUndefined();
      expect(calls).toEqual([
        { fromRevision: END, maxCount: READ_EVENT_WINDOW, direction: BACKWARDS },
        { fromRevision: END, maxCount: READ_EVENT_WINDOW, direction: BACKWARDS },
      ]);
    });
  });
});
