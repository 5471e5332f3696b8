import fs from 'node:fs';
import path from 'node:path';
import { BenchOptions } from '../bench-options';
import { CaptureResults } from '../report/results';
import { percentile } from '../support/percentile';
import { extractProposals } from '../../src/domain/capture/extract-proposals';
import { SEED_PARTIES } from '../../src/cli/demo/seed-article';

const ARTICLE_WORDS = 10_000;
const WARM_UP = 3;

/** The seed article (German news with quotations of every kind) repeated to ARTICLE_WORDS words. */
function longArticle(): { text: string; words: number } {
  const seed = fs.readFileSync(path.join(process.cwd(), 'test/fixtures/article-de.txt'), 'utf8');
  const seedWords = seed.split(/\s+/).filter(Boolean).length;
  const text = Array.from({ length: Math.ceil(ARTICLE_WORDS / seedWords) }, () => seed).join('\n');
  return { text, words: text.split(/\s+/).filter(Boolean).length };
}

/** POST /v1/extractions' work on a long article: the rules alone, in this process, with the seed's parties as the registry. */
export function captureSection(options: BenchOptions): CaptureResults {
  const { text, words } = longArticle();
  const parties = Object.values(SEED_PARTIES).map((partyId) => ({
    partyId,
    name: partyId.replace(/-/g, ' '),
    kind: 'person' as const,
    names: [],
  }));
  const runs = options.mode === 'quick' ? 10 : 50;
  let proposals = 0;
  for (let run = 0; run < WARM_UP; run++) proposals = extractProposals({ text, parties }).items.length;
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    extractProposals({ text, parties });
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return {
    words,
    characters: text.length,
    proposals,
    runs,
    p50Ms: percentile(timings, 50),
    p99Ms: percentile(timings, 99),
  };
}
