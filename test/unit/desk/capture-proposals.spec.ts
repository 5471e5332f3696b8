import { ExtractionItem } from '../../../desk/src/api/extractions';
import { Claim } from '../../../desk/src/api/types';
import { segmentsOf } from '../../../desk/src/capture/highlights';
import {
  Article,
  claimToRecord,
  developmentToRecord,
  proposalsOf,
  statementOf,
  targetClaimId,
} from '../../../desk/src/capture/proposals';
import { recordingSummary } from '../../../desk/src/capture/recording-summary';

const TEXT =
  'Berger sagte: „Der Hafen öffnet.“ Laut drei Personen ist der Vertrag unterzeichnet. Die Behörde dementierte.';
const span = (text: string) => ({ text, start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length });
const ARTICLE: Article = {
  storylineId: 'hafen',
  language: 'de',
  url: 'https://kurier.example/hafen',
  title: 'Hafen',
  publishedAt: '2026-03-02T18:00:00+01:00',
};

const direct: ExtractionItem = {
  type: 'direct',
  quote: span('Der Hafen öffnet.'),
  claimant: { name: 'Berger', kind: 'person', partyId: 'klaus-berger', registered: true },
  cue: span('sagte'),
  attribution: 'on_record',
  rule: 'quotation marks after a verb of saying',
  confidence: 0.9,
};
const reported: ExtractionItem = {
  type: 'reported',
  quote: span('ist der Vertrag unterzeichnet'),
  claimant: { name: 'drei Personen', kind: 'anonymous', registered: false },
  attribution: 'anonymous',
  anonymousSourceCount: 3,
  reportedBy: { name: 'Kurier', kind: 'media', registered: false },
};
const denial: ExtractionItem = {
  type: 'reported',
  quote: span('Die Behörde dementierte.'),
  claimant: { name: 'Die Behörde', kind: 'organization', registered: false },
  attribution: 'official_statement',
  development: { kind: 'contradiction', of: { item: 1 } },
};

const claimCiting = (id: string, quote: string, extra: Partial<Claim> = {}) =>
  ({ id, source: { url: ARTICLE.url, quote }, supports: [], contradictions: [], ...extra }) as unknown as Claim;

describe('the capture page: proposals', () => {
  it('cuts the article at every proposal, the innermost one showing, each marker where its proposal begins', () => {
    const segments = segmentsOf(20, [
      { index: 0, start: 2, end: 15 },
      { index: 1, start: 5, end: 10 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, index: undefined, begins: [] },
      { start: 2, end: 5, index: 0, begins: [0] },
      { start: 5, end: 10, index: 1, begins: [1] },
      { start: 10, end: 15, index: 0, begins: [] },
      { start: 15, end: 20, index: undefined, begins: [] },
    ]);
    expect(segmentsOf(5, [{ index: 0, start: 3, end: 9 }])).toEqual([
      { start: 0, end: 5, index: undefined, begins: [] },
    ]);
  });

  it('records a claim with the exact words as the source quote and the article as its source', () => {
    const [proposal] = proposalsOf([direct], ARTICLE, []);
    expect(claimToRecord({ ...proposal, statement: ' Der Hafen öffnet im Frühjahr. ' }, ARTICLE)).toEqual({
      statement: 'Der Hafen öffnet im Frühjahr.',
      language: 'de',
      kind: 'factual',
      claimant: { id: 'klaus-berger', name: 'Berger', kind: 'person' },
      attribution: 'on_record',
      occurredAt: ARTICLE.publishedAt,
      source: {
        url: ARTICLE.url,
        title: 'Hafen',
        publishedAt: ARTICLE.publishedAt,
        quote: 'Der Hafen öffnet.',
        quoteLanguage: 'de',
      },
    });
  });

  it('starts the statement from the quotation without its marks, the source quote keeping them', () => {
    expect(statementOf('„Der Hafen öffnet.“')).toBe('Der Hafen öffnet.');
    expect(statementOf('»Wir sind bereit«')).toBe('Wir sind bereit');
    expect(statementOf('"We cannot," ')).toBe('We cannot,');
    expect(statementOf('ist der Vertrag unterzeichnet')).toBe('ist der Vertrag unterzeichnet');
    const [proposal] = proposalsOf([{ ...direct, quote: span('„Der Hafen öffnet.“') }], ARTICLE, []);
    expect(claimToRecord(proposal, ARTICLE)).toMatchObject({
      statement: 'Der Hafen öffnet.',
      source: { quote: '„Der Hafen öffnet.“' },
    });
  });

  it('keeps the anonymous count and the reporting outlet, and drops the count when the attribution changes', () => {
    const [, proposal] = proposalsOf([direct, reported], ARTICLE, []);
    expect(claimToRecord(proposal, ARTICLE)).toMatchObject({
      attribution: 'anonymous',
      anonymousSourceCount: 3,
      claimant: { name: 'drei Personen', kind: 'anonymous' },
      reportedBy: { name: 'Kurier', kind: 'media' },
    });
    expect(claimToRecord({ ...proposal, attribution: 'unattributed' }, ARTICLE).anonymousSourceCount).toBeUndefined();
  });

  it('records a development against its claim only once that claim has an id, with a denial as its kind', () => {
    const proposals = proposalsOf([direct, reported, denial], ARTICLE, []);
    expect(targetClaimId(proposals[2], proposals)).toBeUndefined();
    proposals[1].outcome = { state: 'recorded', claimId: 'vertrag', position: 7 };
    expect(targetClaimId(proposals[2], proposals)).toBe('vertrag');
    expect(developmentToRecord(proposals[2], ARTICLE)).toMatchObject({
      by: { name: 'Die Behörde', kind: 'organization' },
      kind: 'denial',
      source: { url: ARTICLE.url, quote: 'Die Behörde dementierte.' },
    });
  });

  it('shows as existing what the API says the storyline holds, and what cites the same words of the same article', () => {
    const recordedReport = claimCiting('vertrag', 'ist der Vertrag unterzeichnet', {
      contradictions: [{ source: { url: ARTICLE.url, quote: 'Die Behörde dementierte.' } }],
    } as Partial<Claim>);
    const proposals = proposalsOf([{ ...direct, existingClaimId: 'hafen-offnet' }, reported, denial], ARTICLE, [
      recordedReport,
    ]);
    expect(proposals.map((proposal) => [proposal.selected, proposal.outcome])).toEqual([
      [false, { state: 'existing', claimId: 'hafen-offnet' }],
      [false, { state: 'existing', claimId: 'vertrag' }],
      [false, { state: 'existing', claimId: 'vertrag' }],
    ]);
    const elsewhere = proposalsOf([reported], { ...ARTICLE, url: 'https://other.example/' }, [recordedReport]);
    expect(elsewhere[0].outcome).toEqual({ state: 'proposed' });
  });

  it('sums up what was recorded and what was not', () => {
    const proposals = proposalsOf([direct, reported, denial], ARTICLE, []);
    const outcomes = new Map([
      [0, { state: 'recorded' as const, claimId: 'a', position: 1 }],
      [1, { state: 'recorded' as const, claimId: 'b', position: 2 }],
      [2, { state: 'recorded' as const, claimId: 'b', position: 3 }],
    ]);
    expect(recordingSummary(proposals, outcomes)).toBe('Recorded 2 claims and 1 development.');
    outcomes.set(2, { state: 'waiting', reason: 'x' } as never);
    expect(recordingSummary(proposals, outcomes)).toBe('Recorded 2 claims. 1 not recorded (marked below).');
  });
});
