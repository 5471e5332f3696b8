import fs from 'node:fs';
import path from 'node:path';
import { asPartyEvent } from '../../src/application/events/factline-event';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { recordSeed } from '../../src/cli/demo/record-seed';
import {
  GUARANTEES_STEPS,
  IRAN_CAPTION,
  SEED_CLAIMS,
  SEED_PARTIES,
  SEED_STEPS,
  SEED_STORYLINES,
} from '../../src/cli/demo/seed-article';
import { PARTY_EVENT_TYPES } from '../../src/domain/party/party.events';
import { foldRegistry } from '../../src/domain/party/party-registry';
import { RegistryEvent } from '../../src/domain/party/registry-records';
import { readmeWalk } from '../support/readme-walk';
import { KEYS, KeyRole, startTestApp, TestApp } from '../support/test-app';

const article = fs.readFileSync(path.join(__dirname, '../fixtures/article-de.txt'), 'utf8');

interface SeedSource {
  quote?: string;
  quoteLanguage?: string;
  translation?: { text: string; language: string };
  machineGenerated?: boolean;
}
const sources = SEED_STEPS.map((step) => step.body.source as SeedSource | undefined).filter(
  (source): source is SeedSource => source !== undefined,
);
const timed = SEED_STEPS.map((step) => step.body).filter((body) => 'occurredAt' in body);

describe('the seed article, modelled as an editor would', () => {
  it('quotes only original wording, verbatim, and keeps the article’s translations apart with their language', () => {
    const quotes = sources.filter((source) => source.quote);
    const translations = sources.filter((source) => source.translation);
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    expect(translations.length).toBeGreaterThanOrEqual(5);
    for (const source of quotes) expect(article).toContain(source.quote);
    for (const source of translations) {
      expect(article).toContain(source.translation?.text);
      expect(source.translation?.language).toBe('de');
      expect(source.quote).toBeUndefined();
      if (source.quoteLanguage) expect(['en', 'fr']).toContain(source.quoteLanguage);
    }
    expect(quotes.map((source) => source.quoteLanguage).sort()).toEqual(['de', 'de', 'de', 'de', 'pl']);
  });

  it('invents no time: each one the article gives as a day or not at all is marked as known only that far', () => {
    expect(timed.length).toBeGreaterThanOrEqual(10);
    for (const body of timed) {
      expect(body).toMatchObject({ occurredAtPrecision: expect.stringMatching(/^(day|month)$/) });
      expect(String(body.occurredAt)).toMatch(/T00:00:00\+01:00$/);
    }
    const zelensky = SEED_STEPS.find((step) => step.body.id === SEED_CLAIMS.documentReady)?.body;
    expect(zelensky).toMatchObject({ occurredAt: '2026-01-23T00:00:00+01:00', occurredAtPrecision: 'day' });
  });

  it('says on every source that the article was machine-generated, instead of recording that as a claim', () => {
    expect(sources.every((source) => source.machineGenerated === true)).toBe(true);
    expect(article).toContain('Dieser Artikel wurde mit Künstlicher Intelligenz (KI) erstellt.');
    expect(SEED_STEPS.some((step) => JSON.stringify(step.body).includes('Künstlicher Intelligenz'))).toBe(false);
  });
});

