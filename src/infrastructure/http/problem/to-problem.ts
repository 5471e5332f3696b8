import { HttpException } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
} from '../../../application/commands/command-errors';
import { UnknownProjectionError } from '../../../application/read-models/runtime/projection-control';
import { RebuildAlreadyRunningError } from '../../../application/read-models/runtime/projection-runner';
import { ReadModelsUnavailableError } from '../../../application/queries/read-models.port';
import { NotFoundError } from '../../../application/queries/not-found.error';
import { InvalidCursorError } from '../../../application/queries/page';
import { DomainError, DomainErrorReason } from '../../../domain/domain-error';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  InvalidPositionError,
} from '../../../application/ports/event-store.port';
import { Problem, problem } from './problem';
import { ProblemError } from './problem.error';

const DOMAIN_STATUS: Record<DomainErrorReason, number> = {
  not_found: 404,
  already_exists: 409,
  conflict: 409,
  rejected: 422,
};

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
}

/** The one place where an error becomes an HTTP status. */
export function toProblem(error: unknown): ProblemResponse {
  const plain = (p: Problem) => ({ problem: p, headers: {} });
  if (error instanceof ProblemError) return { problem: error.problem, headers: error.headers };
  if (error instanceof DomainError) return plain(problem(DOMAIN_STATUS[error.reason], error.message));
  if (error instanceof NotFoundError || error instanceof UnknownProjectionError) {
    return plain(problem(404, error.message));
  }
  if (error instanceof RebuildAlreadyRunningError) return plain(problem(409, error.message));
  if (error instanceof InvalidCursorError) return plain(problem(400, error.message));
  if (error instanceof PreconditionFailedError) {
    return plain(problem(412, `${error.message}; reload and retry with If-Match: "${error.actual}"`));
  }
  if (error instanceof ConcurrencyConflictError) return plain(problem(409, error.message));
  if (error instanceof IdempotencyKeyReusedError) return plain(problem(422, error.message));
  if (error instanceof DuplicateEventIdError) {
    return plain(problem(422, 'this Idempotency-Key was already used for a different request'));
  }
  if (error instanceof ReadModelsUnavailableError) {
    return { problem: problem(503, error.message), headers: { 'Retry-After': '2' } };
  }
  if (error instanceof InvalidPositionError) return plain(problem(400, error.message));
  if (error instanceof AppendTooLargeError) return plain(problem(413, error.message));
  if (error instanceof EventStoreUnavailableError) {
    // KurrentDB out of reach and a full disk or an I/O error under the embedded store: the same answer.
    return {
      problem: problem(503, `${error.reason}; retry shortly`, {
        type: '/problems/store-unavailable',
        title: 'Event store unavailable',
      }),
      headers: { 'Retry-After': '2' },
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [response.message].flat().join('; ')
        : error.message;
    return plain(problem(status, message));
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return plain(problem(fastifyError.statusCode, describeFastifyError(fastifyError)));
  }
  return plain(problem(500, 'unexpected error; it has been logged'));
}

const FASTIFY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request bodies are limited to 64 KiB',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'send JSON with Content-Type: application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the JSON body is empty',
  FST_ERR_BAD_URL: 'the URL is not valid: percent-encoding must spell UTF-8 (RFC 3986)',
  FST_ERR_MAX_PARAM_LENGTH: 'a path segment is longer than 100 characters; ids are at most 80',
};

/** Fastify's own messages can echo the raw URL; ours name the rule instead. */
function describeFastifyError(error: { statusCode?: number; code?: string; message?: string }): string {
  const known = FASTIFY_ERRORS[error.code ?? ''];
  if (known) return known;
  if (error.statusCode === 400) return `malformed request: ${error.message ?? ''}`.trim();
  return error.message ?? 'bad request';
}
