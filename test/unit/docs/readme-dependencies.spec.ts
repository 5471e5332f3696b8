import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY } from '../../support/doc-examples/doc-examples';

const manifest = JSON.parse(fs.readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const readme = fs.readFileSync(path.join(REPOSITORY, 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('## Dependencies and what each is for'));

describe("the README's dependency table", () => {
  it.each([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)])(
    'says what %s is for',
    (name) => {
      expect(table).toMatch(new RegExp(`^\\|[^\\n]*\`${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\``, 'm'));
    },
  );
});
