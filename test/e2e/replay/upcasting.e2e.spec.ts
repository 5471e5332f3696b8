import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { importLog } from '../../../src/application/log-transfer/import-log';
import { withSecondStore } from '../../support/direct-append';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';

const FIXTURE = path.join(__dirname, '../../fixtures/schema-v1-log.ndjson');

// The fixture was written under schema 1, when a source was a bare URL string; one claim
// already has the schema 2 shape. Both must read as { url, ... } after an import.
describe('a log written under schema 1', () => {
  const dir = makeTempDir();
  let app: TestApp;

  beforeAll(async () => {
    await withSecondStore(path.join(dir, 'factline.db'), (store) =>
      importLog(store, readline.createInterface({ input: fs.createReadStream(FIXTURE), crlfDelay: Infinity })),
    );
    app = await startTestApp({ dir });
    await waitForLiveProjections(app);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => app.request('GET', url, { as: 'reader' });

  it('imports every event of the fixture at its place', async () => {
    const events = await get('/v1/events?limit=100');
    const lines = fs
      .readFileSync(FIXTURE, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.body.items.map((event: { eventId: string }) => event.eventId)).toEqual(
      lines.map((line: { eventId: string }) => line.eventId),
    );
  });

  it('shows the bare-URL sources of schema 1 as { url } on the claim, its support and its contradiction', async () => {
    const claim = await get('/v1/claims/legacy-ft-report');
    expect(claim.status).toBe(200);
    expect(claim.body.source).toEqual({ url: 'https://example.org/ft/us-guarantees-donbass' });
    expect(claim.body.supports.map((support: { source: unknown }) => support.source)).toEqual([
      { url: 'https://example.org/ft/follow-up' },
    ]);
    expect(claim.body.contradictions.map((entry: { source: unknown }) => entry.source)).toEqual([
      { url: 'https://example.org/us/statement' },
    ]);
  });

  it('gives the statuses the rule decides: a denial disputes, a reporter backing its own report does not corroborate', async () => {
    const report = await get('/v1/claims/legacy-ft-report');
    expect(report.body.status).toBe('disputed');
    expect(report.body.supports[0].independent).toBe(false);
    const beforeDenial = await get('/v1/claims/legacy-ft-report?atPosition=3');
    expect(beforeDenial.body.status).toBe('unverified');
    expect(beforeDenial.body.supports[0].source).toEqual({ url: 'https://example.org/ft/follow-up' });

    const current = await get('/v1/claims/legacy-current-shape');
    expect(current.body.status).toBe('unverified');
    expect(current.body.source).toEqual({
      url: 'https://example.org/davos',
      quote: 'Das Dokument ist zu 100 Prozent fertig',
    });

    const storyline = await get('/v1/storylines/legacy-security-guarantees');
    expect(storyline.body.status).toBe('disputed');
    expect(storyline.body.claimCount).toBe(2);
  });

  it('upcasts on read only: the stored events keep their schema 1 shape, the API shows schema 2', async () => {
    const stored = await withSecondStore(path.join(dir, 'factline.db'), (store) =>
      store.readStream('claim-legacy-ft-report'),
    );
    expect(stored[0].data).toMatchObject({ source: 'https://example.org/ft/us-guarantees-donbass' });
    expect(stored[0].metadata.schemaVersion).toBe(1);

    const history = await get('/v1/claims/legacy-ft-report/history');
    expect(history.body.items[0].data.source).toEqual({ url: 'https://example.org/ft/us-guarantees-donbass' });
    expect(history.body.items[0].metadata).toMatchObject({ schemaVersion: 2, recordedAt: '2026-01-27T08:05:00.000Z' });
  });

  it('takes new commands on a claim recorded under schema 1', async () => {
    const verdict = await app.request('POST', '/v1/claims/legacy-ft-report/verdict', {
      as: 'editor',
      body: { verdict: 'unproven', rationale: 'No second source for the Donbass condition' },
    });
    expect(verdict.status).toBe(201);
    expect(verdict.body.revision).toBe(3);
    const claim = await get(`/v1/claims/legacy-ft-report?minPosition=${verdict.body.position}`);
    expect(claim.body.status).toBe('unproven');
    expect(claim.body.source).toEqual({ url: 'https://example.org/ft/us-guarantees-donbass' });
  });
});
