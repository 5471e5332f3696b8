import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/**
 * Jest's global setup. The service's worker threads run the compiled code in dist/, so a test run
 * after an edit without a build would test yesterday's code: refuse to start instead.
 */
export default function builtCodeCheck(): void {
  const stale: string[] = [];
  for (const source of sources(path.join(ROOT, 'src'))) {
    const relative = path.relative(path.join(ROOT, 'src'), source);
    const built = path.join(ROOT, 'dist', relative.replace(/\.ts$/, '.js'));
    if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(source).mtimeMs) stale.push(relative);
  }
  if (stale.length > 0) {
    const named = stale.slice(0, 5).join(', ') + (stale.length > 5 ? ` and ${stale.length - 5} more` : '');
    throw new Error(`dist/ is older than src/ (${named}); run npm run build, or npm test, which builds first`);
  }
}
