import http from 'node:http';
import { AddressInfo } from 'node:net';
import { parseAllowedHosts } from '../../../src/config/webhook-hosts';
import { HttpWebhookSender } from '../../../src/infrastructure/webhooks/delivery/http-webhook-sender';
import { Resolver, TargetGuard } from '../../../src/infrastructure/webhooks/delivery/target-guard';
import { startWebhookReceiver, WebhookReceiver } from '../../support/webhook-receiver';
import { CONDITION_DEADLINE_MS } from '../../support/deadlines';

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
const payload = JSON.stringify({ eventId: 'evt-1', type: 'ClaimRecorded', position: 1 });

describe('the webhook sender, on loopback, with a DNS of its own', () => {
  let receiver: WebhookReceiver;
  let port: number;
  const senders: HttpWebhookSender[] = [];

  /** Every answer it gives is 127.0.0.1 unless told otherwise: a connection can only ever reach this machine. */
  const senderWith = (allowed: string, resolve: Resolver) => {
    const sender = new HttpWebhookSender(new TargetGuard(parseAllowedHosts(allowed), resolve), CONDITION_DEADLINE_MS);
    senders.push(sender);
    return sender;
  };
  const send = (sender: HttpWebhookSender, url: string) =>
    sender.send({ url, secret: SECRET, messageId: 'evt-1', payload, signal: new AbortController().signal });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiver.secret = SECRET;
    port = Number(new URL(receiver.url).port);
  });

  afterAll(async () => {
    await Promise.all(senders.map((sender) => sender.close()));
    await receiver.close();
  });

  it('delivers to a listed name, connecting to the address the guard resolved', async () => {
    const sender = senderWith('receiver.test', async () => ['127.0.0.1']);
    await expect(send(sender, `http://receiver.test:${port}/hook`)).resolves.toEqual({
      kind: 'delivered',
      status: 204,
    });
    expect(receiver.received.at(-1)).toMatchObject({ messageId: 'evt-1', raw: payload, verified: true });
  });

  it('refuses at delivery a name that resolved to a public address at registration and to loopback now', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const sender = senderWith('*', async () => answers.shift() ?? ['127.0.0.1']);
    const url = `http://rebinding.test:${port}/hook`;
    await expect(sender.refusal(url)).resolves.toBeUndefined();
    const before = receiver.received.length;

    const outcome = await send(sender, url);
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('host rebinding.test resolves to 127.0.0.1, a loopback address'),
    });
    expect(receiver.received).toHaveLength(before);
  });

  it('refuses a loopback address it was never allowed, without connecting', async () => {
    const sender = senderWith('*', async () => ['127.0.0.1']);
    const before = receiver.received.length;
    await expect(send(sender, `http://127.0.0.1:${port}/hook`)).resolves.toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('127.0.0.1 is a loopback address'),
    });
    expect(receiver.received).toHaveLength(before);
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await startWebhookReceiver();
    const redirecting = http.createServer((_request, response) =>
      response.writeHead(307, { location: elsewhere.url }).end(),
    );
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const sender = senderWith('127.0.0.1', async () => ['127.0.0.1']);
      const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`;
      await expect(send(sender, url)).resolves.toEqual({
        kind: 'failed',
        status: 307,
        error: `answered 307 to ${elsewhere.url}; redirects are not followed`,
      });
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      redirecting.close();
      await elsewhere.close();
    }
  });

  it('gives up on a receiver that does not answer in time, and says so', async () => {
    const silent = await startWebhookReceiver();
    silent.respond(() => new Promise<number>(() => undefined));
    try {
      const sender = new HttpWebhookSender(new TargetGuard(parseAllowedHosts('127.0.0.1')), 200);
      senders.push(sender);
      await expect(send(sender, silent.url)).resolves.toEqual({ kind: 'failed', error: 'no answer within 200 ms' });
    } finally {
      await silent.close();
    }
  });

  it('answers aborted, not failed, when the service shuts down mid-request', async () => {
    const silent = await startWebhookReceiver();
    silent.respond(() => new Promise<number>(() => undefined));
    try {
      const sender = senderWith('127.0.0.1', async () => ['127.0.0.1']);
      const shutdown = new AbortController();
      const sending = sender.send({
        url: silent.url,
        secret: SECRET,
        messageId: 'e',
        payload,
        signal: shutdown.signal,
      });
      await silent.waitFor('the request', (r) => r.received.length === 1);
      shutdown.abort();
      await expect(sending).resolves.toEqual({ kind: 'aborted' });
    } finally {
      await silent.close();
    }
  });
});
