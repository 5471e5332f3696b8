import fs from 'node:fs';
import path from 'node:path';
import { recordSeed } from '../../src/cli/demo/record-seed';
import { IRAN_CAPTION, SEED_CLAIMS, SEED_STEPS, SEED_STORYLINES } from '../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../support/test-app';

const article = fs.readFileSync(path.join(__dirname, '../fixtures/article-de.txt'), 'utf8');

describe('the seed article, recorded through the public API', () => {
  let app: TestApp;
  let position: number;

  beforeAll(async () => {
    app = await startTestApp();
    ({ lastPosition: position } = await recordSeed(app.baseUrl, KEYS.editor));
  });
  afterAll(() => app.close());

  const get = (url: string) => app.request('GET', `${url}?minPosition=${position}`, { as: 'reader' });

  it('quotes the article verbatim wherever it cites it', () => {
    const quotes = SEED_STEPS.map((step) => (step.body.source as { quote?: string } | undefined)?.quote).filter(
      (quote): quote is string => quote !== undefined,
    );
    expect(quotes.length).toBeGreaterThanOrEqual(8);
    for (const quote of quotes) expect(article).toContain(quote);
  });

  it('shows the US–Ukraine security guarantees storyline as disputed', async () => {
    const { status, body } = await get(`/v1/storylines/${SEED_STORYLINES.guarantees}`);
    expect(status).toBe(200);
    expect(body.title).toBe('US–Ukraine security guarantees');
    expect(body.status).toBe('disputed');
    expect(body.counts).toMatchObject({ disputed: 1, unverified: 1 });
  });

  it('marks the FT report (eight anonymous sources) disputed after the US denial', async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.donbassCondition}`);
    expect(body).toMatchObject({
      attribution: 'anonymous',
      anonymousSourceCount: 8,
      reportedBy: { id: 'financial-times', kind: 'media' },
      status: 'disputed',
      explanation: { rule: 'contradicted' },
    });
    expect(body.contradictions).toEqual([
      expect.objectContaining({ kind: 'denial', by: expect.objectContaining({ id: 'us-government' }) }),
    ]);
    expect(body.explanation.eventIds).toEqual([body.contradictions[0].eventId]);
  });

  it("leaves Zelensky's “100% ready” unverified", async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.documentReady}`);
    expect(body.status).toBe('unverified');
    expect(body.statement).toContain('zu 100 Prozent fertig');
    expect(body.claimant).toEqual({ id: 'volodymyr-zelensky', name: 'Wolodymyr Selenskyj', kind: 'person' });
  });

  it('shows Rutte’s claim disputed by Barrot', async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.europeCannotDefend}`);
    expect(body.status).toBe('disputed');
    expect(body.contradictions.map((entry: { by: { name: string } }) => entry.by.name)).toEqual(['Jean-Noël Barrot']);
  });

  it("records Russia's claim of 17 captured localities as an unverified official statement", async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.localitiesCaptured}`);
    expect(body).toMatchObject({ attribution: 'official_statement', status: 'unverified' });
    expect(body.statement).toContain('17 Ortschaften');
  });

  it('keeps the AI-generation note as a claim and tags every claim from the article', async () => {
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.articleGeneratedWithAi}`);
    expect(body.statement).toBe('Dieser Artikel wurde mit Künstlicher Intelligenz (KI) erstellt.');
    const tagged = await app.request('GET', '/v1/claims?storyline=us-ukraine-security-guarantees', { as: 'reader' });
    for (const claim of tagged.body.items) expect(claim.tags).toContain('ai-generated-source');
  });

  it('gives the Polish Iran caption its own storyline, in Polish, with its text intact', async () => {
    const storyline = await get(`/v1/storylines/${SEED_STORYLINES.iran}`);
    expect(storyline.body.claims.map((claim: { id: string }) => claim.id)).toEqual([SEED_CLAIMS.iranReadyForTotalWar]);
    const { body } = await get(`/v1/claims/${SEED_CLAIMS.iranReadyForTotalWar}`);
    expect(body.language).toBe('pl');
    expect(body.statement).toBe(IRAN_CAPTION);
    expect(article).toContain(IRAN_CAPTION);
    expect(body.storylineId).not.toBe(SEED_STORYLINES.guarantees);
  });

  it('filters the storylines by headline status', async () => {
    const { body } = await get('/v1/storylines');
    const disputed = await app.request('GET', '/v1/storylines?status=disputed', { as: 'reader' });
    expect(body.items).toHaveLength(5);
    expect(disputed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [SEED_STORYLINES.europeanDefence, SEED_STORYLINES.guarantees].sort(),
    );
  });

  it('records nothing new when the demo runs a second time', async () => {
    const again = await recordSeed(app.baseUrl, KEYS.editor);
    expect(again).toMatchObject({ recorded: 0, replayed: SEED_STEPS.length });
    const events = await app.request('GET', '/v1/events?limit=500', { as: 'reader' });
    expect(events.body.items).toHaveLength(SEED_STEPS.length);
  });
});
