import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, StoredEvent } from '../../src/application/ports/event-store.port';
import { LiveFeed } from '../../src/infrastructure/http/live/live-feed';
import { CONDITION_DEADLINE_MS } from '../support/deadlines';
import { claimBody, party, storylineBody } from '../support/fixtures';
import { openPausedSse, openSse, SseMessage, SseStream } from '../support/sse-client';
import { KEYS, startTestApp, TestApp } from '../support/test-app';

const asReader = { authorization: `Bearer ${KEYS.reader}` };

/** A bound for things that must happen, never a speed assertion. */
function within<T>(promise: Promise<T>, what: string, ms = CONDITION_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function eventually(check: () => boolean, what: string, ms = CONDITION_DEADLINE_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openStoryline(app: TestApp, title: string): Promise<{ id: string; position: number }> {
  const response = await app.request('POST', '/v1/storylines', { body: storylineBody({ title }) });
  expect(response.status).toBe(201);
  return response.body;
}

async function logAfter(app: TestApp, after: number): Promise<StoredEvent[]> {
  const response = await app.request('GET', `/v1/events?after=${after}&limit=500`, { as: 'reader' });
  expect(response.status).toBe(200);
  return response.body.items;
}

const positionsOf = (messages: SseMessage[]) => messages.map((message) => Number(message.id));

const BULKY_SUMMARY_BYTES = 64 * 1024;

/** Opened storylines with a large summary, appended straight to the log; resolves with the last position. */
async function appendBulkyEvents(store: EventStore, count: number): Promise<number> {
  const summary = 'x'.repeat(BULKY_SUMMARY_BYTES);
  const results = await Promise.all(
    Array.from({ length: count }, () => {
      const storylineId = `bulk-${randomUUID()}`;
      const id = randomUUID();
      const metadata = {
        recordedAt: new Date().toISOString(),
        actor: 'test',
        commandId: id,
        correlationId: id,
        causationId: id,
        schemaVersion: 2,
      };
      const data = { storylineId, title: 'bulk', summary, tags: [] };
      return store.append(
        `storyline-${storylineId}`,
        [{ eventId: id, type: 'StorylineOpened', data, metadata }],
        'any',
      );
    }),
  );
  return Math.max(...results.map((result) => result.position));
}

/**
 * Appends until the feed is waiting on the paused client's full socket. The reading client is
 * caught up each round, so the one client left backed up can only be the paused one.
 */
async function fillUntilPausedClientBacksUp(app: TestApp, reading: SseStream): Promise<void> {
  const feed = app.app.get(LiveFeed);
  const store = app.app.get<EventStore>(EVENT_STORE);
  for (let round = 0; round < 100; round += 1) {
    const last = await appendBulkyEvents(store, 20);
    await reading.takeUntil((message) => message.id === String(last));
    if (feed.stats().backedUp === 1) return;
  }
  throw new Error('the paused client never filled its socket');
}

describe('GET /v1/events/live', () => {
  let app: TestApp;
  const streams: SseStream[] = [];
  const open = async (query = '', headers: Record<string, string> = {}) => {
    const stream = await openSse(`${app.baseUrl}/v1/events/live${query}`, { ...asReader, ...headers });
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => (app = await startTestApp()));
  afterEach(() => streams.splice(0).forEach((stream) => stream.close()));
  afterAll(() => app.close());

  it('answers with an event stream and a reconnect hint', async () => {
    const stream = await open();
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    await eventually(() => stream.retry !== undefined, 'the retry hint');
    expect(stream.retry).toBeGreaterThan(0);
  });

  it('sends only new events, shaped like the items of GET /v1/events', async () => {
    await openStoryline(app, 'Recorded before the client connected');
    const stream = await open();
    const opened = await openStoryline(app, 'Recorded while the client listens');

    const message = await stream.next();

    expect(message.id).toBe(String(opened.position));
    expect(message.event).toBe('StorylineOpened');
    const [fromLog] = await logAfter(app, opened.position - 1);
    expect(JSON.parse(message.data)).toEqual(fromLog);
    expect(JSON.parse(message.data).data.storylineId).toBe(opened.id);
  });

  it('upcasts events stored under an older schema, as the log endpoint does', async () => {
    const stream = await open();
    const store = app.app.get<EventStore>(EVENT_STORE);
    const fixture = path.join(__dirname, '../fixtures/schema-v1-log.ndjson');
    const legacy = fs
      .readFileSync(fixture, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as StoredEvent);
    for (const { streamId, eventId, type, data, metadata } of legacy) {
      await store.append(streamId, [{ eventId, type, data, metadata }], 'any');
    }

    const received = await stream.takeUntil((message) => message.data.includes(legacy[legacy.length - 1].eventId));

    const supported = received.map((message) => JSON.parse(message.data)).find((e) => e.type === 'ClaimSupported');
    expect(supported.data.source).toEqual({ url: 'https://example.org/ft/follow-up' });
    const fromLog = await logAfter(app, Number(received[0].id) - 1);
    expect(received.map((message) => JSON.parse(message.data))).toEqual(fromLog.slice(0, received.length));
  });

  it('resumes after Last-Event-ID with exactly the events it missed', async () => {
    const first = await open();
    const storyline = await openStoryline(app, 'Reconnecting reader');
    const claim = await app.request('POST', `/v1/storylines/${storyline.id}/claims`, { body: claimBody() });
    expect(claim.status).toBe(201);
    const seen = await first.takeUntil((message) => message.id === String(claim.body.position));
    first.close();

    const missedPositions: number[] = [];
    for (const by of ['Reuters', 'AP', 'dpa']) {
      const support = await app.request('POST', `/v1/claims/${claim.body.id}/supports`, {
        body: { by: party(by, 'media'), kind: 'corroboration', occurredAt: '2026-01-27T12:00:00+01:00' },
      });
      expect(support.status).toBe(201);
      missedPositions.push(support.body.position);
    }
    const lastSeen = seen[seen.length - 1].id as string;
    const second = await open('', { 'last-event-id': lastSeen });
    const afterReconnect = await openStoryline(app, 'Recorded after the reconnect');

    const received = await second.takeUntil((message) => message.id === String(afterReconnect.position));

    const expected = (await logAfter(app, Number(lastSeen))).map((event) => event.position);
    expect(positionsOf(received)).toEqual(expected);
    expect(positionsOf(received)).toEqual([...missedPositions, afterReconnect.position]);
  });

  it('starts strictly after ?after=, from the log', async () => {
    const a = await openStoryline(app, 'After query one');
    const b = await openStoryline(app, 'After query two');
    const stream = await open(`?after=${a.position}`);

    const received = await stream.takeUntil((message) => message.id === String(b.position));

    expect(positionsOf(received)).toEqual((await logAfter(app, a.position)).map((event) => event.position));
    expect(positionsOf(received)).not.toContain(a.position);
  });

  it('lets Last-Event-ID win over ?after=, as a reconnecting browser sends both', async () => {
    const a = await openStoryline(app, 'Header wins one');
    const b = await openStoryline(app, 'Header wins two');
    const stream = await open('?after=-1', { 'last-event-id': String(a.position) });

    expect((await stream.next()).id).toBe(String(b.position));
  });

  it.each([
    ['Last-Event-ID: seven', '', { 'last-event-id': 'seven' }],
    ['Last-Event-ID: -3', '', { 'last-event-id': '-3' }],
    ['?after=1.5', '?after=1.5', {}],
    ['?after=abc', '?after=abc', {}],
  ])('rejects %s with a problem', async (_name, query, headers) => {
    const response = await app.request('GET', `/v1/events/live${query}`, { as: 'reader', headers });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(400);
  });

  it('answers 401 with a problem without a key', async () => {
    const response = await app.request('GET', '/v1/events/live', { as: 'nobody' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.title).toBeDefined();
  });

  it('is documented as an event stream', async () => {
    const docs = await app.request('GET', '/docs/openapi.json', { as: 'nobody' });
    const operation = docs.body.paths['/v1/events/live'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/event-stream']);
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toContain('Last-Event-ID');
  });

  it('answers HEAD with the headers only, holding no stream open', async () => {
    const feed = app.app.get(LiveFeed);
    const before = feed.stats().clients;
    const response = await app.request('HEAD', '/v1/events/live', { as: 'reader' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(feed.stats().clients).toBe(before);
  });

  it('closes the client subscription when the client goes away', async () => {
    const feed = app.app.get(LiveFeed);
    const before = feed.stats().clients;
    const stream = await open();
    await eventually(() => feed.stats().clients === before + 1, 'the client registering');

    stream.close();

    await eventually(() => feed.stats().clients === before, 'the client being dropped');
  });
});

describe('GET /v1/events/live heartbeats', () => {
  it('sends a comment line when configured short, on an idle stream', async () => {
    const app = await startTestApp({ env: { LIVE_HEARTBEAT_MS: '50' } });
    try {
      const stream = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
      expect(await stream.nextComment()).toBe('heartbeat');
      stream.close();
    } finally {
      await app.close();
    }
  });
});

describe('GET /v1/events/live with a client that stops reading', () => {
  let app: TestApp;
  beforeEach(async () => (app = await startTestApp()));
  afterEach(() => app?.close());

  it('keeps delivering to the other clients, and holds back what the stalled one has not read', async () => {
    const paused = await openPausedSse(`${app.baseUrl}/v1/events/live`, asReader);
    const reading = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
    await fillUntilPausedClientBacksUp(app, reading);
    const feed = app.app.get(LiveFeed);

    await appendBulkyEvents(app.app.get<EventStore>(EVENT_STORE), 40);
    const opened = await openStoryline(app, 'Delivered past a stalled client');

    const received = await reading.takeUntil((message) => message.id === String(opened.position));
    expect(received[received.length - 1].event).toBe('StorylineOpened');
    // Still connected, still waiting: skipped, not dropped; and the 40 new events (2.5 MiB) were
    // not queued for it: at most the frame in flight sits in its buffer.
    expect(feed.stats()).toMatchObject({ clients: 2, backedUp: 1 });
    expect(feed.stats().bufferedBytes).toBeLessThan(4 * BULKY_SUMMARY_BYTES);
    paused.close();
    reading.close();
    await eventually(() => feed.stats().clients === 0, 'both clients being dropped');
  });

  it('closes the app promptly with open streams, stalled or not', async () => {
    const paused = await openPausedSse(`${app.baseUrl}/v1/events/live`, asReader);
    const reading = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
    await fillUntilPausedClientBacksUp(app, reading);

    await within(app.close(), 'app.close()');
    await within(reading.ended, 'the reading stream ending');
    paused.close();
    app = undefined as unknown as TestApp;
  });
});

describe('GET /v1/events/live limits (LIVE_MAX_CLIENTS, LIVE_STALL_TIMEOUT_MS)', () => {
  it('answers 503 problem+json with Retry-After past the maximum, and takes a client again once one leaves', async () => {
    const app = await startTestApp({ env: { LIVE_MAX_CLIENTS: '2' } });
    const feed = app.app.get(LiveFeed);
    try {
      const first = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
      const second = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
      expect([first.status, second.status]).toEqual([200, 200]);

      const refused = await app.request('GET', '/v1/events/live', { as: 'reader' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.detail).toMatch(/at most 2 clients/);

      first.close();
      await eventually(() => feed.stats().clients === 1, 'the first client being dropped');
      const third = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
      expect(third.status).toBe(200);
      second.close();
      third.close();
    } finally {
      await app.close();
    }
  });

  it('does not overshoot the maximum when clients arrive at once', async () => {
    const app = await startTestApp({ env: { LIVE_MAX_CLIENTS: '2' } });
    try {
      const streams = await Promise.all(
        Array.from({ length: 6 }, () => openSse(`${app.baseUrl}/v1/events/live`, asReader)),
      );
      expect(streams.map((stream) => stream.status).sort()).toEqual([200, 200, 503, 503, 503, 503]);
      streams.forEach((stream) => stream.close());
    } finally {
      await app.close();
    }
  });

  it('disconnects a client whose socket has not drained in time, and keeps serving the others', async () => {
    const app = await startTestApp({ env: { LIVE_STALL_TIMEOUT_MS: '2000' } });
    const feed = app.app.get(LiveFeed);
    try {
      const paused = await openPausedSse(`${app.baseUrl}/v1/events/live`, asReader);
      const reading = await openSse(`${app.baseUrl}/v1/events/live`, asReader);
      await fillUntilPausedClientBacksUp(app, reading);

      await eventually(() => feed.stats().clients === 1, 'the stalled client being disconnected');
      expect(feed.stats().backedUp).toBe(0);
      await within(paused.readToTheEnd(), 'the stalled client seeing its stream end');
      const opened = await openStoryline(app, 'Delivered after the stalled client left');
      await reading.takeUntil((message) => message.id === String(opened.position));
      reading.close();
    } finally {
      await app.close();
    }
  });
});
