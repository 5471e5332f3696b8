import fs from 'node:fs';
import path from 'node:path';
import { claimBody, storylineBody } from '../../support/fixtures';
import { readModelPathOf } from '../../support/read-model-path';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';

describe('Idempotency-Key', () => {
  let app: TestApp;
  let storylineId: string;

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  });
  afterAll(() => app.close());

  const eventCount = async () => {
    const page = await app.request('GET', '/v1/events?limit=500', { as: 'reader' });
    return page.body.items.length as number;
  };

  it('appends once for the same key and body, and returns the same response', async () => {
    const headers = { 'idempotency-key': 'record-zelensky-quote-1' };
    const before = await eventCount();
    const first = await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(), headers });
    const second = await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount()).toBe(before + 1);
  });

  it('answers 422 for the same key with a different body, appending nothing', async () => {
    const headers = { 'idempotency-key': 'record-zelensky-quote-2' };
    await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody(), headers });
    const before = await eventCount();
    const other = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
      body: claimBody({ statement: 'Ein anderer Satz.' }),
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await eventCount()).toBe(before);
  });

  it('appends once when the same request races itself', async () => {
    const headers = { 'idempotency-key': 'record-race' };
    const before = await eventCount();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.request('POST', `/v1/storylines/${storylineId}/claims`, {
          body: claimBody({ statement: 'Race' }),
          headers,
        }),
      ),
    );
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(responses.every((response) => response.status === 201)).toBe(true);
    expect(await eventCount()).toBe(before + 1);
  });

  it('keeps keys of different requests apart', async () => {
    const before = await eventCount();
    for (const key of ['key-a', 'key-b']) {
      const response = await app.request('POST', `/v1/storylines/${storylineId}/claims`, {
        body: claimBody(),
        headers: { 'idempotency-key': key },
      });
      expect(response.status).toBe(201);
    }
    expect(await eventCount()).toBe(before + 2);
  });

  it('marks every repeat of a racing request as replayed, and answers each with the first answer', async () => {
    const headers = { 'idempotency-key': 'record-race-marked' };
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        app.request('POST', `/v1/storylines/${storylineId}/claims`, {
          body: claimBody({ statement: 'Marked' }),
          headers,
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    const replayed = responses.map((response) => response.headers.get('idempotent-replayed'));
    expect(replayed.filter((header) => header === 'true')).toHaveLength(3);
    expect(replayed.filter((header) => header === null)).toHaveLength(1);
    for (const response of responses) {
      expect(response.body).toEqual(responses[0].body);
      expect(response.headers.get('etag')).toBe(responses[0].headers.get('etag'));
      expect(response.headers.get('location')).toBe(`/v1/claims/${responses[0].body.id}`);
    }
  });

  it('replays a revision (PATCH) with its 200 and ETag', async () => {
    const headers = { 'idempotency-key': 'revise-title-1' };
    const id = (await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Replayed revision' }) }))
      .body.id;
    const body = { title: 'Replayed revision, retitled' };
    const first = await app.request('PATCH', `/v1/storylines/${id}`, { body, headers });
    const before = await eventCount();
    const again = await app.request('PATCH', `/v1/storylines/${id}`, { body, headers });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.body.revision).toBe(1);
    expect(again.headers.get('etag')).toBe('"1"');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount()).toBe(before);
  });

  it('runs a command that appended no event again: the same answer while the stream is unchanged, nothing stored', async () => {
    const id = (await app.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Nothing to change' }) }))
      .body.id;
    const headers = { 'idempotency-key': 'revise-nothing-1' };
    const before = await eventCount();
    const first = await app.request('PATCH', `/v1/storylines/${id}`, { body: { title: 'Nothing to change' }, headers });
    const again = await app.request('PATCH', `/v1/storylines/${id}`, { body: { title: 'Nothing to change' }, headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, revision: 0 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe('"0"');
    // No event holds the first attempt, so there is nothing to replay: the no-op simply runs again.
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await eventCount()).toBe(before);
  });
});

describe('Idempotency-Key answers come from the event store', () => {
  const dir = makeTempDir();
  const headers = { 'idempotency-key': 'open-after-restart' };
  const body = storylineBody({ title: 'Survives a lost read model' });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives a retry after a restart with a deleted read-model file the first answer', async () => {
    const before = await startTestApp({ dir });
    const first = await before.request('POST', '/v1/storylines', { body, headers });
    await before.close();
    const readModelPath = readModelPathOf(path.join(dir, 'factline.db'));
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${readModelPath}${suffix}`, { force: true });

    const after = await startTestApp({ dir });
    try {
      const again = await after.request('POST', '/v1/storylines', { body, headers });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(again.headers.get('idempotent-replayed')).toBe('true');

      const other = await after.request('POST', '/v1/storylines', { body: { ...body, summary: 'Another' }, headers });
      expect(other.status).toBe(422);
      const log = await after.request('GET', '/v1/events?limit=10', { as: 'reader' });
      expect(log.body.items).toHaveLength(1);
    } finally {
      await after.close();
    }
  });

  it('answers a retry racing the first on another instance of the service the same, storing one event', async () => {
    // Replicas share a log on KurrentDB; two instances on one SQLite file stand in for them here, so the
    // second must not hold the store (a second server on the embedded store is refused).
    const replica = (name: string, holdStore: boolean) =>
      startTestApp({ dir, env: { READ_MODEL_PATH: path.join(dir, `${name}.read-models.db`) }, holdStore });
    const [one, two] = await Promise.all([replica('one', true), replica('two', false)]);
    try {
      const key = { 'idempotency-key': 'open-on-two-replicas' };
      const raced = storylineBody({ title: 'Raced on two replicas' });
      const responses = await Promise.all([
        one.request('POST', '/v1/storylines', { body: raced, headers: key }),
        two.request('POST', '/v1/storylines', { body: raced, headers: key }),
      ]);
      expect(responses.map((response) => response.status)).toEqual([201, 201]);
      expect(responses[1].body).toEqual(responses[0].body);
      const replayed = responses.map((response) => response.headers.get('idempotent-replayed'));
      expect(replayed.filter((header) => header === 'true')).toHaveLength(1);
      expect(replayed.filter((header) => header === null)).toHaveLength(1);

      const differently = await Promise.all([
        one.request('POST', '/v1/storylines', { body: { ...raced, tags: ['one'] }, headers: key }),
        two.request('POST', '/v1/storylines', { body: { ...raced, tags: ['two'] }, headers: key }),
      ]);
      expect(differently.map((response) => response.status)).toEqual([422, 422]);
      const log = await one.request('GET', '/v1/events?limit=10', { as: 'reader' });
      expect(log.body.items.filter((event: { type: string }) => event.type === 'StorylineOpened')).toHaveLength(2);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
