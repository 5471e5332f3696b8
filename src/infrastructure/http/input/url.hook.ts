import { FastifyInstance } from 'fastify';
import { answerFrameworkError } from '../problem/framework-errors';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

/** No URL of the API comes near this; past 16 KiB of request line and headers Node answers 431 itself. */
export const MAX_URL_LENGTH = 8 * 1024;

/** Percent-encoding that does not spell UTF-8 (`%E0%A4%A`, an encoded lone surrogate, `%ZZ`). */
function isBadlyEncoded(text: string): boolean {
  if (!text.includes('%')) return false;
  try {
    decodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * The URL as a whole: not too long, and a query string that decodes (Fastify checks the path
 * itself; its query parser would keep a broken sequence as literal text). Answered here, not passed
 * on as an error: the routes Nest does not own (the desk, Swagger UI) have no problem+json error handler.
 */
export function checkUrls(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    const refuse = (status: number, detail: string) =>
      answerFrameworkError(new ProblemError(problem(status, detail)), request, reply);
    if (url.length > MAX_URL_LENGTH) return refuse(414, `URLs are limited to ${MAX_URL_LENGTH} characters`);
    const query = url.indexOf('?');
    if (query !== -1 && isBadlyEncoded(url.slice(query + 1))) {
      return refuse(400, 'the query string is not valid: percent-encoding must spell UTF-8');
    }
    done();
  });
}
