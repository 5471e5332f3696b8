import { FastifyRequest } from 'fastify';
import { problem } from './problem';
import { ProblemResponse } from './to-problem';

/** OPTIONS is left out: with CORS on, a catch-all preflight route answers it on every path. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Nothing for this method and path: 405 with `Allow` when the path has routes for other methods, else 404. */
export function routeNotFound(request: FastifyRequest): ProblemResponse {
  const path = request.url.split('?')[0];
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  const routed = (method: string) => request.server.findRoute({ method, url: path }) !== null;
  // A route that exists but found nothing to serve (a missing static file, say) is a plain 404.
  const allowed = routed(request.method) ? [] : METHODS.filter(routed);
  if (allowed.length === 0) return { problem: problem(404, `nothing at ${request.method} ${shown}`), headers: {} };
  return {
    problem: problem(405, `${request.method} is not allowed on ${shown}; use ${allowed.join(', ')}`),
    headers: { Allow: allowed.join(', ') },
  };
}
