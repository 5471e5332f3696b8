import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { claimBody, storylineBody } from '../support/fixtures';
import { HttpClient, KEYS } from '../support/http-client';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { makeTempDir } from '../support/test-app';

interface Answer {
  status: number;
  contentType: string;
  retryAfter: string | null;
  position?: number;
  id?: string;
}

/** Positions and streams of every stored event, read page by page over the API. */
async function storedEvents(client: HttpClient): Promise<Map<number, string>> {
  const events = new Map<number, string>();
  for (let after = -1; ;) {
    const page = await client.request('GET', `/v1/events?after=${after}&limit=500`, { as: 'reader' });
    for (const event of page.body.items) events.set(event.position, event.streamId);
    if (!page.body.nextCursor) return events;
    after = page.body.items[page.body.items.length - 1].position;
  }
}

/** `workers` loops recording claims until the server stops answering; every answer is kept. */
function writeUntilGone(server: ServerProcess, storylineId: string, workers: number) {
  const answers: Answer[] = [];
  const worker = async (index: number) => {
    for (let step = 0; ; step++) {
      let response: Response;
      try {
        response = await fetch(`${server.baseUrl}/v1/storylines/${storylineId}/claims`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KEYS.reporter}`, 'content-type': 'application/json' },
          body: JSON.stringify(claimBody({ statement: `Writer ${index}, claim ${step}` })),
        });
      } catch {
        return; // refused or cut: no answer, so nothing was promised
      }
      const body = (await response.json().catch(() => ({}))) as { id?: string; position?: number };
      answers.push({
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
        ...body,
      });
    }
  };
  return { answers, finished: Promise.all(Array.from({ length: workers }, (_, index) => worker(index))) };
}

/** Reads a streamed body to its end: 'ended' when the server finished it, the error when the connection was cut. */
async function readToEnd(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  try {
    while (!(await reader.read()).done);
    return 'ended';
  } catch (error) {
    return `cut: ${String(error)}`;
  }
}

function exited({ child }: ServerProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/**
 * A POST whose headers have reached the service and whose body has not (Expect: 100-continue: the
 * server says Continue once the request is routed and its hooks have run): a request in flight.
 */
async function requestInFlight(port: number, url: string, body: string) {
  const { socket, received, closed } = rawConnection(port);
  socket.write(
    `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Authorization: Bearer ${KEYS.reporter}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  while (!received().includes('100 Continue')) await new Promise((resolve) => setTimeout(resolve, 10));
  return { socket, received, closed };
}

function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => received, closed };
}

/** Resolves once nothing listens on the port any more. */
async function untilRefused(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SIGTERM', () => {
  const dir = makeTempDir();
  const env = { SQLITE_PATH: path.join(dir, 'factline.db') };
  let server: ServerProcess | undefined;

  afterEach(async () => {
    await server?.kill('SIGKILL');
    server = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('under 32 writers and a live client: every answer is 201 or a 503 problem with Retry-After, every 201 is stored, exit 0', async () => {
    server = await startServerProcess(env);
    const storylineId = (await server.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
    const live = await fetch(`${server.baseUrl}/v1/events/live`, {
      headers: { authorization: `Bearer ${KEYS.reader}` },
    });
    expect(live.status).toBe(200);
    const liveEnd = readToEnd(live);
    const load = writeUntilGone(server, storylineId, 32);
    while (load.answers.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    const answeredBeforeSignal = load.answers.length;
    await server.kill('SIGTERM');
    await load.finished;
    expect(server.child.exitCode).toBe(0);
    // The live client saw its stream end, not a cut connection.
    await expect(liveEnd).resolves.toBe('ended');

    const unexpected = load.answers.filter(
      (answer) =>
        answer.status !== 201 &&
        !(answer.status === 503 && /^application\/problem\+json/.test(answer.contentType) && answer.retryAfter),
    );
    expect(unexpected).toEqual([]);
    expect(load.answers.length).toBeGreaterThanOrEqual(answeredBeforeSignal);

    server = await startServerProcess(env);
    const stored = await storedEvents(server);
    const acknowledged = load.answers.filter((answer) => answer.status === 201);
    for (const answer of acknowledged) expect(stored.get(answer.position!)).toBe(`claim-${answer.id}`);
    process.stdout.write(
      `SIGTERM under 32 writers: ${acknowledged.length} × 201, ` +
        `${load.answers.length - acknowledged.length} × 503 problem, all 201 stored\n`,
    );
  });

  it('lets the request in flight finish and answers one arriving meanwhile 503 problem+json, then exits 0', async () => {
    server = await startServerProcess({ ...env, SHUTDOWN_GRACE_MS: '120000' });
    const storylineId = (
      await server.request('POST', '/v1/storylines', { body: storylineBody({ title: 'Stopping in the middle' }) })
    ).body.id;
    const port = Number(new URL(server.baseUrl).port);
    const body = JSON.stringify(claimBody({ statement: 'Recorded while the service stops' }));
    const inFlight = await requestInFlight(port, `/v1/storylines/${storylineId}/claims`, body);
    // A second connection whose request has begun (its first line) but not ended: it arrives during the drain.
    const late = rawConnection(port);
    late.socket.write('GET /v1/storylines HTTP/1.1\r\n');
    await server.request('GET', '/health', { as: 'reader' }); // a round trip: the service has read those bytes

    server.child.kill('SIGTERM');
    await untilRefused(port);
    late.socket.write(`Host: 127.0.0.1\r\nAuthorization: Bearer ${KEYS.reader}\r\n\r\n`);
    inFlight.socket.write(body);
    await Promise.all([late.closed, inFlight.closed]);
    await exited(server);

    expect(inFlight.received().replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '')).toMatch(/^HTTP\/1\.1 201 /);
    const refused = late.received();
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    expect(refused).toMatch(/\r\nretry-after: \d+\r\n/i);
    expect(JSON.parse(refused.slice(refused.indexOf('\r\n\r\n') + 4))).toMatchObject({
      type: '/problems/unavailable',
      status: 503,
    });
    expect(server.child.exitCode).toBe(0);
  });

  it('cuts a request still in flight when SHUTDOWN_GRACE_MS has passed, and exits 0', async () => {
    server = await startServerProcess({ ...env, SHUTDOWN_GRACE_MS: '500' });
    const port = Number(new URL(server.baseUrl).port);
    // The body never comes: without the bound, the drain would wait for the client.
    const { closed } = await requestInFlight(port, '/v1/storylines', JSON.stringify(storylineBody()));
    server.child.kill('SIGTERM');
    await closed;
    await exited(server);
    expect(server.child.exitCode).toBe(0);
  });
});
