import { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';
import { sendProblem } from './send-problem';
import { toProblem } from './to-problem';

/**
 * Errors Fastify raises before routing (bad percent-encoding, an over-long path segment), and the URL
 * checks' refusals, as problems: on every route, the desk's and Swagger UI's included.
 */
export function answerFrameworkError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const { problem: answer, headers } = toProblem(error);
  // Refused before routing, so before the security headers' hook: the one that matters for a body.
  sendProblem(reply, answer, { ...headers, 'X-Content-Type-Options': 'nosniff' });
}

const CLIENT_ERRORS: Record<string, [status: number, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'the request line and headers together are limited to 16 KiB'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time'],
  ERR_HTTP_REQUEST_HEADERS_TIMEOUT: [408, 'the request headers did not arrive in time'],
};

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, an unknown
 * method, broken framing). The socket is written to directly, so the answer is complete here.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'the request is not well-formed HTTP/1.1'];
  const body = JSON.stringify(problem(status, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
