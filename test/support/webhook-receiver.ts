import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { CONDITION_DEADLINE_MS } from './deadlines';

export interface Received {
  messageId: string;
  /** The body as sent, byte for byte. */
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the wire, asserted by each test
  event: any;
  /** Whether the signature verified with the receiver's secret (the standardwebhooks package). */
  verified: boolean;
  /** The status this receiver answered; undefined when it never answered (a hang past the sender's deadline). */
  answered?: number;
}

/** Decides each answer: a status, or a promise of one (one that never settles makes the sender time out). */
export type Responder = (delivery: Received, index: number) => number | Promise<number>;

export interface WebhookReceiver {
  url: string;
  /** Every request in arrival order, whatever was answered. */
  received: Received[];
  /** Requests answered with a 2xx, in order. */
  accepted(): Received[];
  secret: string | undefined;
  respond(responder: Responder): void;
  /** Waits until `accept` holds for what was received; at the deadline it throws, saying what it saw. */
  waitFor(what: string, accept: (receiver: WebhookReceiver) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real HTTP receiver on 127.0.0.1 that verifies Standard Webhooks signatures. */
export async function startWebhookReceiver(path = '/hook'): Promise<WebhookReceiver> {
  let responder: Responder = () => 204;
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request.headers[name])]),
      );
      let verified = false;
      try {
        if (receiver.secret) new Webhook(receiver.secret).verify(raw, headers);
        verified = receiver.secret !== undefined;
      } catch {
        verified = false;
      }
      const delivery: Received = { messageId: headers['webhook-id'], raw, event: JSON.parse(raw), verified };
      received.push(delivery);
      void Promise.resolve(responder(delivery, received.length - 1)).then((status) => {
        if (response.destroyed || !response.socket || response.socket.destroyed) return;
        delivery.answered = status;
        response.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    accepted: () => received.filter((delivery) => (delivery.answered ?? 0) >= 200 && (delivery.answered ?? 0) < 300),
    secret: undefined,
    respond(next) {
      responder = next;
    },
    async waitFor(what, accept, timeoutMs = CONDITION_DEADLINE_MS) {
      const deadline = Date.now() + timeoutMs;
      while (!accept(receiver)) {
        if (Date.now() > deadline) {
          const seen = received.map((delivery) => `${delivery.event.position}:${delivery.answered ?? '-'}`);
          throw new Error(`waited ${timeoutMs} ms for ${what}; received ${received.length}: ${seen.join(' ')}`);
        }
        await sleep(20);
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
