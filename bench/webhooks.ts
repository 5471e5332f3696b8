import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { claimBody, storylineBody } from '../test/support/fixtures';
import { bearer } from './support/api-keys';
import { percentile } from './support/percentile';
import { RunningService, ServiceFiles, serviceFilesIn, startService } from './support/service';

/*
 * Webhook deliveries to one receiver on loopback, through the built service:
 *   1. latency from an event being recorded (its recordedAt) to the receiver getting it, p50 / p99,
 *      with commands sent one after another;
 *   2. the rate one subscription drains a backlog at (deliveries are one at a time per subscription);
 *   3. 1,000 deliveries pending when the service is killed with SIGKILL: how long after the restart
 *      until every one has arrived.
 *
 *   npm run build && npx tsc -p bench/tsconfig.json && node dist/bench/bench/webhooks.js [--quick]
 *
 * Figures are printed, never asserted on.
 */

const QUICK = process.argv.includes('--quick');
const LATENCY_EVENTS = QUICK ? 200 : 2000;
const BACKLOG_EVENTS = QUICK ? 1000 : 5000;
const PENDING_AT_CRASH = 1000;
const WRITERS = 16;

interface Receipt {
  receivedAt: number;
  latencyMs: number;
}

/** Records when each position first arrived; while held, keeps the requests open unanswered. */
class Receiver {
  readonly first = new Map<number, Receipt>();
  requests = 0;
  private held: Array<{ response: http.ServerResponse; position: number; receipt: Receipt }> | undefined;
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const receivedAt = Date.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        position: number;
        metadata: { recordedAt: string };
      };
      this.requests += 1;
      const receipt = { receivedAt, latencyMs: receivedAt - Date.parse(event.metadata.recordedAt) };
      if (this.held) {
        this.held.push({ response, position: event.position, receipt });
        return;
      }
      this.accept(event.position, receipt, response);
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  hold(): void {
    this.held = [];
  }

  /** Answers the held requests (or, after a crash, drops them) and takes every request from now on. */
  release({ answer }: { answer: boolean }): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const { response, position, receipt } of held) {
      if (answer) this.accept(position, receipt, response);
      else response.destroy();
    }
  }

  private accept(position: number, receipt: Receipt, response: http.ServerResponse): void {
    if (!this.first.has(position)) this.first.set(position, receipt);
    response.writeHead(204).end();
  }

  heldCount(): number {
    return this.held?.length ?? 0;
  }

  async waitFor(what: string, accept: () => boolean, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!accept()) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function post(baseUrl: string, url: string, body: unknown, role: 'reporter' | 'admin' = 'reporter') {
  const response = await fetch(`${baseUrl}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearer(role) },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; position: number };
}

/** `count` new claims in the storyline (one event each) from `writers` concurrent clients. */
async function record(baseUrl: string, storylineId: string, count: number, writers: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await post(baseUrl, `/v1/storylines/${storylineId}/claims`, claimBody({ statement: `Claim ${next}` }));
    }
  };
  await Promise.all(Array.from({ length: writers }, worker));
}

const ENV = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '30000' };
const round = (value: number) => Math.round(value * 10) / 10;

async function measure(files: ServiceFiles, receiver: Receiver, url: string) {
  let service: RunningService = await startService(files, undefined, ENV);
  try {
    await post(service.baseUrl, '/v1/webhooks', { url }, 'admin');
    const storylineId = (await post(service.baseUrl, '/v1/storylines', storylineBody({ title: 'Webhooks' }))).id;
    await receiver.waitFor('the storyline', () => receiver.first.size >= 1);

    // 1. Latency, one command at a time.
    const before = new Set(receiver.first.keys());
    await record(service.baseUrl, storylineId, LATENCY_EVENTS, 1);
    await receiver.waitFor('the latency run', () => receiver.first.size >= before.size + LATENCY_EVENTS);
    const latencies = [...receiver.first.entries()]
      .filter(([position]) => !before.has(position))
      .map(([, receipt]) => receipt.latencyMs)
      .sort((a, b) => a - b);

    // 2. A backlog held back by the receiver, then let go.
    receiver.hold();
    await record(service.baseUrl, storylineId, 1, 1);
    await receiver.waitFor('the held request', () => receiver.heldCount() === 1);
    await record(service.baseUrl, storylineId, BACKLOG_EVENTS, WRITERS);
    const backlogFrom = receiver.first.size;
    const releasedAt = Date.now();
    receiver.release({ answer: true });
    await receiver.waitFor('the backlog', () => receiver.first.size >= backlogFrom + BACKLOG_EVENTS + 1);
    const drainMs = Math.max(...[...receiver.first.values()].map((receipt) => receipt.receivedAt)) - releasedAt;

    // 3. Deliveries pending when the service is killed.
    receiver.hold();
    await record(service.baseUrl, storylineId, 1, 1);
    await receiver.waitFor('the held request', () => receiver.heldCount() === 1);
    await record(service.baseUrl, storylineId, PENDING_AT_CRASH - 1, WRITERS);
    await service.child.stop('SIGKILL');
    const pendingFrom = receiver.first.size;
    const requestsBefore = receiver.requests;
    receiver.release({ answer: false });
    const spawnedAt = Date.now();
    service = await startService(files, undefined, ENV);
    const readyAfterMs = Date.now() - spawnedAt;
    await receiver.waitFor('the pending deliveries', () => receiver.first.size >= pendingFrom + PENDING_AT_CRASH);
    const received = [...receiver.first.values()].slice(pendingFrom).map((receipt) => receipt.receivedAt);
    return {
      latency: { events: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) },
      backlog: { events: BACKLOG_EVENTS + 1, drainMs, perSecond: round(((BACKLOG_EVENTS + 1) / drainMs) * 1000) },
      restart: {
        pending: PENDING_AT_CRASH,
        readyAfterMs,
        firstDeliveredAfterMs: Math.min(...received) - spawnedAt,
        allDeliveredAfterMs: Math.max(...received) - spawnedAt,
        requestsAfterRestart: receiver.requests - requestsBefore,
      },
    };
  } finally {
    await service.stop();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-webhooks-'));
  const receiver = new Receiver();
  try {
    const url = await receiver.listen();
    const results = await measure(serviceFilesIn(dir), receiver, url);
    process.stdout.write(
      `${JSON.stringify({ mode: QUICK ? 'quick' : 'full', loadAverage: os.loadavg(), ...results }, null, 2)}\n`,
    );
  } finally {
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`webhook bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
