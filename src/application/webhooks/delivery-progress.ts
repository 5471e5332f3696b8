import { DeliveryProgress } from '../ports/webhook-store.port';

export interface RetryPolicy {
  /** The wait after the first failure; it doubles after each further one. */
  retryBaseMs: number;
  /** No wait is longer than this. */
  retryMaxMs: number;
  /** This many failed attempts in a row disable the subscription. */
  disableAfterFailures: number;
}

/** Where a new subscription starts: after the log's head, so it gets what is appended from now on. */
export function initialProgress(head: number): DeliveryProgress {
  return { checkpoint: head, state: 'active', attempts: 0, delivered: 0 };
}

/**
 * Exponential backoff with "equal jitter": half of the capped wait is fixed, the other half random,
 * so receivers coming back after an outage are not hit by every subscription in the same instant.
 */
export function retryDelayMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Keeps what the last failure said (for whoever looks later); drops what no longer holds. */
function withoutRetry({ nextAttemptAt: _next, ...progress }: DeliveryProgress): DeliveryProgress {
  return progress;
}

export function afterDelivery(
  progress: DeliveryProgress,
  delivered: { position: number; status: number },
  now: Date,
): DeliveryProgress {
  const { lastDeliveryStatus: _status, ...rest } = withoutRetry(progress);
  return {
    ...rest,
    checkpoint: delivered.position,
    state: 'active',
    attempts: 0,
    delivered: progress.delivered + 1,
    lastDeliveryAt: now.toISOString(),
    lastDeliveryStatus: delivered.status,
  };
}

export function afterFailure(
  progress: DeliveryProgress,
  failure: { eventId: string; status?: number; error: string },
  now: Date,
  policy: RetryPolicy,
  random: () => number,
): DeliveryProgress {
  const attempts = progress.attempts + 1;
  const { lastDeliveryStatus: _status, ...rest } = withoutRetry(progress);
  const failed: DeliveryProgress = {
    ...rest,
    attempts,
    lastDeliveryAt: now.toISOString(),
    ...(failure.status !== undefined ? { lastDeliveryStatus: failure.status } : {}),
    lastError: failure.error,
    lastErrorAt: now.toISOString(),
  };
  if (attempts >= policy.disableAfterFailures) {
    return {
      ...failed,
      state: 'disabled',
      disabledAt: now.toISOString(),
      disabledReason:
        `${attempts} failed attempts in a row to deliver event ${failure.eventId} ` +
        `(the first after position ${progress.checkpoint}); the last: ${failure.error}`,
    };
  }
  const delay = retryDelayMs(attempts, policy, random);
  return { ...failed, state: 'failing', nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
}
