import { startTestApp, TestApp } from '../../support/test-app';
import { startWebhookReceiver, WebhookReceiver } from '../../support/webhook-receiver';
import { appendEvents, firstAcceptedPositions, logAfter, registerWebhook, webhookWhen } from '../../support/webhooks';

const LOOPBACK = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };

/** Only a receiver that never answers reaches it, however busy the machine: a retry is always the test's doing. */
const DELIVERY_TIMEOUT_MS = 5000;

describe('webhook deliveries to a receiver on loopback', () => {
  let app: TestApp;
  const receivers: WebhookReceiver[] = [];
  const receiver = async () => {
    const started = await startWebhookReceiver();
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        ...LOOPBACK,
        WEBHOOK_RETRY_BASE_MS: '10',
        WEBHOOK_RETRY_MAX_MS: '50',
        WEBHOOK_TIMEOUT_MS: String(DELIVERY_TIMEOUT_MS),
        WEBHOOK_DISABLE_AFTER_FAILURES: '1000',
      },
    });
  });

  afterAll(async () => {
    await app.close();
    await Promise.all(receivers.map((started) => started.close()));
  });

  it('POSTs every event appended after registration, in log order, signed, as GET /v1/events shows it', async () => {
    await appendEvents(app, 1);
    const hook = await receiver();
    const id = await registerWebhook(app, hook);
    const { checkpoint } = (await app.request('GET', `/v1/webhooks/${id}`, { as: 'admin' })).body;
    await appendEvents(app, 5);
    const log = await logAfter(app, checkpoint);
    expect(log).toHaveLength(7);

    await hook.waitFor('7 deliveries', (r) => r.accepted().length >= 7);
    expect(hook.received.every((delivery) => delivery.verified)).toBe(true);
    expect(hook.received.map((delivery) => delivery.raw)).toEqual(log.map((event) => JSON.stringify(event)));
    expect(hook.received.map((delivery) => delivery.messageId)).toEqual(log.map((event) => event.eventId));
    const view = await webhookWhen(app, id, 'at the last position', (body) => body.checkpoint === log.at(-1).position);
    expect(view).toMatchObject({ state: 'active', attempts: 0, delivered: 7, lastDeliveryStatus: 204 });
  });

  it('delivers only the event types asked for', async () => {
    const hook = await receiver();
    await registerWebhook(app, hook, { events: ['ClaimRecorded'] });
    await appendEvents(app, 3);
    await appendEvents(app, 0);
    await hook.waitFor('2 claims', (r) => r.accepted().length >= 2);
    expect(hook.received.map((delivery) => delivery.event.type)).toEqual(['ClaimRecorded', 'ClaimRecorded']);
  });

  it('retries a receiver that fails (5xx, then a timeout) and recovers: nothing skipped, order kept', async () => {
    const hook = await receiver();
    const never = new Promise<number>(() => undefined);
    hook.respond((_delivery, index) => (index < 3 ? 503 : index === 3 ? never : 200));
    const id = await registerWebhook(app, hook);
    const { checkpoint } = (await app.request('GET', `/v1/webhooks/${id}`, { as: 'admin' })).body;
    await appendEvents(app, 4);
    const log = await logAfter(app, checkpoint);

    await hook.waitFor('every event accepted', (r) => firstAcceptedPositions(r).length >= log.length);
    expect(firstAcceptedPositions(hook)).toEqual(log.map((event) => event.position));
    // The first event was tried five times: three 503s, one timeout, then accepted.
    expect(hook.received.slice(0, 5).map((delivery) => delivery.messageId)).toEqual(Array(5).fill(log[0].eventId));
    expect(hook.received.every((delivery) => delivery.verified)).toBe(true);
    const view = await webhookWhen(app, id, 'caught up', (body) => body.checkpoint === log.at(-1).position);
    expect(view).toMatchObject({ state: 'active', attempts: 0, delivered: log.length });
    expect(view.lastError).toBe(`no answer within ${DELIVERY_TIMEOUT_MS} ms`);
  });

  it('shows a failing subscription as failing, with the error and the next attempt', async () => {
    const hook = await receiver();
    hook.respond(() => 500);
    const id = await registerWebhook(app, hook);
    await appendEvents(app, 0);
    const view = await webhookWhen(app, id, 'failing', (body) => body.state === 'failing');
    expect(view).toMatchObject({ lastError: 'answered 500', lastDeliveryStatus: 500 });
    expect(view.attempts).toBeGreaterThanOrEqual(1);
    expect(Date.parse(view.nextAttemptAt)).not.toBeNaN();
    hook.respond(() => 200);
    await webhookWhen(app, id, 'active again', (body) => body.state === 'active' && body.delivered === 2);
  });

  it('keeps a slow receiver from holding up another subscription', async () => {
    const slow = await receiver();
    const fast = await receiver();
    let release: (status: number) => void = () => undefined;
    const held = new Promise<number>((resolve) => (release = resolve));
    slow.respond(() => held);
    await registerWebhook(app, slow);
    await registerWebhook(app, fast);
    await appendEvents(app, 3);

    await fast.waitFor('all 5 events at the fast receiver', (r) => r.accepted().length >= 5);
    expect(slow.received.length).toBeGreaterThanOrEqual(1);
    expect(slow.accepted()).toHaveLength(0);
    release(200);
    slow.respond(() => 200);
    await slow.waitFor('all 5 events at the slow receiver', (r) => firstAcceptedPositions(r).length >= 5);
    expect(firstAcceptedPositions(slow)).toEqual(fast.accepted().map((delivery) => delivery.event.position));
  });
});

describe('a webhook whose receiver keeps failing', () => {
  let app: TestApp;
  let hook: WebhookReceiver;

  beforeAll(async () => {
    app = await startTestApp({
      env: { ...LOOPBACK, WEBHOOK_RETRY_BASE_MS: '5', WEBHOOK_RETRY_MAX_MS: '20', WEBHOOK_DISABLE_AFTER_FAILURES: '3' },
    });
    hook = await startWebhookReceiver();
  });

  afterAll(async () => {
    await app.close();
    await hook.close();
  });

  it('is disabled after WEBHOOK_DISABLE_AFTER_FAILURES attempts in a row, with the reason shown', async () => {
    hook.respond(() => 502);
    const id = await registerWebhook(app, hook);
    await appendEvents(app, 2);
    const view = await webhookWhen(app, id, 'disabled', (body) => body.state === 'disabled');
    const first = hook.received[0];
    expect(view).toMatchObject({ attempts: 3, delivered: 0, lastError: 'answered 502', lastDeliveryStatus: 502 });
    expect(view.disabledReason).toBe(
      `3 failed attempts in a row to deliver event ${first.messageId} (the first after position ${view.checkpoint}); the last: answered 502`,
    );
    expect(hook.received.map((delivery) => delivery.messageId)).toEqual([
      first.messageId,
      first.messageId,
      first.messageId,
    ]);
    const listed = await app.request('GET', '/v1/webhooks', { as: 'admin' });
    expect(listed.body.items.find((item: { id: string }) => item.id === id).state).toBe('disabled');
  });
});
