#!/usr/bin/env node
// The CLI is compiled with the service (npm run build, run by npm ci through `prepare`).
try {
  require.resolve('../dist/cli/factline.js');
} catch {
  process.stderr.write('factline: not built yet; run `npm run build` first\n');
  process.exit(1);
}
require('../dist/cli/factline.js');
