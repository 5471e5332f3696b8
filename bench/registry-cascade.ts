import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchOptions } from './bench-options';
import { formatRegistryCascade } from './report/print-table';
import { registryCascadeSection } from './sections/registry-cascade.section';

/*
 * The registry-cascade section of `npm run bench` on its own, at the full size or with --quick:
 *
 *   npm run build && npx tsc -p bench/tsconfig.json && node dist/bench/bench/registry-cascade.js [--quick]
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-registry-cascade-'));
  try {
    const results = await registryCascadeSection(options, dir);
    process.stdout.write(`${formatRegistryCascade(results).join('\n')}\n${JSON.stringify(results)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
