import fastifyRateLimit from '@fastify/rate-limit';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { Config } from '../../../config/config';
import { AuthenticatedRequest } from '../auth/actor';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

const MINUTE_MS = 60_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

function tooManyRequests(detail: string, retryAfterSeconds: number): ProblemError {
  return new ProblemError(problem(429, detail), { 'Retry-After': String(Math.max(1, retryAfterSeconds)) });
}

/** The plugin's counters without its per-route hooks: the limits are applied where auth is decided. */
export async function registerRateLimiting(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyRateLimit, { global: false });
}

/**
 * The two limits of the API, on @fastify/rate-limit's counters (one-minute windows, IPv6
 * addresses counted per /64): failed authentications per client address, and requests per API key.
 */
export class RateLimits {
  private readonly failedAuthentications?: Limiter;
  private readonly requestsPerKey?: Limiter;

  constructor(fastify: FastifyInstance, config: Config) {
    if (config.authFailuresPerMinute > 0) {
      this.failedAuthentications = fastify.createRateLimit({
        max: config.authFailuresPerMinute,
        timeWindow: MINUTE_MS,
      });
    }
    if (config.rateLimitPerMinute !== undefined) {
      this.requestsPerKey = fastify.createRateLimit({
        max: config.rateLimitPerMinute,
        timeWindow: MINUTE_MS,
        keyGenerator: (request: FastifyRequest) => `key:${(request as AuthenticatedRequest).actor?.name}`,
      });
    }
  }

  /**
   * Checked before the key is: while an address is over its budget every key it sends is refused,
   * the right one too, so guessing on gains nothing.
   */
  async refuseWhileLockedOut(request: FastifyRequest): Promise<void> {
    const failures = await this.failedAuthentications?.(request, { increment: false });
    if (failures && !failures.isAllowed && failures.remaining === 0) {
      throw tooManyRequests('too many failed authentications from this address', failures.ttlInSeconds);
    }
  }

  async countFailedAuthentication(request: FastifyRequest): Promise<void> {
    await this.failedAuthentications?.(request);
  }

  /** Once the request's actor is known. */
  async countRequest(request: AuthenticatedRequest): Promise<void> {
    const requests = await this.requestsPerKey?.(request);
    if (requests && !requests.isAllowed && requests.isExceeded) {
      throw tooManyRequests(`this API key is limited to ${requests.max} requests a minute`, requests.ttlInSeconds);
    }
  }
}
