import fs from 'node:fs';
import path from 'node:path';

/**
 * A worker thread runs compiled JavaScript: the file beside the caller in a build, or, when the
 * caller runs from its TypeScript source (the test runner, after `npm test` has built), the
 * build's copy under dist/. Undefined when neither exists.
 */
export function compiledWorkerScript(callerDir: string, fileName: string): string | undefined {
  const beside = path.join(callerDir, fileName);
  const srcMarker = `${path.sep}src${path.sep}`;
  const at = callerDir.lastIndexOf(srcMarker);
  const inBuild =
    at >= 0 ? path.join(callerDir.slice(0, at), 'dist', callerDir.slice(at + srcMarker.length), fileName) : undefined;
  return [beside, inBuild].find(
    (candidate): candidate is string => candidate !== undefined && fs.existsSync(candidate),
  );
}
