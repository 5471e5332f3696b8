import fs from 'node:fs';
import { appendDirectly } from '../../support/direct-append';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { HttpClient } from '../../support/http-client';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';

interface ProjectionItem {
  name: string;
  state: string;
  checkpoint: number;
  lastError?: string;
}

async function projections(app: HttpClient): Promise<Record<string, ProjectionItem>> {
  const { body } = await app.request('GET', '/v1/projections', { as: 'admin' });
  return Object.fromEntries(body.items.map((item: ProjectionItem) => [item.name, item]));
}

async function waitUntil(app: HttpClient, done: (items: Record<string, ProjectionItem>) => boolean) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = await projections(app);
    if (done(items)) return items;
    if (Date.now() > deadline) throw new Error(`projections never got there: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A StorylineOpened whose tags are not a list: the storylines projection cannot store it, while
// claims and timeline have nothing to do with storyline events. Written by a second store on the
// same file, as an old or foreign writer could have done; the API itself would refuse it.
const malformedStoryline = { storylineId: 'broken-tags', title: 'Broken tags', summary: '', tags: null };

describe('a projection whose handler throws', () => {
  const dir = makeTempDir();
  let app: TestApp;
  let claimId: string;
  let storylineId: string;
  let lastGood: number;
  let malformedAt: number;

  beforeAll(async () => {
    app = await startTestApp({ dir });
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    const recorded = await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() });
    claimId = recorded.body.id;
    lastGood = recorded.body.position;
    await waitForLiveProjections(app);
    const appended = await appendDirectly(
      app.sqlitePath,
      'storyline-broken-tags',
      [{ type: 'StorylineOpened', data: malformedStoryline }],
      'no_stream',
    );
    malformedAt = appended.position;
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is stopped with its error and its checkpoint before the event, while the others go on', async () => {
    const items = await waitUntil(app, (all) => all.storylines.state === 'stopped');

    expect(items.storylines.lastError).toEqual(expect.any(String));
    expect(items.storylines.lastError?.length).toBeGreaterThan(0);
    expect(items.storylines.checkpoint).toBe(lastGood);
    expect(items.storylines.checkpoint).toBeLessThan(malformedAt);
    for (const name of ['claims', 'timeline']) {
      expect(items[name].state).toBe('live');
      expect(items[name].checkpoint).toBeGreaterThanOrEqual(malformedAt);
      expect(items[name].lastError).toBeUndefined();
    }
  });

  it('keeps taking commands and serving reads from the projections that run', async () => {
    await waitUntil(app, (all) => all.storylines.state === 'stopped');
    const supported = await app.request('POST', `/v1/claims/${claimId}/supports`, {
      body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
    });
    expect(supported.status).toBe(201);

    const claim = await app.request('GET', `/v1/claims/${claimId}?minPosition=${supported.body.position}`, {
      as: 'reader',
    });
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('corroborated');
    const timeline = await app.request('GET', `/v1/storylines/${storylineId}/timeline`, { as: 'reader' });
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((entry: { position: number }) => entry.position)).toContain(supported.body.position);
    // The stopped read model still answers, with what it knew before it stopped.
    const storyline = await app.request('GET', `/v1/storylines/${storylineId}`, { as: 'reader' });
    expect(storyline.status).toBe(200);
    expect(storyline.body.counts.unverified).toBe(1);

    const items = await projections(app);
    expect(items.claims.checkpoint).toBeGreaterThanOrEqual(supported.body.position);
    expect(items.storylines.checkpoint).toBe(lastGood);
  });

  it('makes /health report degraded', async () => {
    const health = await app.request('GET', '/health', { as: 'nobody' });
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('degraded');
    expect(health.body.eventStore).toBe('up');
  });

  it('does not skip the event: a rebuild stops at it again, and so does a restart', async () => {
    expect((await app.request('POST', '/v1/projections/storylines/rebuild', { as: 'admin' })).status).toBe(202);
    const afterRebuild = await waitUntil(app, (all) => all.storylines.state !== 'rebuilding');
    expect(afterRebuild.storylines.state).toBe('stopped');
    expect(afterRebuild.storylines.lastError).toMatch(/rebuild failed/);
    expect(afterRebuild.storylines.checkpoint).toBe(lastGood);
    expect((await app.request('GET', '/v1/storylines/broken-tags', { as: 'reader' })).status).toBe(404);

    await app.close();
    app = await startTestApp({ dir });
    const afterRestart = await waitUntil(
      app,
      (all) => all.storylines.state === 'stopped' && all.claims.state === 'live',
    );
    expect(afterRestart.storylines.checkpoint).toBe(lastGood);
    expect(afterRestart.timeline.state).toBe('live');
  });
});
