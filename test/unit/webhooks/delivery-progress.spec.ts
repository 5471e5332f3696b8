import {
  afterDelivery,
  afterFailure,
  initialProgress,
  retryDelayMs,
  RetryPolicy,
} from '../../../src/application/webhooks/delivery-progress';

const policy: RetryPolicy = { retryBaseMs: 1000, retryMaxMs: 60_000, disableAfterFailures: 4 };
const now = new Date('2026-01-27T10:00:00.000Z');
const noJitter = () => 1;
const failure = { eventId: 'e-7', status: 503, error: 'answered 503' };

describe('retry delays', () => {
  it('double after each failure, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => retryDelayMs(failures, policy, noJitter));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('keep half of the wait fixed and spread the other half at random', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3000);
    expect(retryDelayMs(40, policy, () => 0)).toBe(30_000);
  });
});

describe('delivery progress', () => {
  it('given a new subscription, starts after the head it was registered at', () => {
    expect(initialProgress(41)).toEqual({ checkpoint: 41, state: 'active', attempts: 0, delivered: 0 });
  });

  it('given a failure, is failing with the error, the status and when to try again; the checkpoint stays', () => {
    const progress = afterFailure(initialProgress(41), failure, now, policy, noJitter);
    expect(progress).toEqual({
      checkpoint: 41,
      state: 'failing',
      attempts: 1,
      delivered: 0,
      lastDeliveryAt: now.toISOString(),
      lastDeliveryStatus: 503,
      lastError: 'answered 503',
      lastErrorAt: now.toISOString(),
      nextAttemptAt: '2026-01-27T10:00:01.000Z',
    });
  });

  it('given a failure without an answer, keeps no status of an earlier attempt', () => {
    const failed = afterFailure(initialProgress(41), failure, now, policy, noJitter);
    const timedOut = afterFailure(
      failed,
      { eventId: 'e-7', error: 'no answer within 10000 ms' },
      now,
      policy,
      noJitter,
    );
    expect(timedOut.lastDeliveryStatus).toBeUndefined();
    expect(timedOut).toMatchObject({ attempts: 2, nextAttemptAt: '2026-01-27T10:00:02.000Z' });
  });

  it('given failures then a delivery, moves the checkpoint, is active again and keeps the last error for the record', () => {
    const failed = afterFailure(initialProgress(41), failure, now, policy, noJitter);
    const delivered = afterDelivery(failed, { position: 42, status: 200 }, now);
    expect(delivered).toEqual({
      checkpoint: 42,
      state: 'active',
      attempts: 0,
      delivered: 1,
      lastDeliveryAt: now.toISOString(),
      lastDeliveryStatus: 200,
      lastError: 'answered 503',
      lastErrorAt: now.toISOString(),
    });
  });

  it('given as many failures in a row as the policy allows, is disabled with the reason', () => {
    let progress = initialProgress(41);
    for (let attempt = 0; attempt < policy.disableAfterFailures; attempt++) {
      progress = afterFailure(progress, failure, now, policy, noJitter);
    }
    expect(progress).toMatchObject({ state: 'disabled', attempts: 4, disabledAt: now.toISOString() });
    expect(progress.nextAttemptAt).toBeUndefined();
    expect(progress.disabledReason).toBe(
      '4 failed attempts in a row to deliver event e-7 (the first after position 41); the last: answered 503',
    );
  });
});
