import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.error';
import { routeNotFound } from './route-not-found';
import { sendProblem } from './send-problem';
import { toProblem } from './to-problem';

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    // Nest's not-found handler throws NotFoundException; errors raised earlier on the way keep their status.
    const noRoute = request.is404 && error instanceof NotFoundException;
    const { problem, headers } = noRoute ? routeNotFound(request) : toProblem(error);
    // A 503, or any answer the service chose (a ProblemError), is an expected condition: a store out of
    // reach, a full disk, a shutdown, minPosition not reached. One line, no stack.
    if (problem.status === 503 || (problem.status >= 500 && error instanceof ProblemError)) {
      this.logger.warn(`${request.method} ${request.url} answered ${problem.status}: ${problem.detail}`);
    } else if (problem.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    sendProblem(http.getResponse<FastifyReply>(), problem, headers);
  }
}
