import fs from 'node:fs';
import path from 'node:path';
import { appendBulkStoryline, appendDirectly, withSecondStore } from '../../support/direct-append';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';

// The storyline's as-of view keeps folds of claims' leading events between requests. These tests ask the
// same points again and in changing orders, and hold every answer against the claim's own as-of view,
// which always folds the stream, and against the statuses the rule gives for the events known then.

type Point = { asOf: string } | { atPosition: number };
const query = (point: Point) =>
  'asOf' in point ? `asOf=${encodeURIComponent(point.asOf)}` : `atPosition=${point.atPosition}`;

interface StorylineBody {
  claimCount: number;
  claims: Array<{ id: string; status: string }>;
}

const statusesOf = (body: StorylineBody) => Object.fromEntries(body.claims.map((claim) => [claim.id, claim.status]));

async function expectClaimsAgreeWithTheirOwnFolds(app: TestApp, body: StorylineBody, point: Point) {
  for (const claim of body.claims) {
    const own = await app.request('GET', `/v1/claims/${claim.id}?${query(point)}`, { as: 'reader' });
    expect({ id: claim.id, status: own.body.status }).toEqual({ id: claim.id, status: claim.status });
  }
}

describe('storyline views at a past point reuse kept claim folds only when they still hold', () => {
  describe('a claim that changes after the point', () => {
    let app: TestApp;
    let storylineId: string;
    let claimId: string;
    let supportPosition: number;
    let supportRecordedAt: string;
    const get = (url: string) => app.request('GET', url, { as: 'reader' });

    beforeAll(async () => {
      app = await startTestApp();
      storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
      claimId = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;
      const support = developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' });
      supportPosition = (await app.request('POST', `/v1/claims/${claimId}/supports`, { body: support })).body.position;
      const history = await get(`/v1/claims/${claimId}/history`);
      supportRecordedAt = history.body.items[1].metadata.recordedAt;
    });
    afterAll(() => app.close());

    const storylineAt = async (point: Point) => {
      const response = await get(`/v1/storylines/${storylineId}?${query(point)}`);
      expect(response.status).toBe(200);
      return response.body as StorylineBody;
    };

    it('shows a contradiction written by the service once it is known, and not before', async () => {
      const farFuture = { asOf: '2999-01-01T00:00:00Z' };
      for (const point of [farFuture, { atPosition: supportPosition }, { asOf: supportRecordedAt }]) {
        expect(statusesOf(await storylineAt(point))).toEqual({ [claimId]: 'corroborated' });
        expect(statusesOf(await storylineAt(point))).toEqual({ [claimId]: 'corroborated' });
      }
      const denial = developmentBody(party('US government', 'government', 'us-government'), { kind: 'denial' });
      const denied = await app.request('POST', `/v1/claims/${claimId}/contradictions`, { body: denial });
      for (const point of [farFuture, { atPosition: denied.body.position }]) {
        const body = await storylineAt(point);
        expect(statusesOf(body)).toEqual({ [claimId]: 'disputed' });
        await expectClaimsAgreeWithTheirOwnFolds(app, body, point);
      }
      expect(statusesOf(await storylineAt({ atPosition: supportPosition }))).toEqual({ [claimId]: 'corroborated' });
      expect(statusesOf(await storylineAt({ asOf: supportRecordedAt }))).toEqual({ [claimId]: 'corroborated' });
    });

    it('shows a verdict appended by another process before the projections have seen it', async () => {
      const farFuture = { asOf: '2999-01-01T00:00:00Z' };
      const before = statusesOf(await storylineAt(farFuture));
      expect(before[claimId]).not.toBe('refuted');
      const verdict = {
        claimId,
        verdict: 'refuted',
        rationale: 'The draft was not final',
        occurredAt: '2026-01-28T09:00:00Z',
      };
      await appendDirectly(app.sqlitePath, `claim-${claimId}`, [{ type: 'ClaimVerdictIssued', data: verdict }]);
      // No minPosition: the view must not depend on the projections having followed the log.
      const body = await storylineAt(farFuture);
      expect(statusesOf(body)).toEqual({ [claimId]: 'refuted' });
      await expectClaimsAgreeWithTheirOwnFolds(app, body, farFuture);
    });

    it('shows a change that comes after a burst of writes too long to follow event by event', async () => {
      const farFuture = { asOf: '2999-01-01T00:00:00Z' };
      const before = statusesOf(await storylineAt(farFuture));
      expect(before[claimId]).not.toBe('unproven');
      await appendBulkStoryline(app.sqlitePath, 'burst', 500, 8);
      const verdict = {
        claimId,
        verdict: 'unproven',
        rationale: 'Sources disagree',
        occurredAt: '2026-01-29T09:00:00Z',
      };
      await appendDirectly(app.sqlitePath, `claim-${claimId}`, [{ type: 'ClaimVerdictIssued', data: verdict }]);
      expect(statusesOf(await storylineAt(farFuture))).toEqual({ [claimId]: 'unproven' });
    });
  });

  describe('an imported log whose recordedAt runs against its positions', () => {
    const dir = makeTempDir();
    let app: TestApp;
    let positions: number[];
    const storylineId = 'imported-out-of-order';
    const claimant = { id: 'kremlin', name: 'Kremlin', kind: 'government' };
    const independent = { id: 'reuters', name: 'Reuters', kind: 'media' };
    const denier = { id: 'us-government', name: 'US government', kind: 'government' };
    const occurredAt = '2026-01-20T10:00:00+01:00';
    const at = (time: string) => `2026-01-27T${time}:00.000Z`;

    // In log order. X is contradicted before it is supported by the clock, Y the other way round,
    // Z's support carries an earlier recordedAt than its recording, W's support an unparsable one.
    const events: Array<[string, string, unknown, string]> = [
      [
        `storyline-${storylineId}`,
        'StorylineOpened',
        { storylineId, title: 'Imported', summary: '', tags: [] },
        at('08:00'),
      ],
      ...recorded('x', at('08:10')),
      ['claim-x', 'ClaimSupported', { claimId: 'x', by: independent, kind: 'corroboration', occurredAt }, at('10:00')],
      ['claim-x', 'ClaimContradicted', { claimId: 'x', by: denier, kind: 'denial', occurredAt }, at('09:00')],
      ...recorded('y', at('08:20')),
      ['claim-y', 'ClaimContradicted', { claimId: 'y', by: denier, kind: 'denial', occurredAt }, at('11:00')],
      ['claim-y', 'ClaimSupported', { claimId: 'y', by: independent, kind: 'corroboration', occurredAt }, at('08:30')],
      ...recorded('z', at('12:00')),
      ['claim-z', 'ClaimSupported', { claimId: 'z', by: independent, kind: 'corroboration', occurredAt }, at('08:40')],
      ...recorded('w', at('08:15')),
      ['claim-w', 'ClaimSupported', { claimId: 'w', by: independent, kind: 'corroboration', occurredAt }, 'soon'],
    ];

    function recorded(claimId: string, recordedAt: string): Array<[string, string, unknown, string]> {
      const data = { claimId, storylineId, statement: `Claim ${claimId}`, language: 'en', claimant };
      const content = { ...data, attribution: 'official_statement', occurredAt, tags: [] };
      return [[`claim-${claimId}`, 'ClaimRecorded', content, recordedAt]];
    }

    // Written straight to the store as another writer could: an import refuses the unparsable recordedAt.
    function storedEvents() {
      const revisions = new Map<string, number>();
      return events.map(([streamId, type, data, recordedAt], index) => {
        const revision = (revisions.get(streamId) ?? -1) + 1;
        revisions.set(streamId, revision);
        const id = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
        const metadata = {
          recordedAt,
          actor: 'import',
          commandId: id,
          correlationId: id,
          causationId: id,
          schemaVersion: 2,
        };
        return { streamId, revision, event: { eventId: id, type, data, metadata } };
      });
    }

    beforeAll(async () => {
      await withSecondStore(path.join(dir, 'factline.db'), async (store) => {
        for (const { streamId, revision, event } of storedEvents()) {
          await store.append(streamId, [event], revision === 0 ? 'no_stream' : revision - 1);
        }
      });
      app = await startTestApp({ dir });
      await waitForLiveProjections(app);
      const log = await app.request('GET', '/v1/events?limit=100', { as: 'reader' });
      positions = log.body.items.map((event: { position: number }) => event.position);
      expect(positions).toHaveLength(events.length);
    });
    afterAll(async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const storylineAt = async (point: Point) => {
      const response = await app.request('GET', `/v1/storylines/${storylineId}?${query(point)}`, { as: 'reader' });
      expect(response.status).toBe(200);
      return response.body as StorylineBody;
    };

    const expectedAsOf: Array<[string, Record<string, string>]> = [
      [at('08:05'), {}],
      [at('08:45'), { x: 'unverified', y: 'corroborated', w: 'unverified' }],
      [at('09:30'), { x: 'disputed', y: 'corroborated', w: 'unverified' }],
      [at('10:30'), { x: 'disputed', y: 'corroborated', w: 'unverified' }],
      [at('11:30'), { x: 'disputed', y: 'disputed', w: 'unverified' }],
      [at('12:30'), { x: 'disputed', y: 'disputed', z: 'corroborated', w: 'unverified' }],
    ];

    it.each([
      ['latest first', [5, 1, 4, 2, 3, 0, 5]],
      ['earliest first', [0, 1, 2, 3, 4, 5, 0]],
    ])('gives each asOf the events recorded by then, asked %s and again', async (_order, indexes) => {
      for (const index of [...indexes, ...indexes]) {
        const [asOf, statuses] = expectedAsOf[index];
        const body = await storylineAt({ asOf });
        expect({ asOf, statuses: statusesOf(body) }).toEqual({ asOf, statuses });
        await expectClaimsAgreeWithTheirOwnFolds(app, body, { asOf });
      }
    });

    it('gives each position the events up to it, asked from the end and again from the start', async () => {
      for (const atPosition of [...[...positions].reverse(), ...positions]) {
        const body = await storylineAt({ atPosition });
        const recordedSoFar = events
          .slice(0, positions.indexOf(atPosition) + 1)
          .filter(([, type]) => type === 'ClaimRecorded').length;
        expect({ atPosition, claimCount: body.claimCount }).toEqual({ atPosition, claimCount: recordedSoFar });
        await expectClaimsAgreeWithTheirOwnFolds(app, body, { atPosition });
      }
    });
  });
});
