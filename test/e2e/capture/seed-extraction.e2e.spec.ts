import fs from 'node:fs';
import path from 'node:path';
import { recordSeed } from '../../../src/cli/demo/record-seed';
import { SEED_CLAIMS, SEED_PARTIES, SEED_STORYLINES } from '../../../src/cli/demo/seed-article';
import { KEYS, startTestApp, TestApp } from '../../support/test-app';

const article = fs.readFileSync(path.join(__dirname, '../../fixtures/article-de.txt'), 'utf8');

interface Item {
  type: string;
  quote: { text: string; start: number; end: number };
  claimant?: { name: string; partyId?: string; kind: string; registered: boolean; start?: number; end?: number };
  cue?: { text: string; start: number; end: number };
  attribution: string;
  anonymousSourceCount?: number;
  reportedBy?: { name: string; partyId?: string };
  development?: { kind: string; of: { item?: number; claimId?: string } };
  rule: string;
  confidence: number;
}

describe('the seed article, proposed as claims by POST /v1/extractions', () => {
  let app: TestApp;
  let items: Item[];

  beforeAll(async () => {
    app = await startTestApp();
    await recordSeed(app.baseUrl, KEYS.editor);
    const { status, body } = await app.request('POST', '/v1/extractions', {
      body: { text: article, source: { url: 'https://example.org/ukraine-abkommen', title: 'Sicherheitsabkommen' } },
    });
    expect(status).toBe(200);
    expect(body.language).toBe('de');
    items = body.items;
  });
  afterAll(() => app.close());

  const by = (partyId: string) => items.filter((item) => item.claimant?.partyId === partyId);
  const quoting = (words: string) => items.filter((item) => item.quote.text.includes(words));

  it('gives every span as the exact words at its offsets', () => {
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(article.slice(item.quote.start, item.quote.end)).toBe(item.quote.text);
      if (item.cue) expect(article.slice(item.cue.start, item.cue.end)).toBe(item.cue.text);
      expect(item.rule).not.toBe('');
      expect(item.confidence).toBeGreaterThan(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("proposes Zelensky's two statements, resolved to him through the registry's aliases", () => {
    const zelensky = by(SEED_PARTIES.zelensky).map((item) => item.quote.text);
    expect(zelensky).toEqual(
      expect.arrayContaining([expect.stringContaining('Das Dokument ist zu 100 Prozent fertig'), '«echte Ergebnisse»']),
    );
  });

  it('proposes the FT report, eight anonymous sources reported by the Financial Times', () => {
    const [report] = items.filter((item) => item.anonymousSourceCount === 8);
    expect(report).toMatchObject({
      attribution: 'anonymous',
      claimant: { name: 'acht Personen', kind: 'anonymous' },
      reportedBy: { name: 'Financial Times', partyId: SEED_PARTIES.financialTimes },
      cue: { text: 'berichtete' },
    });
    const demnach = quoting('Demnach solle die Ukraine')[0];
    expect(demnach).toMatchObject({ attribution: 'anonymous', anonymousSourceCount: 8 });
  });

  it("proposes the US denial as a contradiction of the FT's report", () => {
    const [denial] = by(SEED_PARTIES.usGovernment);
    expect(denial.quote.text).toContain('dementierte den Bericht');
    expect(denial.development?.kind).toBe('contradiction');
    const denied = items[denial.development?.of.item as number];
    expect([denied.claimant?.partyId, denied.reportedBy?.partyId]).toContain(SEED_PARTIES.financialTimes);
  });

  it("proposes Russia's 17 localities and the US offer of guarantees like NATO's Article 5, each with its speaker", () => {
    expect(quoting('17 Ortschaften')[0].claimant?.partyId).toBe(SEED_PARTIES.russianGovernment);
    expect(quoting('NATO-Artikel 5')[0].claimant?.name).toBe('USA');
  });

  it('proposes Dmitriev, the US official, Lange, Rutte, Barrot and Pistorius as the speakers of their quotations', () => {
    expect(quoting('Ein Rückzug aus dem Donbass')[0].claimant?.partyId).toBe(SEED_PARTIES.dmitriev);
    expect(quoting('Wir sind sehr nah')[0].claimant?.name).toBe('US-Vertreter');
    expect(quoting('Bemerkenswert ist')[0].claimant?.name).toBe('Nico Lange');
    const rutte = quoting('Wir können es nicht')[0];
    expect(rutte.claimant).toMatchObject({ partyId: SEED_PARTIES.rutte });
    expect(article.slice(rutte.claimant?.start, rutte.claimant?.end)).toBe('er');
    expect(quoting('Nein, lieber Mark Rutte')[0]).toMatchObject({
      claimant: { partyId: SEED_PARTIES.barrot },
      development: { kind: 'contradiction' },
    });
    expect(quoting('besonders zynisch')[0].claimant?.name).toBe('Boris Pistorius');
  });

  it('makes no claim of the note that the article was machine-generated', () => {
    expect(quoting('Künstlicher Intelligenz')).toEqual([]);
  });

  it('marks what the storyline already holds: the same statement by the same party, whatever spelling of its name', async () => {
    const { status, body } = await app.request('POST', '/v1/extractions', {
      body: { text: article, storylineId: SEED_STORYLINES.guarantees },
    });
    expect(status).toBe(200);
    const recorded = (body.items as Item[]).filter((item) => 'existingClaimId' in item);
    expect(
      recorded.map((item) => [(item as { existingClaimId?: string }).existingClaimId, item.claimant?.partyId]),
    ).toEqual([[SEED_CLAIMS.documentReady, SEED_PARTIES.zelensky]]);
    expect(items.some((item) => 'existingClaimId' in item)).toBe(false);
  });

  it('answers 404 for a storyline that does not exist', async () => {
    const { status, body } = await app.request('POST', '/v1/extractions', {
      body: { text: article, storylineId: 'no-such-storyline' },
    });
    expect(status).toBe(404);
    expect(body.detail).toContain('no-such-storyline');
  });
});
