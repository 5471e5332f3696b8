import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY } from '../../support/doc-examples/doc-examples';

const pages = [
  'README.md',
  'bench/README.md',
  ...fs.readdirSync(path.join(REPOSITORY, 'docs')).map((name) => `docs/${name}`),
]
  .filter((page) => page.endsWith('.md'))
  .sort();

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchors(page: string): Set<string> {
  const text = fs.readFileSync(path.join(REPOSITORY, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#+ (.*)$/gm)].map(([, heading]) => anchorOf(heading)));
}

describe('links between the README and the pages under docs/', () => {
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const text = fs.readFileSync(path.join(REPOSITORY, page), 'utf8');
    const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, link]) => link)
      .filter((link) => !/^[a-z]+:/.test(link))
      .filter((link) => {
        const [file, anchor] = link.split('#');
        const target = file ? path.normalize(path.join(path.dirname(page), file)) : page;
        if (!fs.existsSync(path.join(REPOSITORY, target))) return true;
        return anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor);
      });
    expect(broken).toEqual([]);
  });
});
