import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CommandContext } from '../../../src/application/commands/command-context';
import { ConcurrencyConflictError } from '../../../src/application/commands/command-errors';
import { CONFLICT_RETRY_DEADLINE_MS, StreamWriter } from '../../../src/application/commands/stream-writer';
import { claimStream } from '../../../src/application/commands/stream-types';
import {
  EventToAppend,
  ExpectedRevision,
  ReadStreamOptions,
  StoredEvent,
} from '../../../src/application/ports/event-store.port';
import { ClaimCommand } from '../../../src/domain/claim/claim.commands';
import { SqliteEventStore } from '../../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { eventToAppend } from '../../support/event-to-append';

const CLAIM_ID = 'kremlin-denies-talks';
const STREAM = `claim-${CLAIM_ID}`;
const kremlin = { id: 'kremlin', name: 'Kremlin', kind: 'government' as const };
const reuters = { id: 'reuters', name: 'Reuters', kind: 'media' as const };

const record: ClaimCommand = {
  type: 'RecordClaim',
  data: {
    claimId: CLAIM_ID,
    storylineId: 'talks',
    statement: 'Кремль отрицает переговоры.',
    kind: 'factual',
    language: 'ru',
    claimant: kremlin,
    attribution: 'official_statement',
    occurredAt: '2026-01-27T09:00:00+01:00',
    tags: [],
  },
};
const support: ClaimCommand = {
  type: 'SupportClaim',
  data: { by: reuters, kind: 'corroboration', occurredAt: '2026-01-27T10:00:00+01:00' },
};

const context = (): CommandContext => ({ actor: 'desk', commandId: 'c', correlationId: 'c', causationId: 'c' });

/**
 * The embedded store, with a rival writer that gets an append into the claim's stream just before
 * each of ours while it has appends left, and a record of every stream read.
 */
class ContestedStore extends SqliteEventStore {
  rivalAppends = 0;
  readonly reads: Array<ReadStreamOptions | undefined> = [];

  override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
    if (streamId === STREAM && this.rivalAppends > 0) {
      this.rivalAppends -= 1;
      const rival = { claimId: CLAIM_ID, by: reuters, kind: 'confirmation', occurredAt: '2026-01-27T11:00:00+01:00' };
      await super.append(streamId, [eventToAppend('ClaimSupported', rival, 'rival')], 'any');
    }
    return super.append(streamId, events, expected);
  }

  override readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    if (streamId === STREAM) this.reads.push(options);
    return super.readStream(streamId, options);
  }
}

describe('StreamWriter', () => {
  let directory: string;
  let store: ContestedStore;
  let writer: StreamWriter;

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-writer-'));
    store = new ContestedStore(path.join(directory, 'events.db'));
    writer = new StreamWriter(store);
    await writer.write(claimStream, STREAM, record, context());
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('given another writer moving the stream three times, retries and appends after its events', async () => {
    store.rivalAppends = 3;

    const outcome = await writer.write(claimStream, STREAM, support, context());

    expect(outcome.revision).toBe(4);
    const stored = await store.readStream(STREAM);
    expect(stored.map((event) => event.metadata.actor)).toEqual(['desk', 'rival', 'rival', 'rival', 'desk']);
    expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('on a conflict reads only the events after the revision it knew', async () => {
    for (let index = 0; index < 20; index++) await writer.write(claimStream, STREAM, support, context());
    store.reads.length = 0;
    store.rivalAppends = 1;

    await writer.write(claimStream, STREAM, support, context());

    expect(store.reads).toEqual([{ fromRevision: 21 }]);
  });

  it('evolves the state it decided on with its own events: many commands, no stream read', async () => {
    store.reads.length = 0;
    for (let index = 0; index < 50; index++) await writer.write(claimStream, STREAM, support, context());
    expect(store.reads).toEqual([]);
    expect((await writer.stateOf(claimStream, STREAM))?.supports).toHaveLength(50);
  });

  it('records a new stream without reading it first: the append expects no stream', async () => {
    const other = `claim-${CLAIM_ID}-2`;
    const reads: string[] = [];
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((streamId, options) => {
      reads.push(streamId);
      return readStream(streamId, options);
    });

    const outcome = await writer.write(
      claimStream,
      other,
      { ...record, data: { ...record.data, claimId: other } },
      context(),
    );

    expect(outcome.revision).toBe(0);
    expect(reads).toEqual([]);
  });

  it('given a stream it has not seen, decides again on the stream as read', async () => {
    const fresh = new StreamWriter(store);
    store.reads.length = 0;

    await expect(fresh.write(claimStream, STREAM, record, context())).rejects.toMatchObject({
      reason: 'already_exists',
    });
    const outcome = await new StreamWriter(store).write(claimStream, STREAM, support, context());

    expect(outcome.revision).toBe(1);
    expect(store.reads).toEqual([{ fromRevision: 0 }, { fromRevision: 0 }]);
  });

  it(
    'gives up with ConcurrencyConflictError once the stream kept moving for the whole deadline',
    async () => {
      store.rivalAppends = Number.POSITIVE_INFINITY;
      const started = Date.now();

      await expect(writer.write(claimStream, STREAM, support, context())).rejects.toBeInstanceOf(
        ConcurrencyConflictError,
      );

      expect(Date.now() - started).toBeGreaterThanOrEqual(CONFLICT_RETRY_DEADLINE_MS);
      expect((await store.readStream(STREAM)).filter((event) => event.metadata.actor === 'desk')).toHaveLength(1);
    },
    CONFLICT_RETRY_DEADLINE_MS + 10_000,
  );
});
