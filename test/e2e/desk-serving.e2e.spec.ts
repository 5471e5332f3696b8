import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fs from 'node:fs';
import path from 'node:path';
import { DESK_BUILD_DIR } from '../../src/infrastructure/desk/desk-build';
import { registerDesk } from '../../src/infrastructure/desk/register-desk';
import { makeTempDir, startTestApp, TestApp } from '../support/test-app';

const deskBuilt = fs.existsSync(path.join(DESK_BUILD_DIR, 'index.html'));

describe('the desk page at /desk', () => {
  let app: TestApp;

  beforeAll(async () => {
    if (!deskBuilt) throw new Error(`no desk build in ${DESK_BUILD_DIR}: run npm run build first`);
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const get = (url: string) => app.request('GET', url, { as: 'nobody' });

  it('loads without a key while the API asks for one', async () => {
    const page = await get('/desk');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="app">');
    expect((await get('/v1/storylines')).status).toBe(401);
  });

  it('answers every deep link with the same page, revalidated on each load', async () => {
    const index = (await get('/desk')).body;
    for (const url of [
      '/desk/',
      '/desk/storylines/us-ukraine-security-guarantees?asOf=2026-01-27T09%3A00%3A00%2B01%3A00',
      '/desk/claims/ft-us-guarantees-conditional-on-donbass',
      '/desk/review',
    ]) {
      const page = await get(url);
      expect({ url, status: page.status, body: page.body, cache: page.headers.get('cache-control') }).toEqual({
        url,
        status: 200,
        body: index,
        cache: 'no-cache',
      });
    }
  });

  it('sends a CSP that lets the page load and call nothing but the service itself', async () => {
    const csp = (await get('/desk/review')).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
  });

  it('caches the hashed assets for a year and never falls back to the page for a missing one', async () => {
    const index = (await get('/desk')).body as string;
    const assets = [...index.matchAll(/(?:src|href)="(\/desk\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await get(asset);
      expect({ asset, status: response.status, cache: response.headers.get('cache-control') }).toEqual({
        asset,
        status: 200,
        cache: 'public, max-age=31536000, immutable',
      });
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect((await get('/desk/assets/index-0000000.js')).status).toBe(404);
  });
});

describe('the desk page before it is built', () => {
  @Module({})
  class NothingModule {}

  it('answers 503 problem+json saying how to build it', async () => {
    const app = await NestFactory.create<NestFastifyApplication>(NothingModule, new FastifyAdapter(), {
      logger: false,
    });
    try {
      await registerDesk(app, makeTempDir());
      await app.init();
      const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/desk/review' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({
        status: 503,
        detail: expect.stringContaining('npm run build'),
      });
    } finally {
      await app.close();
    }
  });
});
