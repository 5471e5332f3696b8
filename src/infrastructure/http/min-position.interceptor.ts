import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { PROJECTION_CONTROL, ProjectionControl } from '../../application/read-models/runtime/projection-control';
import { problem } from './problem/problem';
import { ProblemError } from './problem/problem.error';

const WAIT_MS = 5000;

/** Read your writes: a GET with `minPosition=n` waits until every projection has applied position n. */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(@Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: { minPosition?: unknown } }>>();
    const raw = request.method === 'GET' ? request.query?.minPosition : undefined;
    if (raw === undefined) return next.handle();
    // Validated here as well as in the DTO: the wait happens before the DTO pipe runs.
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
      throw new ProblemError(problem(400, 'minPosition must be a non-negative integer'));
    }
    const position = Number(raw);
    return from(this.runner.waitFor(position, WAIT_MS)).pipe(
      switchMap((reached) => {
        if (!reached) {
          throw new ProblemError(problem(503, `projections have not reached position ${position} yet; retry shortly`), {
            'Retry-After': '1',
          });
        }
        return next.handle();
      }),
    );
  }
}
