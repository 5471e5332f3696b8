import { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';

type Policy = HelmetOptions['contentSecurityPolicy'];
type SetHeaders = ReturnType<typeof helmet>;

/** JSON answers render nothing: a browser may load nothing for them and frame none of them. */
const API_POLICY: Policy = {
  useDefaults: false,
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
};

/**
 * Swagger UI: its scripts, styles and images from this origin, the inline styles and data: images
 * it uses, and calls to this API from "Try it out". No upgrade-insecure-requests: the service is
 * often reached over plain HTTP on a laptop, where upgraded requests would fail.
 */
const DOCS_POLICY: Policy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** Pages the service serves, each under its own path with a policy of its own (the desk page will join). */
const PAGE_POLICIES: Array<{ prefix: string; policy: Policy }> = [{ prefix: '/docs', policy: DOCS_POLICY }];

const underPrefix = (url: string, prefix: string) => url === prefix || url.startsWith(`${prefix}/`);

const setHeadersWith = (policy: Policy): SetHeaders =>
  helmet({ contentSecurityPolicy: policy, frameguard: { action: 'deny' } });

/**
 * Helmet on every answer (nosniff, frame and referrer policies, HSTS, ...), with the API's policy
 * unless the route belongs to one of the pages. Each policy's middleware is built once, here: built
 * per request (as @fastify/helmet does) it cost more than setting the headers. Added before any route.
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  const api = setHeadersWith(API_POLICY);
  const pages = PAGE_POLICIES.map(({ prefix, policy }) => ({ prefix, setHeaders: setHeadersWith(policy) }));
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url;
    const page = route === undefined ? undefined : pages.find(({ prefix }) => underPrefix(route, prefix));
    (page?.setHeaders ?? api)(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
