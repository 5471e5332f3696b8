import fs from 'node:fs';
import { loadConfig } from '../../../src/config/config';
import { lockPathOf } from '../../../src/infrastructure/store-lock/store-lock';
import { runCli } from '../../support/cli';
import { readModelPathOf } from '../../support/read-model-path';
import { openStorylineWithClaim, startTestApp } from '../../support/test-app';

describe('factline replay while a server serves the same store', () => {
  it('refuses with one line naming the server and its rebuild route, and runs once the server has stopped', async () => {
    const app = await startTestApp();
    const env = { SQLITE_PATH: app.sqlitePath };
    try {
      await openStorylineWithClaim(app);
      const refused = await runCli(['replay', '--quiet'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toEqual([
        `factline: a Factline server (pid ${process.pid}, ${app.baseUrl}) is serving ${app.sqlitePath} and ${readModelPathOf(app.sqlitePath)}; stop it first, or rebuild through POST ${app.baseUrl}/v1/projections/rebuild`,
      ]);
    } finally {
      await app.stop();
    }
    try {
      const replayed = await runCli(['replay', '--quiet'], env);
      expect(replayed.code).toBe(0);
      expect(replayed.stderr).toContain('in one pass: 2 events');
    } finally {
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  });

  it('ignores the description a killed server left behind: only the lock decides', async () => {
    const app = await startTestApp();
    await app.stop();
    try {
      // What a server killed with SIGKILL leaves beside the lock, which the system released with it.
      const lockPath = lockPathOf(loadConfig({ SQLITE_PATH: app.sqlitePath }));
      fs.writeFileSync(
        `${lockPath}.json`,
        JSON.stringify({ pid: 2147483646, name: 'a Factline server', url: app.baseUrl }),
      );
      const replayed = await runCli(['replay', '--quiet'], { SQLITE_PATH: app.sqlitePath });
      expect(replayed.code).toBe(0);
    } finally {
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  });
});
