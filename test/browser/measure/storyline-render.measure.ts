import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { claimBody, party, storylineBody } from '../../support/fixtures';
import { KEYS, startTestApp } from '../../support/test-app';
import { launchChromium } from '../support/chromium';
import { enterApiKey, openDeskPage } from '../support/desk-page';
import { eventually } from '../support/eventually';

/**
 * `npm run measure:desk`: the desk's page weight, and how long a storyline with 1,000 claims takes
 * to show in Chromium (performance marks the page sets). Prints figures; asserts no timing.
 */
const CLAIMS = 1000;
const LOADS = 5;
const ASSETS = path.resolve(__dirname, '../../../dist/desk/assets');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function pageWeight(): string[] {
  return fs
    .readdirSync(ASSETS)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const content = fs.readFileSync(path.join(ASSETS, file));
      return `${file}: ${kib(content.length)} minified, ${kib(zlib.gzipSync(content, { level: 9 }).length)} gzipped`;
    });
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

it(`measures the first render of a storyline with ${CLAIMS} claims`, async () => {
  const app = await startTestApp();
  const browser = await launchChromium();
  try {
    const storylineId = (
      await app.request('POST', '/v1/storylines', { body: storylineBody({ id: 'thousand-claims' }) })
    ).body.id;
    let last = 0;
    await inParallel([...Array(CLAIMS).keys()], 8, async (index) => {
      const recorded = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
        body: claimBody({
          id: `claim-${index}`,
          statement: `Claim number ${index}: the document is ${index % 100} percent ready.`,
          claimant: party(`Speaker ${index % 40}`),
          occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString(),
        }),
      });
      last = Math.max(last, recorded.body.position);
      if (index % 3 === 0) {
        const kind = index % 2 === 0 ? 'contradictions' : 'supports';
        const response = await app.request('POST', `/v1/claims/claim-${index}/${kind}`, {
          body: {
            by: party(`Outlet ${index % 7}`, 'media'),
            kind: kind === 'supports' ? 'corroboration' : 'denial',
            occurredAt: new Date(Date.UTC(2026, 0, 2) + index * 3_600_000).toISOString(),
          },
        });
        last = Math.max(last, response.body.position);
      }
    });
    await app.request('GET', `/v1/storylines/${storylineId}?minPosition=${last}`, { as: 'reader' });

    const desk = await openDeskPage(browser);
    await desk.page.goto(`${app.baseUrl}/desk`);
    await enterApiKey(desk.page, KEYS.reader);
    await desk.page.getByRole('heading', { level: 1, name: 'Storylines' }).waitFor();
    const rendered: number[] = [];
    const complete: number[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      await desk.page.goto(`${app.baseUrl}/desk/storylines/${storylineId}`);
      await eventually(
        'the storyline rendered with every detail',
        () => desk.page.evaluate('performance.getEntriesByName("desk:storyline-complete").length'),
        (count) => count === 1,
        60_000,
      );
      const marks = (await desk.page.evaluate(
        'Object.fromEntries(performance.getEntriesByType("mark").map((mark) => [mark.name, mark.startTime]))',
      )) as Record<string, number>;
      rendered.push(marks['desk:storyline-rendered']);
      complete.push(marks['desk:storyline-complete']);
    }
    const cards = await desk.page.locator('article.claim-card').count();
    expect(cards).toBeGreaterThan(0);
    await desk.close();
    process.stdout.write(
      [
        'Desk page weight:',
        ...pageWeight().map((line) => `  ${line}`),
        `Storyline with ${CLAIMS} claims, ${LOADS} loads, ms from navigation start (median; all):`,
        `  first render (header, status, counts, the first 50 claims of each status group): ${median(rendered).toFixed(0)} (${rendered.map((ms) => ms.toFixed(0)).join(', ')})`,
        `  complete (developments of every claim and the timeline chart): ${median(complete).toFixed(0)} (${complete.map((ms) => ms.toFixed(0)).join(', ')})`,
        `  claim cards in the DOM at first: ${cards}`,
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await app.close();
  }
}, 300_000);
