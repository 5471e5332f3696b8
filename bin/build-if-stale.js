#!/usr/bin/env node
// `npm start`, `npm test` and `npm run demo` run this instead of a full build (tsc and vite take
// half a minute): it builds only when a source is newer than the build, or nothing is built yet.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['src', 'desk', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
// Each build step rewrites its whole output, so the older of these two is when the last build ran.
const OUTPUTS = ['dist/main.js', 'dist/desk/index.html'];

function newestChange(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A folder's own time counts too: deleting a source leaves nothing newer behind but it.
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function builtAt() {
  try {
    return Math.min(...OUTPUTS.map((output) => fs.statSync(path.join(ROOT, output)).mtimeMs));
  } catch {
    return 0;
  }
}

const sourcesChanged = Math.max(...SOURCES.map((source) => newestChange(path.join(ROOT, source))));
if (sourcesChanged > builtAt()) {
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}
