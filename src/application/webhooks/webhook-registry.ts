import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { IdempotencyKeyReusedError } from '../commands/command-errors';
import { eventIdFor } from '../commands/event-ids';
import { EVENT_STORE, EventStore } from '../ports/event-store.port';
import { WEBHOOK_SENDER, WebhookSender } from '../ports/webhook-sender.port';
import { WEBHOOK_STORE, WebhookRecord, WebhookStore } from '../ports/webhook-store.port';
import { NotFoundError } from '../queries/not-found.error';
import { initialProgress } from './delivery-progress';
import { WebhookDispatcher } from './webhook-dispatcher';

/** The URL is no allowed target (WEBHOOK_ALLOWED_HOSTS, or what its name resolves to). */
export class WebhookTargetRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookTargetRefusedError';
  }
}

export interface RegisterWebhook {
  url: string;
  eventTypes: string[] | null;
  secret?: string;
}

/** An Idempotency-Key sent with the registration, and the fingerprint of its request. */
export interface RegistrationKey {
  key: string;
  fingerprint: string;
}

export interface Registration {
  record: WebhookRecord;
  /** Set when the caller sent no secret: shown in this answer only (and in a retry's). */
  generatedSecret?: string;
  /** A retry with the same Idempotency-Key: the first registration, answered again. */
  replayed?: boolean;
}

/** The same key of the same caller always names the same subscription, so a retry finds the first. */
function subscriptionIdFor(actor: string, key: string): string {
  return eventIdFor(actor, `webhook\u0000${key}`, 0);
}

/** Standard Webhooks secrets are `whsec_` and base64 of 24 to 64 random bytes. */
const SECRET_BYTES = 32;

/** Registering, listing and removing subscriptions; the dispatcher hears of each change at once. */
@Injectable()
export class WebhookRegistry {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SENDER) private readonly sender: WebhookSender,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  /**
   * Deliveries start with the first event appended after this. With an Idempotency-Key, a retry is
   * answered with the first registration; the same key with another request is refused.
   */
  async register(request: RegisterWebhook, actor: string, idempotency?: RegistrationKey): Promise<Registration> {
    const id = idempotency ? subscriptionIdFor(actor, idempotency.key) : randomUUID();
    if (idempotency) {
      const earlier = await this.store.get(id);
      if (earlier) return this.replay(earlier, request, idempotency);
    }
    const refusal = await this.sender.refusal(request.url);
    if (refusal) throw new WebhookTargetRefusedError(refusal);
    const secret = request.secret ?? `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
    const subscription = {
      id,
      url: request.url,
      eventTypes: request.eventTypes,
      secret,
      createdAt: new Date().toISOString(),
      createdBy: actor,
      ...(idempotency ? { requestFingerprint: idempotency.fingerprint } : {}),
    };
    const progress = initialProgress(await this.events.headPosition());
    await this.store.create(subscription, progress);
    void this.dispatcher.refresh();
    return { record: { subscription, progress }, ...(request.secret ? {} : { generatedSecret: secret }) };
  }

  private replay(earlier: WebhookRecord, request: RegisterWebhook, idempotency: RegistrationKey): Registration {
    if (earlier.subscription.requestFingerprint !== idempotency.fingerprint) {
      throw new IdempotencyKeyReusedError();
    }
    const generatedSecret = request.secret === undefined ? earlier.subscription.secret : undefined;
    return { record: earlier, ...(generatedSecret ? { generatedSecret } : {}), replayed: true };
  }

  list(): Promise<WebhookRecord[]> {
    return this.store.list();
  }

  async get(id: string): Promise<WebhookRecord> {
    const record = await this.store.get(id);
    if (!record) throw new NotFoundError(`webhook ${id}`);
    return record;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.store.remove(id))) throw new NotFoundError(`webhook ${id}`);
    await this.dispatcher.refresh();
  }
}
