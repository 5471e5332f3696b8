import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../support/test-app';

const SCRIPT = path.resolve(__dirname, '../../bin/build-if-stale.js');

/**
 * bin/build-if-stale.js (run before `npm start`, `npm test` and `npm run demo`) in a checkout of its
 * own, whose `npm run build` only writes the two outputs it looks at and counts how often it ran.
 */
describe('building before a start only when a source is newer than the build', () => {
  const root = makeTempDir();
  const builds = () =>
    fs.existsSync(path.join(root, 'builds.log')) ? fs.readFileSync(path.join(root, 'builds.log'), 'utf8').length : 0;
  const startOnce = () =>
    execFileSync(process.execPath, [path.join(root, 'bin/build-if-stale.js')], { cwd: root, stdio: 'pipe' });
  /** An edit after the last build: the build is moved a minute into the past, the file touched now. */
  const edit = (file: string) => {
    const past = new Date(Date.now() - 60_000);
    for (const output of ['dist/main.js', 'dist/desk/index.html']) fs.utimesSync(path.join(root, output), past, past);
    const now = new Date();
    fs.utimesSync(path.join(root, file), now, now);
  };

  beforeAll(() => {
    fs.mkdirSync(path.join(root, 'bin'));
    fs.copyFileSync(SCRIPT, path.join(root, 'bin/build-if-stale.js'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.mkdirSync(path.join(root, 'desk/src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/main.ts'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'desk/src/page.tsx'), 'export {};\n');
    fs.writeFileSync(
      path.join(root, 'build.js'),
      `const fs = require('node:fs');
fs.mkdirSync('dist/desk', { recursive: true });
fs.writeFileSync('dist/main.js', '');
fs.writeFileSync('dist/desk/index.html', '');
fs.appendFileSync('builds.log', 'x');
`,
    );
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'checkout', scripts: { build: 'node build.js' } }),
    );
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds a checkout that has no build yet', () => {
    startOnce();
    expect(builds()).toBe(1);
  });

  it('does not build again while nothing changed', () => {
    startOnce();
    startOnce();
    expect(builds()).toBe(1);
  });

  it.each([['src/main.ts'], ['desk/src/page.tsx'], ['package.json']])('builds again after %s changed', (file) => {
    const before = builds();
    edit(file);
    startOnce();
    expect(builds()).toBe(before + 1);
    startOnce();
    expect(builds()).toBe(before + 1);
  });

  it('builds again when part of the build is gone', () => {
    const before = builds();
    fs.rmSync(path.join(root, 'dist/desk'), { recursive: true });
    startOnce();
    expect(builds()).toBe(before + 1);
  });
});
