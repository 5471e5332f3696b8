import { DeliveryProgress, WebhookSubscription } from '../../../application/ports/webhook-store.port';

/**
 * Webhook streams in KurrentDB, outside the service's own prefixes (`storyline-`, `claim-`, `party-`),
 * so they are never part of the factline log, its exports or `GET /v1/events`.
 */
export const REGISTRY_STREAM = 'factline-webhooks';
export const progressStream = (id: string) => `factline-webhook-progress-${id}`;
export const leaseStream = (id: string) => `factline-webhook-lease-${id}`;
/** Only the newest progress and lease events matter; the server may drop older ones. */
export const KEEP_LAST_EVENTS = 10;

export const WEBHOOK_REGISTERED = 'WebhookRegistered';
export const WEBHOOK_REMOVED = 'WebhookRemoved';
export const WEBHOOK_PROGRESSED = 'WebhookProgressed';
export const WEBHOOK_LEASED = 'WebhookLeased';

export interface Registration {
  subscription: WebhookSubscription;
  /** Where deliveries start, until the progress stream has an event. */
  progress: DeliveryProgress;
}

export interface Lease {
  owner: string;
  /** Epoch milliseconds on the clock of the replica that wrote it. */
  expiresAt: number;
}

interface RegistryEvent {
  type: string;
  data: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Applies registry events, in stream order, to the subscriptions known so far (a Map keeps their order). */
export function foldRegistry(registered: Map<string, Registration>, events: RegistryEvent[]): void {
  for (const { type, data } of events) {
    if (!isObject(data)) continue;
    if (type === WEBHOOK_REGISTERED && isObject(data.subscription) && isObject(data.progress)) {
      const registration = data as unknown as Registration;
      registered.set(registration.subscription.id, registration);
    } else if (type === WEBHOOK_REMOVED && typeof data.id === 'string') {
      registered.delete(data.id);
    }
  }
}

export function leaseOf(data: unknown): Lease | undefined {
  if (!isObject(data) || typeof data.owner !== 'string' || typeof data.expiresAt !== 'number') return undefined;
  return { owner: data.owner, expiresAt: data.expiresAt };
}

/** The lease can be taken (or renewed) when nobody holds it, its holder is asking, or it has lapsed. */
export function mayTakeLease(current: Lease | undefined, owner: string, now: number): boolean {
  return !current || current.owner === owner || current.expiresAt <= now;
}

export function progressOf(data: unknown): DeliveryProgress | undefined {
  if (!isObject(data) || !isObject(data.progress) || typeof data.progress.checkpoint !== 'number') return undefined;
  return data.progress as unknown as DeliveryProgress;
}
