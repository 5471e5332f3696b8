import { Claim, Development } from '../../../desk/src/api/types';
import {
  decidingDevelopments,
  developmentsAfterVerdict,
  needsReviewWhy,
} from '../../../desk/src/review/deciding-developments';

const development = (eventId: string, name: string, kind: string): Development => ({
  eventId,
  by: { id: name.toLowerCase(), name },
  occurredAt: '2026-03-04T00:00:00+01:00',
  occurredAtPrecision: 'day',
  kind,
  source: { url: `https://news.example.org/${eventId}` },
});

const verdict = {
  eventId: 'verdict',
  verdict: 'misleading' as const,
  rationale: 'One condition of several.',
  occurredAt: '2026-03-03T12:00:00+01:00',
  recordedAt: '2026-03-03T12:00:05+01:00',
};

function claim(overrides: Partial<Claim>): Claim {
  return {
    id: 'ft-report',
    storylineId: 'guarantees',
    statement: 'The US ties the guarantees to the Donbass.',
    language: 'en',
    claimant: { id: 'ft-sources', name: 'Eight people familiar with the talks' },
    attribution: 'anonymous',
    occurredAt: '2026-01-27T00:00:00+01:00',
    tags: [],
    status: 'unverified',
    needsReview: false,
    explanation: { rule: 'no_independent_support', eventIds: ['recorded'], summary: 'No independent support yet.' },
    supports: [],
    contradictions: [],
    verdicts: [],
    corrections: [],
    revision: 0,
    position: 1,
    recordedAt: '2026-01-27T10:00:00Z',
    updatedAt: '2026-01-27T10:00:00Z',
    ...overrides,
  };
}

const ruled = (laterIds: string[], more: Partial<Claim> = {}) =>
  claim({
    status: 'misleading',
    needsReview: laterIds.length > 0,
    verdict,
    verdicts: [verdict],
    explanation: { rule: 'verdict', eventIds: ['verdict', ...laterIds], summary: 'The desk ruled it misleading.' },
    ...more,
  });

describe('why a claim needs review, in words', () => {
  it('given a support after the verdict, names its kind, its party and the verdict’s date, with no hour', () => {
    const reuters = development('s1', 'Reuters', 'corroboration');
    const shown = ruled(['s1'], { supports: [reuters] });
    expect(needsReviewWhy(shown)).toBe('A support by Reuters arrived after the verdict of 3 Mar 2026.');
    expect(developmentsAfterVerdict(shown)).toEqual([
      expect.objectContaining({
        eventId: 's1',
        kind: 'support',
        detail: 'corroboration',
        url: 'https://news.example.org/s1',
      }),
    ]);
  });

  it('given several kinds after the verdict, names each once with its count and parties', () => {
    const shown = ruled(['s1', 'c1', 's2'], {
      supports: [development('s1', 'Reuters', 'corroboration'), development('s2', 'AP', 'confirmation')],
      contradictions: [development('c1', 'US State Department', 'denial')],
    });
    expect(needsReviewWhy(shown)).toBe(
      '2 supports by Reuters and AP and a contradiction by US State Department arrived after the verdict of 3 Mar 2026.',
    );
  });

  it('names a party as the registry resolves it', () => {
    const mention = {
      ...development('c1', 'US-Regierung', 'denial'),
      party: { id: 'us', name: 'US government', registered: true },
    };
    expect(needsReviewWhy(ruled(['c1'], { contradictions: [mention] }))).toBe(
      'A contradiction by US government arrived after the verdict of 3 Mar 2026.',
    );
  });

  it('says nothing for a claim that does not need review', () => {
    expect(needsReviewWhy(ruled([]))).toBeUndefined();
    expect(needsReviewWhy(claim({}))).toBeUndefined();
  });
});

