import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyReply } from 'fastify';
import path from 'node:path';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem/problem';
import { DESK_BUILD_DIR, readDeskPage } from './desk-build';
import { ASSET_MAX_AGE, DESK_HEADERS, PAGE_CACHE_CONTROL } from './desk-headers';

export const DESK_PATH = '/desk';

/**
 * The newsroom page at /desk, outside the API's guard: loading it needs no key (the page asks for
 * one when the API answers 401). Every address under /desk but the hashed assets answers the same
 * index.html, so deep links such as /desk/storylines/:id?asOf=… open the right view.
 */
export async function registerDesk(app: NestFastifyApplication, buildDir = DESK_BUILD_DIR): Promise<void> {
  await app.register((instance: FastifyInstance, _options: unknown, done: () => void) => {
    instance.addHook('onSend', (_request, reply, payload, next) => {
      void reply.headers(DESK_HEADERS);
      next(null, payload);
    });
    const page = async (_request: unknown, reply: FastifyReply) => sendPage(reply, await readDeskPage(buildDir));
    instance.get(DESK_PATH, page);
    instance.get(`${DESK_PATH}/*`, page);
    void instance.register(fastifyStatic, {
      root: path.join(buildDir, 'assets'),
      prefix: `${DESK_PATH}/assets/`,
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: ASSET_MAX_AGE,
    });
    done();
  });
}

function sendPage(reply: FastifyReply, indexHtml: string | undefined): FastifyReply {
  if (indexHtml === undefined) {
    return reply
      .code(503)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem(503, 'the desk page has not been built: run `npm run build`'));
  }
  return reply.header('cache-control', PAGE_CACHE_CONTROL).type('text/html; charset=utf-8').send(indexHtml);
}
