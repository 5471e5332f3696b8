/**
 * A command the domain refuses. `reason` is stable and maps to an HTTP status in one place
 * (infrastructure/http/problem).
 */
export type DomainErrorReason = 'not_found' | 'already_exists' | 'conflict' | 'rejected';

export class DomainError extends Error {
  constructor(
    readonly reason: DomainErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
