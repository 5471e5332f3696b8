import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../../../application/commands/command-context';
import { AuthenticatedRequest, LOCAL_ACTOR } from '../auth/actor';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { requestFingerprint } from '../idempotency/request-fingerprint';

const TOKEN = /^[\w.:@/+=-]{1,200}$/;

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function optionalToken(request: AuthenticatedRequest, name: string): string | undefined {
  const value = header(request, name);
  if (value === undefined) return undefined;
  if (!TOKEN.test(value)) {
    throw new ProblemError(problem(400, `${name} must be 1–200 characters of letters, digits and . _ : @ / + = -`));
  }
  return value;
}

/** `If-Match: "<revision>"` (weak tags accepted); anything else is a client error. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(value.trim());
  if (!match) throw new ProblemError(problem(400, 'If-Match must be a revision in quotes, as sent in the ETag: "3"'));
  return Number(match[1]);
}

/** Everything a command needs to know about the HTTP request that carries it. */
export const CommandCtx = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const commandId = randomUUID();
  const correlationId = optionalToken(request, 'x-correlation-id') ?? commandId;
  const idempotencyKey = optionalToken(request, 'idempotency-key');
  return {
    actor: (request.actor ?? LOCAL_ACTOR).name,
    commandId,
    correlationId,
    causationId: optionalToken(request, 'x-causation-id') ?? correlationId,
    expectedRevision: parseIfMatch(header(request, 'if-match')),
    idempotencyKey,
    requestFingerprint: idempotencyKey === undefined ? undefined : requestFingerprint(request),
  };
});
