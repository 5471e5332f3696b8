import Database from 'better-sqlite3';
import fs from 'node:fs';
import { runCli } from '../../support/cli';
import { readModelPathOf } from '../../support/read-model-path';
import { openStorylineWithClaim, startTestApp } from '../../support/test-app';

describe('factline replay while a server serves the same read models', () => {
  it('refuses with one line naming the server, and runs once the server has stopped', async () => {
    const app = await startTestApp();
    const env = { SQLITE_PATH: app.sqlitePath };
    try {
      await openStorylineWithClaim(app);
      const refused = await runCli(['replay', '--quiet'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^factline: a Factline server \\(pid ${process.pid}\\) is serving `)),
      ]);
    } finally {
      await app.app.close();
    }
    try {
      const replayed = await runCli(['replay', '--quiet'], env);
      expect(replayed.code).toBe(0);
      expect(replayed.stderr).toContain('in one pass: 2 events');
    } finally {
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  });

  it('ignores the mark a killed server left behind', async () => {
    const app = await startTestApp();
    await app.app.close();
    try {
      // A pid that is not running: what a server killed with SIGKILL leaves in the file.
      const db = new Database(readModelPathOf(app.sqlitePath));
      db.prepare('UPDATE read_model_status SET writer = 2147483646').run();
      db.close();
      const replayed = await runCli(['replay', '--quiet'], { SQLITE_PATH: app.sqlitePath });
      expect(replayed.code).toBe(0);
    } finally {
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  });
});
