import 'reflect-metadata';
import { Config, loadConfig } from '../config/config';
import { createEventStore } from '../infrastructure/event-store/create-event-store';
import { createApp } from '../infrastructure/http/create-app';
import { localUrlOf } from '../infrastructure/http/local-url';
import { SERVER, StoreInUseError, StoreLock } from '../infrastructure/store-lock/store-lock';
import { recordSeed } from './demo/record-seed';
import { SEED_STORYLINES } from './demo/seed-article';

/**
 * `npm run demo`: records the seed article, always over HTTP. With FACTLINE_URL it talks to that
 * server; otherwise to the server that holds SQLITE_PATH, if one does, and else it starts the service
 * in-process on those files. FACTLINE_API_KEY is the key for a server with keys (an editor's: the demo
 * registers parties).
 */
async function main(): Promise<void> {
  const apiKey = process.env.FACTLINE_API_KEY;
  const remote = process.env.FACTLINE_URL;
  if (remote) {
    await report(remote, apiKey);
    return;
  }
  const config = { ...loadConfig(), apiKeys: [], logLevel: 'warn' as const };
  const held = await holdOrFindServer(config);
  if (typeof held === 'string') {
    await report(held, apiKey);
    return;
  }
  const storeLock = held;
  try {
    await recordInProcess(config, storeLock);
  } finally {
    storeLock.release();
  }
  console.log(`\nRecorded into ${config.sqlitePath}. Start the API with \`npm start\` and try:`);
  console.log(`  curl -s http://127.0.0.1:${config.port}/v1/storylines/${SEED_STORYLINES.guarantees}`);
}

/** A server that holds the store but does not listen yet is waited for; anything else that holds it refuses the demo. */
const SERVER_START_WAIT_MS = 60_000;

/** The store held for the demo, or the URL of the server that holds it. */
async function holdOrFindServer(config: Config): Promise<StoreLock | string> {
  const deadline = Date.now() + SERVER_START_WAIT_MS;
  for (;;) {
    try {
      return StoreLock.hold(config, 'npm run demo');
    } catch (error) {
      if (!(error instanceof StoreInUseError)) throw error;
      if (error.holder?.url) {
        console.log(`${error.message[0].toUpperCase()}${error.message.slice(1)}: recording through it.\n`);
        return error.holder.url;
      }
      if (error.holder?.name !== SERVER || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function recordInProcess(config: Config, storeLock: StoreLock): Promise<void> {
  const app = await createApp(config, await createEventStore(config));
  try {
    await app.listen(0, '127.0.0.1');
    const url = localUrlOf(app.getHttpServer().address());
    storeLock.servesAt(url);
    await report(url);
  } finally {
    await app.close();
  }
}

async function report(baseUrl: string, apiKey?: string): Promise<void> {
  const { recorded, alreadyThere, lastPosition } = await recordSeed(baseUrl, apiKey);
  console.log(`Seed article: ${recorded} commands recorded, ${alreadyThere} already there (position ${lastPosition}).`);
  for (const id of Object.values(SEED_STORYLINES)) {
    const response = await fetch(`${baseUrl}/v1/storylines/${id}?minPosition=${lastPosition}`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    });
    const view = (await response.json()) as {
      title: string;
      status: string;
      claims: Array<{ status: string; statement: string }>;
    };
    console.log(`\n■ ${view.title} — ${view.status}`);
    for (const claim of view.claims) console.log(`  · [${claim.status}] ${claim.statement.slice(0, 100)}`);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const advice = error instanceof StoreInUseError ? '; run the demo once it is done' : '';
  process.stderr.write(`factline demo: ${message}${advice}\n`);
  process.exit(1);
});
