import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthenticatedRequest, LOCAL_ACTOR } from '../auth/actor';

/**
 * `Idempotency-Key` on a command: requests of one caller with the same key run one after another
 * in this process, so a repeat that arrives while the first still runs waits for it and is then
 * answered from the events it stored (see StreamWriter), instead of racing it. Nothing is kept
 * here once a request is done: the answer to a repeat always comes from the event store.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || (request.method !== 'POST' && request.method !== 'PATCH')) return next.handle();
    const slot = `${(request.actor ?? LOCAL_ACTOR).name}\u0000${key}`;
    return from(this.afterEarlier(slot, next));
  }

  private async afterEarlier(slot: string, next: CallHandler): Promise<unknown> {
    for (let earlier = this.inFlight.get(slot); earlier; earlier = this.inFlight.get(slot)) {
      await earlier.catch(() => undefined);
    }
    const running = lastValueFrom(next.handle(), { defaultValue: undefined });
    this.inFlight.set(slot, running);
    try {
      return await running;
    } finally {
      if (this.inFlight.get(slot) === running) this.inFlight.delete(slot);
    }
  }
}
