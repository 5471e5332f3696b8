/**
 * Where webhook subscriptions, their delivery checkpoints and their leases are kept. Never in the
 * factline log: the log is exported and readable by every reader key, and a subscription holds a
 * secret. The contract test suite in test/contract is its executable form.
 */

export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');

export type WebhookState = 'active' | 'failing' | 'disabled';

export interface WebhookSubscription {
  id: string;
  url: string;
  /** Only events of these types; `null` for every type. */
  eventTypes: string[] | null;
  /** Standard Webhooks form, `whsec_<base64>`. */
  secret: string;
  createdAt: string;
  /** The API key's name. */
  createdBy: string;
  /** Registered with an Idempotency-Key: the request's fingerprint, to tell a retry from another request. */
  requestFingerprint?: string;
}

/** How far a subscription has been delivered, and how its last attempts went. */
export interface DeliveryProgress {
  /** Log position delivered up to: the next delivery is the first matching event after it. */
  checkpoint: number;
  state: WebhookState;
  /** Failed attempts in a row on the event after the checkpoint; 0 once one succeeds. */
  attempts: number;
  delivered: number;
  lastDeliveryAt?: string;
  /** The HTTP status of the last attempt; absent when it got no answer. */
  lastDeliveryStatus?: number;
  lastError?: string;
  lastErrorAt?: string;
  nextAttemptAt?: string;
  disabledAt?: string;
  disabledReason?: string;
}

export interface WebhookRecord {
  subscription: WebhookSubscription;
  progress: DeliveryProgress;
}

/** Progress with the version it was read at, for a write that succeeds only if nobody wrote in between. */
export interface VersionedProgress {
  progress: DeliveryProgress;
  version: number;
}

export interface WebhookStore {
  /** `progress` is where deliveries start (its checkpoint is the log head at registration). */
  create(subscription: WebhookSubscription, progress: DeliveryProgress): Promise<void>;
  /** Every subscription, oldest first. */
  subscriptions(): Promise<WebhookSubscription[]>;
  /** Every subscription with its progress, oldest first. */
  list(): Promise<WebhookRecord[]>;
  get(id: string): Promise<WebhookRecord | undefined>;
  /** False when there was no such subscription. */
  remove(id: string): Promise<boolean>;
  /** Undefined once the subscription has been removed. */
  loadProgress(id: string): Promise<VersionedProgress | undefined>;
  /**
   * Writes progress only if it is still at `version` (nobody else wrote since) and returns the new
   * version; else throws ProgressConflictError (another owner moved it, or it was removed).
   */
  saveProgress(id: string, progress: DeliveryProgress, version: number): Promise<number>;
  /**
   * Takes or renews the right to deliver this subscription until now + ttlMs. False while another
   * owner holds an unexpired lease. With several replicas this keeps each subscription on one of them.
   */
  acquireLease(id: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once, so another replica can take over without waiting for it to expire. */
  releaseLease(id: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

/** The progress moved under the writer: another owner delivered, or the subscription was removed. */
export class ProgressConflictError extends Error {
  constructor(readonly subscriptionId: string) {
    super(`webhook ${subscriptionId}: its progress was changed by another owner, or it was removed`);
    this.name = 'ProgressConflictError';
  }
}
