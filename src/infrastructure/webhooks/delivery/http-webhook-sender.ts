import { Webhook } from 'standardwebhooks';
import { Agent, request } from 'undici';
import { DeliveryOutcome, WebhookDelivery, WebhookSender } from '../../../application/ports/webhook-sender.port';
import { TargetGuard } from './target-guard';

const USER_AGENT = 'Factline-Webhooks/1';
/** What is read of a receiver's answer before the connection is dropped: the body is never used. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Signs each delivery per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`)
 * and POSTs it with undici. Connections resolve their host through the guard, so a refused address is
 * never connected to; redirects are never followed; each attempt has one deadline for connect, headers
 * and body together.
 */
export class HttpWebhookSender implements WebhookSender {
  private readonly agent: Agent;

  constructor(
    private readonly guard: TargetGuard,
    private readonly timeoutMs: number,
  ) {
    this.agent = new Agent({
      connect: { lookup: guard.lookup, timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  refusal(url: string): Promise<string | undefined> {
    return this.guard.refusal(url);
  }

  async send({ url, secret, messageId, payload, signal }: WebhookDelivery): Promise<DeliveryOutcome> {
    const refusal = this.guard.urlRefusal(url);
    if (refusal) return { kind: 'failed', error: `target refused: ${refusal}` };
    const timestamp = new Date();
    const deadline = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: AbortSignal.any([signal, deadline]),
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(messageId, timestamp, payload),
        },
        body: payload,
      });
      await response.body.dump({ limit: MAX_ANSWER_BYTES }).catch(() => undefined);
      const status = response.statusCode;
      if (status >= 200 && status < 300) return { kind: 'delivered', status };
      if (status >= 300 && status < 400) {
        const location = response.headers.location;
        const to = typeof location === 'string' ? ` to ${location}` : '';
        return { kind: 'failed', status, error: `answered ${status}${to}; redirects are not followed` };
      }
      return { kind: 'failed', status, error: `answered ${status}` };
    } catch (error) {
      if (signal.aborted) return { kind: 'aborted' };
      if (deadline.aborted) return { kind: 'failed', error: `no answer within ${this.timeoutMs} ms` };
      return { kind: 'failed', error: describe(error) };
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

interface ErrorLike {
  message: string;
  cause?: unknown;
  errors?: unknown[];
}

/** Not `instanceof Error`: errors from Node's own sockets may come from another realm (a test sandbox, say). */
const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

/** One line from the error and the causes undici wraps around the socket's own error. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; isErrorLike(current) && parts.length < 3; current = current.cause) {
    const inner = Array.isArray(current.errors) ? current.errors.filter(isErrorLike) : [];
    const text = inner.length > 0 ? inner.map((each) => each.message).join('; ') : current.message;
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.length > 0 ? parts.join(': ') : String(error);
}
