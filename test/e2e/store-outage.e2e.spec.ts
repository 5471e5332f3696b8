import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { EventStore, EventStoreUnavailableError } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { createApp } from '../../src/infrastructure/http/create-app';
import { claimBody, storylineBody } from '../support/fixtures';
import { makeTempDir } from '../support/test-app';

/** A real store whose connection can be cut, the way a KurrentDB adapter reports a lost server. */
function cuttable(store: EventStore): EventStore & { down: boolean } {
  const wrapper = { down: false } as EventStore & { down: boolean };
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      wrapper.down ? Promise.reject(new EventStoreUnavailableError('connection lost')) : call(...args);
  return Object.assign(wrapper, {
    append: guard(store.append.bind(store)),
    readStream: guard(store.readStream.bind(store)),
    readAll: guard(store.readAll.bind(store)),
    headPosition: guard(store.headPosition.bind(store)),
    ping: guard(store.ping.bind(store)),
    subscribe: store.subscribe.bind(store),
    close: store.close.bind(store),
  });
}

describe('when the event store is lost at run time', () => {
  const dir = makeTempDir();
  let app: NestFastifyApplication;
  let store: ReturnType<typeof cuttable>;
  let baseUrl: string;

  beforeAll(async () => {
    const config = loadConfig({ SQLITE_PATH: path.join(dir, 'factline.db'), LOG_LEVEL: 'silent' });
    store = cuttable(new SqliteEventStore(config.sqlitePath));
    app = await createApp(config, store);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    store.down = false;
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (url: string, body: unknown) =>
    fetch(`${baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers writes with 503 and Retry-After, reports the store down, and recovers when it is back', async () => {
    const opened = await post('/v1/storylines', storylineBody());
    expect(opened.status).toBe(201);
    const { id } = (await opened.json()) as { id: string };

    store.down = true;
    const refused = await post(`/v1/storylines/${id}/claims`, claimBody());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', eventStore: 'down' });

    store.down = false;
    const accepted = await post(`/v1/storylines/${id}/claims`, claimBody());
    expect(accepted.status).toBe(201);
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  });
});
