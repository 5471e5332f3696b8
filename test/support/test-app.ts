import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventStore } from '../../src/application/ports/event-store.port';
import { loadConfig } from '../../src/config/config';
import { createEventStore } from '../../src/infrastructure/event-store/create-event-store';
import { createApp } from '../../src/infrastructure/http/create-app';
import { localUrlOf } from '../../src/infrastructure/http/local-url';
import { SERVER, StoreLock } from '../../src/infrastructure/store-lock/store-lock';
import { claimBody, storylineBody } from './fixtures';
import { apiKeysVariable, httpClient, RequestOptions, TestResponse } from './http-client';

export { KEYS } from './http-client';
export type { KeyRole, RequestOptions, TestResponse } from './http-client';

export interface TestApp {
  baseUrl: string;
  dir: string;
  sqlitePath: string;
  app: NestFastifyApplication;
  /** Sends a request; JSON bodies are serialised, the `as` role's key is used (reporter by default). */
  request(method: string, url: string, options?: RequestOptions): Promise<TestResponse>;
  /** Stops the service and lets go of the store; the files stay. */
  stop(): Promise<void>;
  /** Stops the service and removes the temp dir it made. */
  close(): Promise<void>;
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'factline-test-'));
}

export interface TestAppOptions {
  dir?: string;
  env?: Record<string, string>;
  /**
   * false: this instance shares a store another one holds, as replicas share a KurrentDB (a second
   * server on the embedded store is refused, so a test that stands in for replicas with it must say so).
   */
  holdStore?: boolean;
  /**
   * The event store commands, queries and /health use instead of the one the config names, e.g.
   * the KurrentDB adapter on FakeKurrentDb: `new KurrentDbEventStore(new FakeKurrentDb().connect(),
   * STREAM_PREFIXES)`, with `holdStore: false`; the service closes it when it stops. The read
   * models' projections run in a worker thread that opens the store the config names, so they do
   * not follow an injected one: it serves tests of the write path, /health and errors, not of views.
   */
  eventStore?: EventStore;
}

/** The real service on a real SQLite file in a temp dir, listening on a free port, holding the store as `npm start` does. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.dir ?? makeTempDir();
  const sqlitePath = path.join(dir, 'factline.db');
  const config = loadConfig({
    SQLITE_PATH: sqlitePath,
    API_KEYS: apiKeysVariable(),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const storeLock = options.holdStore === false ? undefined : StoreLock.hold(config, SERVER);
  const store = options.eventStore ?? (await createEventStore(config));
  const app = await createApp(config, store);
  await app.listen(0, '127.0.0.1');
  const baseUrl = localUrlOf(app.getHttpServer().address());
  storeLock?.servesAt(baseUrl);
  const stop = async () => {
    await app.close();
    storeLock?.release();
  };
  return {
    baseUrl,
    dir,
    sqlitePath,
    app,
    request: httpClient(baseUrl).request,
    stop,
    async close() {
      await stop();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The smallest history most tests start from: one storyline holding one claim. */
export async function openStorylineWithClaim(app: TestApp): Promise<{ storylineId: string; claimId: string }> {
  const storylineId = (await app.request('POST', '/v1/storylines', { body: storylineBody() })).body.id;
  const claimId = (await app.request('POST', `/v1/storylines/${storylineId}/claims`, { body: claimBody() })).body.id;
  return { storylineId, claimId };
}
