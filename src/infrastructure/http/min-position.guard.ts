import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { PROJECTION_CONTROL, ProjectionControl } from '../../application/read-models/runtime/projection-control';
import { problem } from './problem/problem';
import { ProblemError } from './problem/problem.error';

const WAIT_MS = 5000;

/**
 * Read your writes: a GET with `minPosition=n` waits until every projection has applied position n.
 * A guard rather than an interceptor: it only waits before the handler, and registered after the
 * API-key guard it runs at the same point an interceptor would, while every other request passes it
 * with one synchronous call instead of a layer of rxjs and async-context binding.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  constructor(@Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: { minPosition?: unknown } }>>();
    const raw = request.method === 'GET' ? request.query?.minPosition : undefined;
    if (raw === undefined) return true;
    // Validated here as well as in the DTO: the wait happens before the DTO pipe runs.
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
      throw new ProblemError(problem(400, 'minPosition must be a non-negative integer'));
    }
    return this.reached(Number(raw));
  }

  private async reached(position: number): Promise<boolean> {
    if (await this.runner.waitFor(position, WAIT_MS)) return true;
    throw new ProblemError(problem(503, `projections have not reached position ${position} yet; retry shortly`), {
      'Retry-After': '1',
    });
  }
}
