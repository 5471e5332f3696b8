import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import { FastifyInstance } from 'fastify';

type Policy = FastifyHelmetOptions['contentSecurityPolicy'];

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

/**
 * @fastify/helmet on every answer (nosniff, frame and referrer policies, HSTS, ...), with the API's
 * policy unless the route belongs to one of the pages. Added before any route is registered.
 */
export async function addSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRoute', (route) => {
    const page = PAGE_POLICIES.find(({ prefix }) => underPrefix(route.url, prefix));
    // Helmet's own onRoute hook, added after this one, reads a route's `helmet` option.
    if (page) route.helmet = { contentSecurityPolicy: page.policy };
  });
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: API_POLICY,
    frameguard: { action: 'deny' },
    global: true,
  });
}
