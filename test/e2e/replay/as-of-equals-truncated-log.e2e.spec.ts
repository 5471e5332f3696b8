import fs from 'node:fs';
import path from 'node:path';
import { readWholeLog } from '../../../src/application/log-transfer/export-log';
import { toExportLine } from '../../../src/application/log-transfer/exported-event';
import { importLog } from '../../../src/application/log-transfer/import-log';
import { withSecondStore } from '../../support/direct-append';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { runRandomWorkload, snapshotViews, waitForLiveProjections } from '../../support/workload';

async function* linesOf(lines: string[]) {
  yield* lines;
}

// What the service showed at position p is what a service whose log ends at p shows:
// the as-of fold of the full log is compared with live projections of a truncated copy.
describe('a view at a past position', () => {
  const dir = makeTempDir();
  let app: TestApp;
  let exportLines: string[];

  beforeAll(async () => {
    app = await startTestApp({ dir });
    await runRandomWorkload(app, 1717, { storylines: 2, claims: 10, developments: 60 });
    exportLines = [];
    await withSecondStore(app.sqlitePath, async (store) => {
      for await (const page of readWholeLog(store)) exportLines.push(...page.map(toExportLine));
    });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([0.25, 0.5, 0.8])('equals the live views of the log cut at %p of its length', async (fraction) => {
    const kept = exportLines.slice(0, Math.round(exportLines.length * fraction));
    const cutAt = JSON.parse(kept[kept.length - 1]).position as number;
    const copyDir = makeTempDir();
    await withSecondStore(path.join(copyDir, 'factline.db'), (store) => importLog(store, linesOf(kept)));
    const copy = await startTestApp({ dir: copyDir });
    try {
      await waitForLiveProjections(copy);
      const truncated = await snapshotViews(copy, cutAt);
      expect(truncated.claims.length).toBeGreaterThan(0);
      // A view of a past point says which (`atPosition`); the live views of the copy carry no such echo.
      const get = async (url: string) => {
        const { atPosition, ...view } = (await app.request('GET', url, { as: 'reader' })).body as {
          atPosition?: number;
        };
        expect(atPosition).toBe(cutAt);
        return view as { items?: unknown };
      };
      for (const claim of truncated.claims as Array<{ id: string }>) {
        expect(await get(`/v1/claims/${claim.id}?atPosition=${cutAt}`)).toEqual(claim);
      }
      for (const { id } of truncated.storylineList) {
        expect(await get(`/v1/storylines/${id}?atPosition=${cutAt}`)).toEqual(truncated.storylines[id]);
        expect((await get(`/v1/storylines/${id}/timeline?atPosition=${cutAt}&limit=200`)).items).toEqual(
          truncated.timelines[id],
        );
      }
    } finally {
      await copy.close();
      fs.rmSync(copyDir, { recursive: true, force: true });
    }
  });
});
