import fs from 'node:fs';
import path from 'node:path';
import { ServerProcess, startServerProcess } from '../../support/server-process';
import { makeTempDir } from '../../support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../../support/webhook-receiver';
import { appendEvents, firstAcceptedPositions, logAfter, registerWebhook, webhookWhen } from '../../support/webhooks';
import { PROCESS_TEST_TIMEOUT_MS } from '../../support/deadlines';

// Starts service processes and waits on them: a longer bound than the suite's (see deadlines.ts).
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

const ACCEPTED_BEFORE_THE_CRASH = 20;

describe('the built service killed with SIGKILL while deliveries are pending', () => {
  const dir = makeTempDir();
  const env = { SQLITE_PATH: path.join(dir, 'factline.db'), WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };
  let server: ServerProcess | undefined;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every event at least once after the restart, in order, from the checkpoint', async () => {
    // The receiver accepts the first deliveries, then holds the next request open: the rest are pending.
    const never = new Promise<number>(() => undefined);
    receiver.respond((_delivery, index) => (index < ACCEPTED_BEFORE_THE_CRASH ? 200 : never));
    server = await startServerProcess(env);
    const id = await registerWebhook(server, receiver);
    const { checkpoint } = (await server.request('GET', `/v1/webhooks/${id}`, { as: 'admin' })).body;
    await appendEvents(server, 58);
    await receiver.waitFor('the held delivery', (r) => r.received.length > ACCEPTED_BEFORE_THE_CRASH);
    const held = receiver.received[ACCEPTED_BEFORE_THE_CRASH];
    await server.kill('SIGKILL');

    receiver.respond(() => 200);
    server = await startServerProcess(env);
    await appendEvents(server, 1);
    const log = await logAfter(server, checkpoint);
    expect(log).toHaveLength(63);
    await receiver.waitFor('every event accepted', (r) => firstAcceptedPositions(r).length >= log.length);

    expect(firstAcceptedPositions(receiver)).toEqual(log.map((event) => event.position));
    expect(receiver.received.every((delivery) => delivery.verified)).toBe(true);
    // Never acknowledged before the crash, so delivered again: at least once, not at most once.
    const heldAgain = receiver.accepted().filter((delivery) => delivery.messageId === held.messageId);
    expect(heldAgain.length).toBeGreaterThanOrEqual(1);
    expect(held.answered).toBeUndefined();
    const view = await webhookWhen(server, id, 'caught up', (body) => body.checkpoint === log.at(-1).position);
    expect(view.state).toBe('active');
  });
});
