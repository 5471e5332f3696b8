import fs from 'node:fs';
import path from 'node:path';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { eventToAppend } from '../support/event-to-append';
import { runMainToExit } from '../support/run-main';
import { makeTempDir } from '../support/test-app';

/** Ways a file gets damaged: by a full disk, a bad copy, a stray write, the wrong file. */
const DAMAGE: Array<[name: string, damage: (file: string) => void, cause: RegExp]> = [
  ['truncated to half', (file) => fs.truncateSync(file, fs.statSync(file).size / 2), /cut short/],
  ['garbage over the header', (file) => overwrite(file, 0, 4096), /not an SQLite database/],
  ['garbage over the last quarter', (file) => overwrite(file, (fs.statSync(file).size * 3) / 4), /malformed/],
  ['a text file', (file) => fs.writeFileSync(file, 'not a database\n'.repeat(100)), /not an SQLite database/],
];

function overwrite(file: string, from: number, length = fs.statSync(file).size - from): void {
  const handle = fs.openSync(file, 'r+');
  // A fixed pattern, not random bytes: the test damages the same way every run.
  fs.writeSync(handle, Buffer.alloc(length, 0xa5), 0, length, from);
  fs.closeSync(handle);
}

describe('a damaged event store', () => {
  const dir = makeTempDir();
  const whole = path.join(dir, 'whole.db');

  beforeAll(async () => {
    const store = new SqliteEventStore(whole);
    const text = 'A claim long enough to fill pages. '.repeat(10);
    await Promise.all(
      Array.from({ length: 3000 }, (_, index) =>
        store.append(`claim-c${index}`, [eventToAppend('ClaimRecorded', { text }, 'damage-test')], 'no_stream'),
      ),
    );
    await store.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(DAMAGE)(
    '%s: stops at start with one line naming the file, the damage and the way out',
    async (name, damage, cause) => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.db`);
      fs.copyFileSync(whole, file);
      damage(file);

      const run = await runMainToExit({ SQLITE_PATH: file, PORT: '0', LOG_LEVEL: 'info' });

      expect(run.code).not.toBe(0);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(cause);
      expect(lines[0]).toMatch(/restore it from a backup.*factline import/);
      expect(run.stdout).not.toMatch(/Factline on http/);
    },
  );
});
