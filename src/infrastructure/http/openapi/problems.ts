import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, HeaderObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { ProblemBody } from '../responses/problem.response';
import { RETRY_AFTER, WWW_AUTHENTICATE } from './headers';

/** When each status is answered; the error catalogue in docs/api.md says the same with the problem types. */
const WHEN: Record<number, string> = {
  400:
    'The request is not valid: fields named in `errors` (unknown, blank, wrong type or format, a lone surrogate, ' +
    'JSON nested deeper than 32), a bad query parameter or header, or a URL that is not percent-encoded UTF-8',
  401: 'No API key, or one that is not configured',
  403: "The key's role is too low for this operation",
  404: 'No storyline, claim, party or projection with this id (or none yet at asOf / atPosition)',
  409: 'The id is taken, the claim is already retracted, the stream kept changing, or a rebuild is already running',
  412: 'If-Match names a revision the stream has moved past; nothing was appended',
  413: 'The body is over 64 KiB',
  414: 'The URL is over 8 KiB, or a path segment over 100 characters',
  415: 'The body is not application/json',
  422: 'The command breaks a rule of the domain, or the Idempotency-Key was used with another body',
  429: 'Too many failed authentications from this address, or too many requests for this key (see Retry-After)',
  431: 'The request line and headers are over 16 KiB',
  500: 'An unexpected error; it has been logged',
  503: 'The event store is unavailable (out of reach, disk full, I/O error), projections did not reach minPosition within 5 s, the live feed is full, or the service is shutting down',
};

const HEADERS: Record<number, Record<string, HeaderObject>> = {
  401: { 'WWW-Authenticate': WWW_AUTHENTICATE },
  429: { 'Retry-After': RETRY_AFTER },
  503: { 'Retry-After': RETRY_AFTER },
};

/** Statuses a request can meet before its route's own code runs. */
export const ANY_REQUEST = [400, 414, 431, 500];

const problemResponse = (status: number) => ({
  description: WHEN[status],
  ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemBody) } } },
});

/** application/problem+json answers for these statuses. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemBody),
    ...[...new Set(statuses)].map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

/** The same, as the responses object of an operation written by hand. */
export function ApiProblemsObject(...statuses: number[]): Record<string, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(statuses.map((status) => [String(status), problemResponse(status)]));
}
