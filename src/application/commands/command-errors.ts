/** `If-Match` named a revision the stream has moved past. */
export class PreconditionFailedError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${streamId} is at revision ${actual}, not ${expected}`);
    this.name = 'PreconditionFailedError';
  }
}

/** Retried on concurrency conflicts until the budget ran out; the client may try again. */
export class ConcurrencyConflictError extends Error {
  constructor(readonly streamId: string) {
    super(`${streamId} kept changing while the command was applied; try again`);
    this.name = 'ConcurrencyConflictError';
  }
}

/** An `Idempotency-Key` already answered a different request of the same caller. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('this Idempotency-Key was already used for a different request');
    this.name = 'IdempotencyKeyReusedError';
  }
}
