import { Problem } from './problem';

/** Thrown at the HTTP edge when the answer is a problem with extra headers (Retry-After, say). */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}