describe('the seed article, recorded through the public API', () => {
  let app: TestApp;
  let position: number;

  beforeAll(async () => {
    app = await startTestApp();
    ({ lastPosition: position } = await recordSeed(app.baseUrl, KEYS.editor));
  });
  afterAll(() => app.close());

  const get = (url: string) => app.request('GET', `${url}?minPosition=${position}`, { as: 'reader' });
  const registry = async () => {
    const types = PARTY_EVENT_TYPES.join(',');
    const { body } = await app.request('GET', `/v1/events?type=${types}&limit=500`, { as: 'reader' });
    return foldRegistry((body.items as StoredEvent[]).map((event) => asPartyEvent(event) as RegistryEvent));
  };

  it('registers the parties the article names, so its spellings resolve to them', async () => {
    const parties = await registry();
    expect([...parties.parties()].map((party) => party.id).sort()).toEqual(Object.values(SEED_PARTIES).sort());
    const resolved = (name: string, kind = 'person' as const) =>
      parties.resolve({ id: name.toLowerCase().replace(/\s+/g, '-'), name, kind }).id;
    expect(resolved('Wolodymyr Selenskyj')).toBe(SEED_PARTIES.zelensky);
    expect(resolved('Selenskyj')).toBe(SEED_PARTIES.zelensky);
    expect(resolved('Volodymyr Zelensky')).toBe(SEED_PARTIES.zelensky);
    expect(resolved('Kirill Dmitrijew')).toBe(SEED_PARTIES.dmitriev);
    expect(resolved('US-Regierung')).toBe(SEED_PARTIES.usGovernment);
    expect(resolved('Russland')).toBe(SEED_PARTIES.russianGovernment);
  });

  it('relates the Russian defence ministry to the government, and Dmitriev to it through the president', async () => {
    const parties = await registry();
    const at = '2026-01-27T00:00:00+01:00';
    expect(parties.relation(SEED_PARTIES.russianDefenceMinistry, SEED_PARTIES.russianGovernment, at)?.summary).toBe(
      'Russian Ministry of Defence is part of Russian government',
    );
    expect(parties.relation(SEED_PARTIES.dmitriev, SEED_PARTIES.putin, at)?.summary).toBe(
      'Kirill Dmitriev is spokesperson for Vladimir Putin',
    );
    expect(parties.related(SEED_PARTIES.dmitriev, SEED_PARTIES.russianDefenceMinistry, at)).toBe(true);
    expect(parties.related(SEED_PARTIES.rutte, SEED_PARTIES.barrot, at)).toBe(false);
  });

  it('shows the US–Ukraine security guarantees storyline as disputed', async () => {
    const { status, body } = await get(`/v1/storylines/${SEED_STORYLINES.guarantees}`);
    expect(status).toBe(200);
    expect(body.title).toBe('US–Ukraine security guarantees');
    expect(body.status).toBe('disputed');
    expect(body.counts).toMatchObject({ disputed: 1, unverified: 1 });
  });

  it('marks the FT report (eight anonymous sources) disputed after the US denial, both on the day the article gives', async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.donbassCondition}`);
    expect(body).toMatchObject({
      kind: 'factual',
      attribution: 'anonymous',
      anonymousSourceCount: 8,
      reportedBy: { id: 'financial-times', kind: 'media' },
      occurredAt: '2026-01-27T00:00:00+01:00',
      occurredAtPrecision: 'day',
      status: 'disputed',
      explanation: { rule: 'contradicted' },
    });
    expect(body.contradictions).toEqual([
      expect.objectContaining({
        kind: 'denial',
        by: { id: 'us-regierung', name: 'US-Regierung', kind: 'government' },
        label: 'denial by the subject',
        counts: true,
      }),
    ]);
    expect(body.about).toEqual([expect.objectContaining({ id: SEED_PARTIES.usGovernment })]);
    expect(body.explanation.eventIds).toEqual([body.contradictions[0].eventId]);
    expect(body.explanation.summary).toBe('Contradicted by US government (denial by the subject).');
  });

  it('names Russia, a belligerent, as having a stake in the offensive and peace talks, where Dmitriev speaks', async () => {
    const { body } = await get(`/v1/storylines/${SEED_STORYLINES.offensive}`);
    expect(body.stakeholders).toEqual([
      { partyId: SEED_PARTIES.russianGovernment, reason: 'a belligerent in the war', from: '2022-02-24T00:00:00Z' },
    ]);
    const events = await app.request('GET', '/v1/events?limit=500', { as: 'reader' });
    expect(events.body.items.at(-1)).toMatchObject({ type: 'StorylineStakeholderNamed', position });
  });

  it("leaves Zelensky's “100% ready” unverified, recorded as the article spells his name", async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.documentReady}`);
    expect(body.status).toBe('unverified');
    expect(body.statement).toContain('zu 100 Prozent fertig');
    expect(body.claimant).toEqual({ id: 'wolodymyr-selenskyj', name: 'Wolodymyr Selenskyj', kind: 'person' });
    expect(body.source).toMatchObject({ translation: { language: 'de' }, machineGenerated: true });
    expect(body.source).not.toHaveProperty('quote');
  });

  it('records Rutte’s and Dmitriev’s statements as opinions, the US official’s as a prediction', async () => {
    const kinds = await Promise.all(
      [SEED_CLAIMS.europeCannotDefend, SEED_CLAIMS.withdrawalIsPeace, SEED_CLAIMS.closeToMeeting].map(
        async (id) => (await get(`/v1/claims/${id}`)).body.kind,
      ),
    );
    expect(kinds).toEqual(['opinion', 'opinion', 'prediction']);
    const rutte = (await get(`/v1/claims/${SEED_CLAIMS.europeCannotDefend}`)).body;
    expect(rutte.contradictions.map((entry: { by: { name: string } }) => entry.by.name)).toEqual(['Jean-Noël Barrot']);
    expect(rutte.contradictions[0].source).toMatchObject({ quoteLanguage: 'fr', translation: { language: 'de' } });
  });

  it("records Russia's report as two claims, one per checkable number", async () => {
    const localities = (await get(`/v1/claims/${SEED_CLAIMS.localitiesCaptured}`)).body;
    const area = (await get(`/v1/claims/${SEED_CLAIMS.areaControlled}`)).body;
    expect(localities).toMatchObject({ attribution: 'official_statement', status: 'unverified' });
    expect(localities.statement).toContain('17 Ortschaften');
    expect(localities.statement).not.toContain('500');
    expect(area.statement).toContain('500 Quadratkilometer');
    expect(area.statement).not.toContain('17');
    expect(area.source.quote).toBe(localities.source.quote);
  });

  it('gives the Polish Iran caption its own storyline, in Polish, with its text intact', async () => {
    const storyline = await get(`/v1/storylines/${SEED_STORYLINES.iran}`);
    expect(storyline.body.claims.map((claim: { id: string }) => claim.id)).toEqual([SEED_CLAIMS.iranReadyForTotalWar]);
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.iranReadyForTotalWar}`);
    expect(body.language).toBe('pl');
    expect(body.statement).toBe(IRAN_CAPTION);
    expect(body.source).toMatchObject({ quote: IRAN_CAPTION, quoteLanguage: 'pl' });
    expect(body.storylineId).not.toBe(SEED_STORYLINES.guarantees);
  });

  it('opens four storylines; the AI note is no storyline of its own', async () => {
    const { body } = await get('/v1/storylines');
    const disputed = await app.request('GET', '/v1/storylines?status=disputed', { as: 'reader' });
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual(Object.values(SEED_STORYLINES).sort());
    expect(disputed.body.items.map((item: { id: string }) => item.id)).toContain(SEED_STORYLINES.guarantees);
  });

  it('records nothing new when the demo runs a second time', async () => {
    const again = await recordSeed(app.baseUrl, KEYS.editor);
    expect(again).toMatchObject({ recorded: 0, alreadyThere: SEED_STEPS.length });
    const events = await app.request('GET', '/v1/events?limit=500', { as: 'reader' });
    expect(events.body.items).toHaveLength(SEED_STEPS.length);
  });

  it('tells what to do when the key is too weak for the registry', async () => {
    await expect(recordSeed(app.baseUrl, KEYS.reporter)).rejects.toThrow(/needs an editor key/);
  });
});

describe('the README walk and the demo on one store', () => {
  it('sends in the walk exactly the seed’s requests, with its keys', () => {
    const walk = readmeWalk();
    expect(walk.map(({ path: url, key, body }) => ({ path: url, key, body }))).toEqual(
      GUARANTEES_STEPS.map(({ path: url, key, body }) => ({ path: url, key, body })),
    );
  });

  it.each<[string, KeyRole, boolean]>([
    ['with its keys, under another API key', 'reporter', true],
    ['without keys', 'editor', false],
  ])('lets the demo complete after the walk was sent %s, writing nothing twice', async (_how, as, withKeys) => {
    const app = await startTestApp();
    try {
      for (const step of readmeWalk()) {
        const headers: Record<string, string> = withKeys ? { 'idempotency-key': step.key } : {};
        expect((await app.request('POST', step.path, { body: step.body, as, headers })).status).toBe(201);
      }
      const result = await recordSeed(app.baseUrl, KEYS.editor);
      expect(result).toMatchObject({
        recorded: SEED_STEPS.length - GUARANTEES_STEPS.length,
        alreadyThere: GUARANTEES_STEPS.length,
      });
      const events = await app.request('GET', '/v1/events?limit=500', { as: 'reader' });
      expect(events.body.items).toHaveLength(SEED_STEPS.length);
    } finally {
      await app.close();
    }
  });

  it('stops with a clear message when a storyline of the seed exists with other content', async () => {
    const app = await startTestApp();
    try {
      const [opening] = GUARANTEES_STEPS;
      await app.request('POST', opening.path, { body: { ...opening.body, summary: 'Another summary' } });
      await expect(recordSeed(app.baseUrl, KEYS.editor)).rejects.toThrow(
        /POST \/v1\/storylines → 409: .*other content than the seed's; record the demo into a fresh SQLITE_PATH/,
      );
    } finally {
      await app.close();
    }
  });
});