describe('the developments that decide a claim', () => {
  it('for a disputed claim, the contradictions its explanation names, not the others', () => {
    const denial = development('c1', 'US State Department', 'denial');
    const shown = claim({
      status: 'disputed',
      contradictions: [denial],
      supports: [development('s1', 'Reuters', 'corroboration')],
      explanation: { rule: 'contradicted', eventIds: ['c1'], summary: 'Contradicted by US State Department.' },
    });
    expect(decidingDevelopments(shown).map((entry) => [entry.eventId, entry.kind, entry.detail])).toEqual([
      ['c1', 'contradiction', 'denial'],
    ]);
  });

  it('a retraction says how it was retracted: deleted without comment, or withdrawn when it names no kind', () => {
    const retracted = (kind?: string) =>
      decidingDevelopments(
        claim({
          status: 'retracted',
          retraction: { ...development('r1', 'Financial Times', kind ?? ''), ...(kind ? {} : { kind: undefined }) },
          explanation: { rule: 'retracted', eventIds: ['r1'], summary: 'Retracted.' },
        }),
      ).map((entry) => [entry.kind, entry.detail]);
    expect(retracted('deleted')).toEqual([['retraction', 'deleted it without comment']]);
    expect(retracted('withdrawn')).toEqual([['retraction', 'withdrew it']]);
    expect(retracted()).toEqual([['retraction', 'withdrew it']]);
  });

  it('for a ruled claim, only those recorded after the verdict', () => {
    const shown = ruled(['c2'], {
      contradictions: [development('c1', 'Kremlin', 'denial'), development('c2', 'US State Department', 'denial')],
    });
    expect(decidingDevelopments(shown).map((entry) => entry.eventId)).toEqual(['c2']);
  });

  it('an outside fact-check says what its rating means', () => {
    const shown = claim({
      status: 'disputed',
      factChecks: [
        {
          eventId: 'f1',
          by: { id: 'correctiv', name: 'Correctiv' },
          rating: { value: 2, text: 'Größtenteils falsch' },
          meaning: 'mostly false',
          url: 'https://correctiv.example.org/check',
          publishedAt: '2026-03-05T08:00:00Z',
        },
      ],
      explanation: { rule: 'contradicted', eventIds: ['f1'], summary: 'Rated mostly false by Correctiv (fact-check).' },
    });
    expect(decidingDevelopments(shown)).toEqual([
      expect.objectContaining({
        kind: 'fact-check',
        detail: 'rated it “Größtenteils falsch” (mostly false), 2 on its scale from 1 (false) to 5 (true)',
        url: 'https://correctiv.example.org/check',
      }),
    ]);
  });
});

describe('a confirmed rival as the reason for review', () => {
  const rival = {
    claimId: 'divers',
    relation: 'rival_of' as const,
    statement: 'Divers placed the charges.',
    status: 'confirmed' as const,
  };
  const rivalConfirmed = (more: Partial<Claim> = {}) =>
    claim({
      needsReview: true,
      relations: [rival],
      explanation: {
        rule: 'no_independent_support',
        eventIds: ['recorded'],
        summary: 'No independent support yet. A rival explanation was confirmed (divers): it needs review.',
        confirmedRivals: ['divers'],
      },
      ...more,
    });

  it('names the rival by its statement on a claim without a verdict', () => {
    expect(needsReviewWhy(rivalConfirmed())).toBe('A rival explanation was confirmed: “Divers placed the charges.”');
  });

  it('names it alone on a ruled claim with no later development, and after the developments otherwise', () => {
    const onRuled = rivalConfirmed({ verdict, verdicts: [verdict] });
    expect(
      needsReviewWhy({ ...onRuled, explanation: { ...onRuled.explanation, rule: 'verdict', eventIds: ['verdict'] } }),
    ).toBe('A rival explanation was confirmed: “Divers placed the charges.”');
    const later = development('later', 'Reuters', 'corroboration');
    const withLater = ruled(['later'], { supports: [later], relations: [rival] });
    withLater.explanation.confirmedRivals = ['divers'];
    expect(needsReviewWhy(withLater)).toMatch(
      /arrived after the verdict of .+\. A rival explanation was confirmed: “Divers placed the charges\.”$/,
    );
  });

  it('names the rival by id when its statement is not at hand', () => {
    expect(needsReviewWhy(rivalConfirmed({ relations: [] }))).toBe('A rival explanation was confirmed: divers.');
  });
});
