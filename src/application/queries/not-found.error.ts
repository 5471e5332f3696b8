export class NotFoundError extends Error {
  /** `why`, when given, follows in the same sentence: what the caller may do instead. */
  constructor(what: string, why?: string) {
    super(`${what} does not exist${why ? `: ${why}` : ''}`);
    this.name = 'NotFoundError';
  }
}
