import fs from 'node:fs';
import { appendDirectly } from '../../support/direct-append';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { HttpClient } from '../../support/http-client';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';
import { CONDITION_DEADLINE_MS } from '../../support/deadlines';

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
  const deadline = Date.now() + CONDITION_DEADLINE_MS;
  for (;;) {
    const items = await projections(app);
    if (done(items)) return items;
    if (Date.now() > deadline) throw new Error(`projections never got there: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A StorylineOpened whose tags are not a list: the storylines read model cannot store it. Written by a second store on the
// same file, as an old or foreign writer could have done; the API itself would refuse it.
const malformedStoryline = { storylineId: 'broken-tags', title: 'Broken tags', summary: '', tags: null };

describe('read models that cannot apply an event', () => {
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

  it('stops every read model before the event, with its error, since they share one fold of the log', async () => {
    const items = await waitUntil(app, (all) => all.storylines.state === 'stopped');

    for (const name of ['claims', 'storylines', 'timeline', 'parties']) {
      expect(items[name].state).toBe('stopped');
      expect(items[name].checkpoint).toBe(lastGood);
      expect(items[name].lastError).toMatch(new RegExp(`StorylineOpened at position ${malformedAt}`));
    }
  });

  it('keeps taking commands and serving reads of what it knew before it stopped', async () => {
    await waitUntil(app, (all) => all.storylines.state === 'stopped');
    const supported = await app.request('POST', `/v1/claims/${claimId}/supports`, {
      body: developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
    });
    expect(supported.status).toBe(201);

    const claim = await app.request('GET', `/v1/claims/${claimId}`, { as: 'reader' });
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('unverified');
    const storyline = await app.request('GET', `/v1/storylines/${storylineId}`, { as: 'reader' });
    expect(storyline.status).toBe(200);
    expect(storyline.body.counts.unverified).toBe(1);
    // The as-of views are folded from the log itself, so they know the support.
    const asOf = await app.request('GET', `/v1/claims/${claimId}?atPosition=${supported.body.position}`, {
      as: 'reader',
    });
    expect(asOf.body.status).toBe('corroborated');
    expect((await projections(app)).claims.checkpoint).toBe(lastGood);
  });

  it('makes /health report degraded, with 200: the service still takes writes', async () => {
    const health = await app.request('GET', '/health', { as: 'nobody' });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.eventStore).toBe('up');
    expect(health.body.readModels).toBe('stopped');
  });

  it('does not skip the event: a rebuild stops at it again, and so does a restart', async () => {
    expect((await app.request('POST', '/v1/projections/storylines/rebuild', { as: 'admin' })).status).toBe(202);
    // The 202 says the rebuild was accepted; the worker reports its end a moment later.
    const afterRebuild = await waitUntil(app, (all) => /rebuild failed/.test(all.storylines.lastError ?? ''));
    expect(afterRebuild.storylines.state).toBe('stopped');
    expect(afterRebuild.storylines.checkpoint).toBe(lastGood);
    expect((await app.request('GET', '/v1/storylines/broken-tags', { as: 'reader' })).status).toBe(404);

    await app.close();
    app = await startTestApp({ dir });
    const afterRestart = await waitUntil(app, (all) => all.storylines.state === 'stopped');
    expect(afterRestart.storylines.checkpoint).toBe(lastGood);
    expect(afterRestart.timeline.state).toBe('stopped');
  });
});
