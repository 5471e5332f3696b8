/** Signs and sends one delivery over HTTP, within the network rules of WEBHOOK_ALLOWED_HOSTS. */

export const WEBHOOK_SENDER = Symbol('WEBHOOK_SENDER');

export interface WebhookDelivery {
  url: string;
  secret: string;
  /** The Standard Webhooks message id: the event id, the same on every retry, so receivers can drop repeats. */
  messageId: string;
  /** The JSON body, exactly as sent and signed. */
  payload: string;
  /** Aborted when the service shuts down. */
  signal: AbortSignal;
}

/** `failed`: a non-2xx answer (`status`), no answer, or a refused target; `aborted`: shutdown, not the receiver's fault. */
export type DeliveryOutcome =
  { kind: 'delivered'; status: number } | { kind: 'failed'; status?: number; error: string } | { kind: 'aborted' };

export interface WebhookSender {
  /** Why this URL may not be a webhook target, or undefined when it may. Deliveries check again. */
  refusal(url: string): Promise<string | undefined>;
  send(delivery: WebhookDelivery): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}
