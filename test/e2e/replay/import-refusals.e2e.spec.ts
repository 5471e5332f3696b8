import fs from 'node:fs';
import path from 'node:path';
import { importLog } from '../../../src/application/log-transfer/import-log';
import { ExportedEvent } from '../../../src/application/log-transfer/exported-event';
import { runCli } from '../../support/cli';
import { withSecondStore } from '../../support/direct-append';
import { makeTempDir } from '../../support/test-app';

// What `factline import` refuses: anything the commands could not have written. Each case is a
// valid export with one crafted line, followed by a valid line that must not be appended.

type Line = Omit<ExportedEvent, 'position'>;

const claimant = { id: 'kremlin', name: 'Кремль', kind: 'government' };
const reuters = { id: 'reuters', name: 'Reuters', kind: 'media' };
const occurredAt = '2026-01-27T09:00:00+01:00';
let ids = 0;

function line(streamId: string, revision: number, type: string, data: Record<string, unknown>): Line {
  const id = `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;
  const metadata = {
    recordedAt: '2026-01-27T10:00:00.000Z',
    actor: 'desk',
    commandId: id,
    correlationId: id,
    causationId: id,
    schemaVersion: 2,
  };
  return { eventId: id, type, streamId, revision, data, metadata };
}

const opened = (storylineId: string) =>
  line(`storyline-${storylineId}`, 0, 'StorylineOpened', { storylineId, title: 'Łódź', summary: '', tags: [] });
const recorded = (storylineId: string, claimId: string) =>
  line(`claim-${claimId}`, 0, 'ClaimRecorded', {
    claimId,
    storylineId,
    statement: 'Переговоры не ведутся.',
    language: 'ru',
    claimant,
    attribution: 'official_statement',
    occurredAt,
    tags: [],
  });
const supported = (claimId: string, revision: number, streamId = `claim-${claimId}`) =>
  line(streamId, revision, 'ClaimSupported', { claimId, by: reuters, kind: 'corroboration', occurredAt });

/** A storyline with claims a and b, then a support of a: the part of every case before the crafted line. */
function valid(prefix: string): Line[] {
  return [
    opened(prefix),
    recorded(prefix, `${prefix}-a`),
    recorded(prefix, `${prefix}-b`),
    supported(`${prefix}-a`, 1),
  ];
}

const toText = (lines: Line[]) => lines.map((entry, index) => JSON.stringify({ position: index + 1, ...entry }));

describe('factline import refuses lines the commands could not have written', () => {
  const dir = makeTempDir();
  const sqlitePath = path.join(dir, 'factline.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function importLines(lines: Line[]) {
    return withSecondStore(sqlitePath, async (store) => {
      const outcome = await importLog(
        store,
        (async function* () {
          yield* toText(lines);
        })(),
        { inFlight: 256 },
      ).then(
        () => undefined,
        (error: Error) => error,
      );
      const stored = new Set((await store.readAll({ limit: 10_000 })).map((event) => event.eventId));
      return { error: outcome, stored };
    });
  }

  /** Imports the valid lines, the crafted one (line 5) and a valid one after it. */
  async function expectRefused(prefix: string, crafted: Line, reason: RegExp) {
    const before = valid(prefix);
    const after = supported(`${prefix}-b`, 1);
    const { error, stored } = await importLines([...before, crafted, after]);
    expect(error?.message).toMatch(new RegExp(`^line 5: ${reason.source}`));
    expect(before.every((entry) => stored.has(entry.eventId))).toBe(true);
    expect(stored.has(crafted.eventId)).toBe(false);
    expect(stored.has(after.eventId)).toBe(false);
  }

  it('imports the valid lines whole, so the cases below fail only for their crafted line', async () => {
    const lines = [...valid('control'), supported('control-b', 1)];
    const { error, stored } = await importLines(lines);
    expect(error).toBeUndefined();
    expect(lines.every((entry) => stored.has(entry.eventId))).toBe(true);
  });

  it('refuses an unknown event type', async () => {
    const crafted = { ...supported('unknown-type-a', 2), type: 'ClaimLiked' };
    await expectRefused('unknown-type', crafted, /unknown event type "ClaimLiked"/);
  });

  it('refuses a schema version this code does not know', async () => {
    const crafted = supported('future-version-a', 2);
    crafted.metadata = { ...crafted.metadata, schemaVersion: 3 };
    await expectRefused('future-version', crafted, /metadata\.schemaVersion: /);
  });

  it("refuses a claim's event put in another claim's stream", async () => {
    const crafted = supported('other-stream-a', 1, 'claim-other-stream-b');
    await expectRefused(
      'other-stream',
      crafted,
      /a ClaimSupported with this data belongs in claim-other-stream-a, not in claim-other-stream-b/,
    );
  });

  it('refuses a storyline event in a claim stream', async () => {
    const crafted = { ...opened('storyline-in-claim'), streamId: 'claim-storyline-in-claim-a', revision: 2 };
    await expectRefused('storyline-in-claim', crafted, /a StorylineOpened with this data belongs in storyline-/);
  });

  it.each([
    ['a missing field', { occurredAt: undefined }, /data\.occurredAt: Required/],
    ['a kind no command writes', { kind: 'rumour' }, /data\.kind: /],
    ['a key no command writes', { likes: 3 }, /data: Unrecognized key\(s\) in object: 'likes'/],
    ['a time without offset', { occurredAt: '2026-01-27 09:00' }, /data\.occurredAt: must be an ISO 8601 time/],
    ['a party without id', { by: { name: 'Reuters', kind: 'media' } }, /data\.by\.id: Required/],
  ])('refuses data with %s', async (_name, change, reason) => {
    const prefix = `data-${ids}`;
    const crafted = supported(`${prefix}-a`, 2);
    crafted.data = { ...(crafted.data as object), ...change };
    await expectRefused(prefix, crafted, reason);
  });

  it('refuses a retraction of a kind no command writes, and takes one of either kind or none', async () => {
    const retracted = (claimId: string, kind?: string) =>
      line(`claim-${claimId}`, 1, 'ClaimRetracted', { claimId, by: claimant, occurredAt, ...(kind ? { kind } : {}) });
    await expectRefused('retraction-kind', retracted('retraction-kind-b', 'shredded'), /data\.kind: /);

    const kinds = ['withdrawn', 'deleted', undefined];
    const lines = [
      opened('retraction-kinds'),
      ...kinds.map((_kind, index) => recorded('retraction-kinds', `retraction-kinds-${index}`)),
      ...kinds.map((kind, index) => retracted(`retraction-kinds-${index}`, kind)),
    ];
    const { error, stored } = await importLines(lines);
    expect(error).toBeUndefined();
    expect(lines.every((entry) => stored.has(entry.eventId))).toBe(true);
  });

  it.each([
    ['recordedAt that is no instant', { recordedAt: 'soon' }, /metadata\.recordedAt: /],
    ['no actor', { actor: undefined }, /metadata\.actor: Required/],
    ['a command id that is no id', { commandId: 'a b' }, /metadata\.commandId: must be an id/],
    ['a key no command writes', { secret: 'x' }, /metadata: Unrecognized key/],
  ])('refuses metadata with %s', async (_name, change, reason) => {
    const prefix = `metadata-${ids}`;
    const crafted = supported(`${prefix}-a`, 2);
    crafted.metadata = { ...crafted.metadata, ...change } as Line['metadata'];
    await expectRefused(prefix, crafted, reason);
  });

  it('refuses an event id that is not a UUID', async () => {
    const crafted = { ...supported('bad-id-a', 2), eventId: 'event-42' };
    await expectRefused('bad-id', crafted, /eventId: must be a UUID/);
  });

  it('refuses a revision that skips one of the file', async () => {
    await expectRefused(
      'gap-in-file',
      supported('gap-in-file-a', 3),
      /revision 3 of claim-gap-in-file-a does not follow revision 1/,
    );
  });

  it('refuses a stream that starts after what the store holds', async () => {
    await expectRefused(
      'gap-in-store',
      supported('gap-in-store-c', 4),
      /claim-gap-in-store-c has no revision 3 in this store or earlier in the file/,
    );
  });

  it('refuses a line where the store already holds another event at that revision', async () => {
    const before = valid('taken');
    await importLines([...before, supported('taken-b', 1)]);
    const crafted = supported('taken-b', 1);
    const { error, stored } = await importLines([...before, crafted, supported('taken-a', 2)]);
    expect(error?.message).toMatch(/^line 5: claim-taken-b already holds another event \(\S+\) at revision 1/);
    expect(stored.has(crafted.eventId)).toBe(false);
  });

  it('names the line whose event id the store holds in another stream, and appends nothing after it', async () => {
    const before = valid('reused-id');
    await importLines(before);
    const crafted = { ...supported('reused-id-b', 1), eventId: before[3].eventId };
    const after = supported('reused-id-a', 2);
    const { error, stored } = await importLines([opened('reused-id-other'), crafted, after]);
    expect(error?.message).toBe(
      `line 2 (claim-reused-id-b at revision 1): event id ${crafted.eventId} is already in the log`,
    );
    expect(stored.has(after.eventId)).toBe(false);
  });

  it('refuses a stream that does not begin with the event that opens it, and an opening event later on', async () => {
    await expectRefused(
      'no-opening',
      supported('no-opening-c', 0),
      /revision 0 of claim-no-opening-c must be the event that opens it, not ClaimSupported/,
    );
    await expectRefused(
      'opening-again',
      { ...recorded('opening-again', 'opening-again-a'), revision: 2 },
      /ClaimRecorded can only be the first event of a stream \(revision 0\), not revision 2/,
    );
  });

  it('refuses a claim in a storyline that is neither in the file nor in the store', async () => {
    await expectRefused(
      'no-storyline',
      recorded('nowhere', 'no-storyline-c'),
      /the claim's storyline nowhere is neither earlier in the file nor in this store/,
    );
  });

  it('names the refused line in one line on stderr and exits 1 (the CLI)', async () => {
    const file = path.join(dir, 'crafted.ndjson');
    const lines = [...valid('cli'), supported('cli-a', 2, 'claim-cli-b')];
    fs.writeFileSync(file, `${toText(lines).join('\n')}\n`);
    const result = await runCli(['import', file, '--quiet'], { SQLITE_PATH: path.join(dir, 'cli.db') });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'factline: line 5: a ClaimSupported with this data belongs in claim-cli-a, not in claim-cli-b',
    ]);
  });
});
