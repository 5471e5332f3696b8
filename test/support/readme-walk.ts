import fs from 'node:fs';
import path from 'node:path';

export interface WalkRequest {
  path: string;
  key: string;
  body: Record<string, unknown>;
}

/** The POSTs of the README's "A storyline, step by step", as its curl commands send them. */
export function readmeWalk(): WalkRequest[] {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A storyline, step by step'));
  const start = section.indexOf('```bash');
  const block = section.slice(start, section.indexOf('```', start + 7));
  const curl =
    /curl -s -X POST \$API(\S+) -H 'content-type: application\/json' \\\n\s*-H 'Idempotency-Key: ([^']+)' -d '([^']*)'/g;
  return [...block.matchAll(curl)].map(([, url, key, json]) => ({ path: url, key, body: JSON.parse(json) }));
}
