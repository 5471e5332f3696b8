import { claimBody, developmentBody, party, storylineBody } from './fixtures';
import { HttpClient } from './http-client';
import { TestResponse } from './test-app';
import { WebhookReceiver } from './webhook-receiver';
import { CONDITION_DEADLINE_MS } from './deadlines';

/** Registers a webhook for the receiver as admin and gives the receiver the secret it was answered with. */
export async function registerWebhook(
  app: HttpClient,
  receiver: WebhookReceiver,
  body: Record<string, unknown> = {},
): Promise<string> {
  const response = await app.request('POST', '/v1/webhooks', { as: 'admin', body: { url: receiver.url, ...body } });
  if (response.status !== 201)
    throw new Error(`registering ${receiver.url}: ${response.status} ${JSON.stringify(response.body)}`);
  receiver.secret = (body.secret as string | undefined) ?? response.body.secret;
  return response.body.id;
}

let storylines = 0;

/** Appends `developments` + 2 events: a new storyline, a claim in it, then that many supports of the claim. */
export async function appendEvents(app: HttpClient, developments: number): Promise<void> {
  storylines += 1;
  const title = `Webhook storyline ${storylines}`;
  const storyline = await app.request('POST', '/v1/storylines', { body: storylineBody({ title }) });
  if (storyline.status !== 201) throw new Error(`storyline: ${storyline.status} ${JSON.stringify(storyline.body)}`);
  const claim = await app.request('POST', `/v1/storylines/${storyline.body.id}/claims`, { body: claimBody() });
  for (let index = 0; index < developments; index++) {
    const response = await app.request('POST', `/v1/claims/${claim.body.id}/supports`, {
      body: developmentBody(party(`Outlet ${index}`, 'media'), { kind: 'corroboration' }),
    });
    if (response.status !== 201) throw new Error(`support ${index}: ${response.status}`);
  }
}

/** Every event of the log after `after`, as GET /v1/events shows them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the wire
export async function logAfter(app: HttpClient, after: number): Promise<any[]> {
  const events = [];
  for (;;) {
    const page = await app.request('GET', `/v1/events?after=${after}&limit=500`, { as: 'reader' });
    events.push(...page.body.items);
    if (!page.body.nextCursor) return events;
    after = Number(page.body.nextCursor);
  }
}

/** Waits until the webhook's view satisfies `accept`; at the deadline it throws with the last view. */
export async function webhookWhen(
  app: HttpClient,
  id: string,
  what: string,
  accept: (view: TestResponse['body']) => boolean,
  timeoutMs = CONDITION_DEADLINE_MS,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await app.request('GET', `/v1/webhooks/${id}`, { as: 'admin' });
    if (accept(body)) return body;
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms for webhook ${what}; last saw ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Positions in the order they were first accepted: strictly growing when nothing was delivered out of order. */
export function firstAcceptedPositions(receiver: WebhookReceiver): number[] {
  const seen = new Set<number>();
  const positions: number[] = [];
  for (const delivery of receiver.accepted()) {
    const position: number = delivery.event.position;
    if (seen.has(position)) continue;
    seen.add(position);
    positions.push(position);
  }
  return positions;
}
