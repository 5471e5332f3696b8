import { startTestApp, TestApp } from '../../support/test-app';
import { runRandomWorkload, snapshotViews } from '../../support/workload';

// The as-of views are folded from the log on demand; at the head of the log they must say exactly
// what the live projections say.
describe('a view at the head of the log', () => {
  let app: TestApp;
  let head: number;
  let live: Awaited<ReturnType<typeof snapshotViews>>;

  beforeAll(async () => {
    app = await startTestApp();
    head = await runRandomWorkload(app, 4242, { storylines: 3, claims: 16, developments: 90 });
    live = await snapshotViews(app, head);
  });
  afterAll(() => app.close());

  /** The view of a past point, without the time it echoes (`atPosition`), which a live view does not carry. */
  const get = async (url: string) => {
    const response = await app.request('GET', url, { as: 'reader' });
    expect(response.status).toBe(200);
    const { atPosition, ...view } = response.body as { atPosition?: number };
    expect(atPosition).toBe(head);
    return view;
  };

  it('equals the live claim view for every claim', async () => {
    const claims = live.claims as Array<{ id: string }>;
    expect(claims.length).toBe(16);
    for (const claim of claims) expect(await get(`/v1/claims/${claim.id}?atPosition=${head}`)).toEqual(claim);
  });

  it('equals the live storyline view and timeline for every storyline', async () => {
    for (const { id } of live.storylineList) {
      expect(await get(`/v1/storylines/${id}?atPosition=${head}`)).toEqual(live.storylines[id]);
      const timeline = await get(`/v1/storylines/${id}/timeline?atPosition=${head}&limit=200`);
      expect((timeline as { items: unknown }).items).toEqual(live.timelines[id]);
    }
  });
});
