import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createEventStore } from '../infrastructure/event-store/create-event-store';
import { createApp } from '../infrastructure/http/create-app';
import { recordSeed } from './demo/record-seed';
import { SEED_STORYLINES } from './demo/seed-article';

/**
 * `npm run demo`: records the seed article. With FACTLINE_URL it talks to a running server
 * (FACTLINE_API_KEY for its key, an editor's: the demo registers parties); otherwise it starts the
 * service in-process on SQLITE_PATH.
 */
async function main(): Promise<void> {
  const remote = process.env.FACTLINE_URL;
  if (remote) {
    await report(remote, process.env.FACTLINE_API_KEY);
    return;
  }
  const config = { ...loadConfig(), apiKeys: [], logLevel: 'warn' as const };
  const app = await createApp(config, await createEventStore(config));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  try {
    await report(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  } finally {
    await app.close();
  }
  console.log(`\nRecorded into ${config.sqlitePath}. Start the API with \`npm start\` and try:`);
  console.log(`  curl -s http://127.0.0.1:${config.port}/v1/storylines/${SEED_STORYLINES.guarantees}`);
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
  process.stderr.write(`factline demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
