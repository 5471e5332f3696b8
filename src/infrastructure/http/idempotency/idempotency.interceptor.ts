import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthenticatedRequest, LOCAL_ACTOR } from '../auth/actor';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { IdempotencyStore, StoredResponse } from './idempotency.store';

const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on a command: a repeat with the same body gets the first response and
 * appends nothing; the same key with another body is refused with 422. Concurrent repeats
 * wait for the first. (Event ids derived from the key cover a crash between append and save.)
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || (request.method !== 'POST' && request.method !== 'PATCH')) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const actor = (request.actor ?? LOCAL_ACTOR).name;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const status: number =
      Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return from(this.handle({ actor, key, fingerprint, status }, reply, next));
  }

  private async handle(
    { actor, key, fingerprint, status }: { actor: string; key: string; fingerprint: string; status: number },
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const slot = `${actor}\u0000${key}`;
    const earlier = this.inFlight.get(slot);
    if (earlier) await earlier.catch(() => undefined);
    const stored = this.store.find(actor, key);
    if (stored) return this.replay(stored, fingerprint, reply);
    const running = lastValueFrom(next.handle(), { defaultValue: undefined });
    this.inFlight.set(slot, running);
    try {
      const body = await running;
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.flatMap((name) => {
          const value = reply.getHeader(name);
          return value === undefined ? [] : [[name, String(value)]];
        }),
      );
      this.store.save(actor, key, { fingerprint, status, headers, body: body ?? null });
      return body;
    } finally {
      this.inFlight.delete(slot);
    }
  }

  private replay(stored: StoredResponse, fingerprint: string, reply: FastifyReply): unknown {
    if (stored.fingerprint !== fingerprint) {
      throw new ProblemError(problem(422, 'this Idempotency-Key was already used with a different request'));
    }
    void reply.headers({ ...stored.headers, 'Idempotent-Replayed': 'true' });
    return stored.body;
  }
}
