import { SEED_STEPS, SeedStep } from './seed-article';

export interface SeedResult {
  recorded: number;
  /** Steps found done: answered from an earlier run's Idempotency-Key, or sent before with the same content. */
  alreadyThere: number;
  lastPosition: number;
}

interface LoggedEvent {
  type: string;
  streamId: string;
  position: number;
  data: unknown;
}

const OPENING_TYPES = new Set(['StorylineOpened', 'ClaimRecorded', 'PartyRegistered']);

/** Every field of `expected` is in `actual` with the same value; `actual` may hold more (defaults, derived ids). */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => contains(actual[i], v))
    );
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const fields = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => contains(fields[key], value));
  }
  return actual === expected;
}

function client(baseUrl: string, apiKey?: string) {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const getJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
    return (await response.json()) as T;
  };
  type Page = { items: LoggedEvent[]; nextCursor?: string };

  /** The events of the step's stream and type: the claim's history, or the log filtered by type. */
  async function* eventsFor({ writes }: SeedStep): AsyncGenerator<LoggedEvent> {
    if (writes.streamId.startsWith('claim-')) {
      const claimId = encodeURIComponent(writes.streamId.slice('claim-'.length));
      for (let cursor: string | undefined, first = true; first || cursor; first = false) {
        const page = await getJson<Page>(
          `/v1/claims/${claimId}/history?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        yield* page.items.map((event) => ({ ...event, streamId: writes.streamId }));
        cursor = page.nextCursor;
      }
      return;
    }
    for (let after = -1; ;) {
      const page = await getJson<Page>(`/v1/events?type=${writes.type}&limit=500&after=${after}`);
      yield* page.items;
      if (page.items.length < 500) return;
      after = page.items[page.items.length - 1].position;
    }
  }

  return {
    send: (step: SeedStep) =>
      fetch(`${baseUrl}${step.path}`, {
        method: step.method,
        headers: { 'content-type': 'application/json', 'idempotency-key': step.key, ...headers },
        body: JSON.stringify(step.body),
      }),

    /** The event this step would write, if someone wrote it already (without this key, or under another key). */
    async earlier(step: SeedStep): Promise<LoggedEvent | undefined> {
      const { id: _id, ...content } = step.body;
      for await (const event of eventsFor(step)) {
        if (
          event.type === step.writes.type &&
          event.streamId === step.writes.streamId &&
          contains(event.data, content)
        ) {
          return event;
        }
      }
      return undefined;
    },
  };
}

/**
 * Sends the seed through the public API, exactly as a newsroom tool would. A storyline, claim or
 * party someone already opened with the same content (the README's curl walk, say, without the
 * seed's keys) counts as done, and so do the developments on it they already recorded; one opened
 * with other content stops the demo with a clear message.
 */
export async function recordSeed(baseUrl: string, apiKey?: string): Promise<SeedResult> {
  const api = client(baseUrl, apiKey);
  const result: SeedResult = { recorded: 0, alreadyThere: 0, lastPosition: -1 };
  const foundDone = (event: LoggedEvent) => {
    result.alreadyThere += 1;
    result.lastPosition = Math.max(result.lastPosition, event.position);
  };
  /** Streams someone else opened with the seed's content: what they hold may lack the seed's keys. */
  const openedElsewhere = new Set<string>();
  for (const step of SEED_STEPS) {
    if (openedElsewhere.has(step.writes.streamId)) {
      const earlier = await api.earlier(step);
      if (earlier) {
        foundDone(earlier);
        continue;
      }
    }
    const response = await api.send(step);
    const body = (await response.json()) as { position?: number; detail?: string };
    if (response.ok) {
      if (response.headers.get('idempotent-replayed') === 'true') result.alreadyThere += 1;
      else result.recorded += 1;
      result.lastPosition = Math.max(result.lastPosition, body.position ?? -1);
      continue;
    }
    const refused = `${step.method} ${step.path} → ${response.status}: ${body.detail ?? ''}`;
    if (response.status === 409 && OPENING_TYPES.has(step.writes.type)) {
      const earlier = await api.earlier(step);
      if (!earlier) {
        throw new Error(`${refused}. It holds other content than the seed's; record the demo into a fresh SQLITE_PATH`);
      }
      openedElsewhere.add(step.writes.streamId);
      foundDone(earlier);
      continue;
    }
    if (response.status === 401)
      throw new Error(`${refused}. This server has keys: set FACTLINE_API_KEY to an editor's`);
    if (response.status === 403) throw new Error(`${refused}. The demo registers parties: it needs an editor key`);
    throw new Error(refused);
  }
  return result;
}
