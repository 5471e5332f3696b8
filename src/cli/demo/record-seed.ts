import { SEED_STEPS } from './seed-article';

export interface SeedResult {
  recorded: number;
  replayed: number;
  lastPosition: number;
}

/** Sends the seed through the public API, exactly as a newsroom tool would. */
export async function recordSeed(baseUrl: string, apiKey?: string): Promise<SeedResult> {
  const result: SeedResult = { recorded: 0, replayed: 0, lastPosition: -1 };
  for (const step of SEED_STEPS) {
    const response = await fetch(`${baseUrl}${step.path}`, {
      method: step.method,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': step.key,
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify(step.body),
    });
    const body = (await response.json()) as { position?: number; detail?: string };
    if (!response.ok) throw new Error(`${step.method} ${step.path} → ${response.status}: ${body.detail ?? ''}`);
    if (response.headers.get('idempotent-replayed') === 'true') result.replayed += 1;
    else result.recorded += 1;
    result.lastPosition = Math.max(result.lastPosition, body.position ?? -1);
  }
  return result;
}
