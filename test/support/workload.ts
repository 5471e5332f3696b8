import { CONDITION_DEADLINE_MS } from './deadlines';
import { claimBody, developmentBody, party, storylineBody } from './fixtures';
import { HttpClient } from './http-client';

/** A small deterministic pseudo-random generator, so a failing workload can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PARTIES = [
  party('Financial Times', 'media', 'financial-times'),
  party('US government', 'government', 'us-government'),
  party('Reuters', 'media', 'reuters'),
  party('Jean-Noël Barrot', 'person', 'jean-noel-barrot'),
  party('Kremlin', 'government', 'kremlin'),
];

/** Records storylines, claims and a random mix of developments through the API; returns the last position. */
export async function runRandomWorkload(
  app: HttpClient,
  seed: number,
  size = { storylines: 4, claims: 24, developments: 120 },
) {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  let position = -1;
  const track = (response: { status: number; body: { position?: number; detail?: string } }) => {
    if (response.status >= 300) throw new Error(`workload step failed: ${response.status} ${response.body.detail}`);
    position = Math.max(position, response.body.position ?? -1);
  };
  const storylines: string[] = [];
  for (let index = 0; index < size.storylines; index++) {
    const response = await app.request('POST', '/v1/storylines', {
      body: storylineBody({ title: `Storyline ${seed}-${index}`, tags: [pick(['ukraine', 'nato', 'iran'])] }),
    });
    track(response);
    storylines.push(response.body.id);
  }
  const claims: Array<{ id: string; claimant: ReturnType<typeof party>; retracted: boolean }> = [];
  for (let index = 0; index < size.claims; index++) {
    const claimant = pick(PARTIES);
    const response = await app.request('POST', `/v1/storylines/${pick(storylines)}/claims`, {
      body: claimBody({ statement: `Claim ${index}: ${pick(['troops', 'talks', 'aid'])}`, claimant }),
    });
    track(response);
    claims.push({ id: response.body.id, claimant, retracted: false });
  }
  for (let index = 0; index < size.developments; index++) {
    const claim = pick(claims);
    const roll = random();
    const occurredAt = new Date(
      Date.UTC(2026, 0, 1 + Math.floor(random() * 25), Math.floor(random() * 24)),
    ).toISOString();
    if (roll < 0.35) {
      track(
        await app.request('POST', `/v1/claims/${claim.id}/supports`, {
          body: developmentBody(pick(PARTIES), {
            kind: pick(['corroboration', 'confirmation', 'evidence']),
            occurredAt,
          }),
        }),
      );
    } else if (roll < 0.6) {
      track(
        await app.request('POST', `/v1/claims/${claim.id}/contradictions`, {
          body: developmentBody(pick(PARTIES), { kind: pick(['denial', 'dispute', 'counter_evidence']), occurredAt }),
        }),
      );
    } else if (roll < 0.75) {
      track(
        await app.request('POST', `/v1/claims/${claim.id}/verdict`, {
          as: 'editor',
          body: {
            verdict: pick(['confirmed', 'refuted', 'misleading', 'unproven']),
            rationale: 'Desk review',
            occurredAt,
          },
        }),
      );
    } else if (roll < 0.85 && !claim.retracted) {
      claim.retracted = true;
      track(
        await app.request('POST', `/v1/claims/${claim.id}/retraction`, {
          body: developmentBody(claim.claimant, { occurredAt, ...(roll < 0.8 ? { kind: 'deleted' } : {}) }),
        }),
      );
    } else {
      track(
        await app.request('POST', `/v1/claims/${claim.id}/corrections`, {
          as: 'editor',
          body: { changes: { statement: `Corrected claim ${index}`, occurredAt }, reason: 'Typo in the transcript' },
        }),
      );
    }
  }
  return position;
}

/** Every storyline, claim and timeline as the API shows them, for deep comparison. */
export async function snapshotViews(app: HttpClient, minPosition: number) {
  const all = async (url: string) => {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const page = await app.request(
        'GET',
        `${url}${separator}limit=100&minPosition=${minPosition}${cursor ? `&cursor=${cursor}` : ''}`,
        { as: 'reader' },
      );
      if (page.status !== 200) throw new Error(`${url}: ${page.status} ${JSON.stringify(page.body)}`);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };
  const storylineList = (await all('/v1/storylines')) as Array<{ id: string }>;
  const storylines: Record<string, unknown> = {};
  const timelines: Record<string, unknown> = {};
  for (const { id } of storylineList) {
    storylines[id] = (await app.request('GET', `/v1/storylines/${id}`, { as: 'reader' })).body;
    timelines[id] = await all(`/v1/storylines/${id}/timeline`);
  }
  return { storylineList, storylines, timelines, claims: await all('/v1/claims') };
}

/** Waits until no projection is rebuilding and all are live. */
export async function waitForLiveProjections(app: HttpClient, timeoutMs = CONDITION_DEADLINE_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await app.request('GET', '/v1/projections', { as: 'admin' });
    if (body.items.every((item: { state: string }) => item.state === 'live')) return body.items;
    if (Date.now() > deadline) {
      throw new Error(`projections not live within ${timeoutMs} ms: ${JSON.stringify(body.items)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
