import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../support/cli';
import { makeTempDir } from '../../support/test-app';

describe('the factline CLI given bad input', () => {
  const dir = makeTempDir();
  const env = { SQLITE_PATH: path.join(dir, 'factline.db') };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const headOf = async () => JSON.parse((await runCli(['status', '--json'], env)).stdout).head as number;

  it('names a missing import file in one line and exits 1', async () => {
    const missing = path.join(dir, 'no-such-export.ndjson');
    const result = await runCli(['import', missing, '--quiet'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^factline: .*no-such-export\.ndjson/)]);
  });

  it('names the line that is not an exported event, exits 1 and appends nothing', async () => {
    const file = path.join(dir, 'broken.ndjson');
    fs.writeFileSync(file, '{"type":"ClaimRecorded"}\n');
    const result = await runCli(['import', file, '--quiet'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^factline: line 1: /);
    expect(await headOf()).toBe(-1);
  });
});
