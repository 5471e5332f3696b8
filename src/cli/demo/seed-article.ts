/**
 * The reference article (German, with one unrelated Polish image caption) as the requests a
 * newsroom tool would send. Quotes are verbatim from the article; test/e2e checks that.
 */

export interface SeedStep {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** Idempotency-Key: recording the demo twice changes nothing. */
  key: string;
}

const ARTICLE_SOURCE = {
  url: 'https://example.org/seed/article-de',
  title: 'Sicherheitsabkommen mit den USA: Ukraine erklärt Dokument für fertig (KI-generierter Artikel)',
  publishedAt: '2026-01-27T18:00:00+01:00',
};

const AI_TAG = 'ai-generated-source';

const zelensky = { id: 'volodymyr-zelensky', name: 'Wolodymyr Selenskyj', kind: 'person' };
const ftSources = { id: 'ft-eight-sources', name: 'Acht mit den Verhandlungen vertraute Personen', kind: 'anonymous' };
const financialTimes = { id: 'financial-times', name: 'Financial Times', kind: 'media' };
const usGovernment = { id: 'us-government', name: 'US-Regierung', kind: 'government' };
const russia = { id: 'russian-government', name: 'Russland (Regierung)', kind: 'government' };
const dmitriev = { id: 'kirill-dmitriev', name: 'Kirill Dmitrijew', kind: 'person' };
const usOfficial = { id: 'us-official-axios', name: 'US-Vertreter (anonym)', kind: 'anonymous' };
const axios = { id: 'axios', name: 'Axios', kind: 'media' };
const rutte = { id: 'mark-rutte', name: 'Mark Rutte', kind: 'person' };
const barrot = { id: 'jean-noel-barrot', name: 'Jean-Noël Barrot', kind: 'person' };
const publisher = { id: 'seed-article-publisher', name: 'Herausgeber des Artikels', kind: 'media' };

const quote = (text: string) => ({ ...ARTICLE_SOURCE, quote: text });

export const SEED_STORYLINES = {
  guarantees: 'us-ukraine-security-guarantees',
  offensive: 'russian-offensive-and-peace-talks',
  europeanDefence: 'european-defence-without-the-us',
  provenance: 'seed-article-provenance',
  iran: 'iran-military-readiness',
} as const;

export const SEED_CLAIMS = {
  documentReady: 'zelensky-document-100-percent-ready',
  donbassCondition: 'ft-us-guarantees-conditional-on-donbass',
  localitiesCaptured: 'russia-17-localities-captured-in-january',
  withdrawalIsPeace: 'dmitriev-withdrawal-from-donbass-is-peace',
  closeToMeeting: 'us-official-close-to-putin-zelensky-meeting',
  europeCannotDefend: 'rutte-europe-cannot-defend-itself-without-us',
  articleGeneratedWithAi: 'seed-article-generated-with-ai',
  iranReadyForTotalWar: 'iran-military-ready-for-total-war',
} as const;

export const IRAN_CAPTION = 'Wojsko irańskie jest gotowe na wojnę totalną [reżim ajatollahów]';

const storyline = (id: string, title: string, summary: string, tags: string[]): SeedStep => ({
  method: 'POST',
  path: '/v1/storylines',
  body: { id, title, summary, tags },
  key: `seed-storyline-${id}`,
});

const claim = (storylineId: string, body: Record<string, unknown>): SeedStep => ({
  method: 'POST',
  path: `/v1/storylines/${storylineId}/claims`,
  body: { language: 'de', tags: [AI_TAG], ...body },
  key: `seed-claim-${String(body.id)}`,
});

const development = (
  claimId: string,
  kind: 'contradictions' | 'supports',
  body: Record<string, unknown>,
): SeedStep => ({
  method: 'POST',
  path: `/v1/claims/${claimId}/${kind}`,
  body,
  key: `seed-${kind}-${claimId}-${String((body.by as { id: string }).id)}`,
});

export const SEED_STEPS: SeedStep[] = [
  storyline(
    SEED_STORYLINES.guarantees,
    'US–Ukraine security guarantees',
    'Kyiv calls the agreement "100% ready"; the FT reports a US condition on the Donbass, which Washington denies.',
    ['ukraine', 'usa', 'donbass', AI_TAG],
  ),
  claim(SEED_STORYLINES.guarantees, {
    id: SEED_CLAIMS.documentReady,
    statement:
      'Das Dokument ist zu 100 Prozent fertig, und wir warten darauf, dass unsere Partner den Termin und den Ort bestätigen, an dem wir es unterzeichnen werden.',
    claimant: zelensky,
    attribution: 'on_record',
    occurredAt: '2026-01-23T16:00:00+01:00',
    source: quote(
      '«Das Dokument ist zu 100 Prozent fertig, und wir warten darauf, dass unsere Partner den Termin und den Ort bestätigen, an dem wir es unterzeichnen werden.»',
    ),
  }),
  claim(SEED_STORYLINES.guarantees, {
    id: SEED_CLAIMS.donbassCondition,
    statement:
      'Die US-Regierung knüpft die Sicherheitsgarantien an die Bedingung, dass die Ukraine den noch nicht eroberten Teil des Donbass an Russland abtritt.',
    claimant: ftSources,
    reportedBy: financialTimes,
    attribution: 'anonymous',
    anonymousSourceCount: 8,
    occurredAt: '2026-01-27T07:00:00+01:00',
    source: quote(
      'Die US-Regierung soll die Garantien demnach an die Bedingung knüpfen, dass die Ukraine den noch nicht eroberten Teil des Donbass an Russland abtritt.',
    ),
  }),
  development(SEED_CLAIMS.donbassCondition, 'contradictions', {
    by: usGovernment,
    kind: 'denial',
    occurredAt: '2026-01-27T09:00:00+01:00',
    source: quote('Die US-Regierung dementierte den Bericht umgehend.'),
  }),
  storyline(
    SEED_STORYLINES.offensive,
    'Russian offensive and peace talks',
    'Russia reports territorial gains while delegations of Ukraine, Russia and the US meet in Abu Dhabi.',
    ['ukraine', 'russia', 'peace-talks', AI_TAG],
  ),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.localitiesCaptured,
    statement:
      'Russland hat im Januar 17 Ortschaften erobert und kontrolliert mehr als 500 Quadratkilometer in der Ukraine.',
    claimant: russia,
    attribution: 'official_statement',
    occurredAt: '2026-01-27T10:00:00+01:00',
    source: quote(
      'Russland meldete für Januar die Eroberung von 17 Ortschaften und die Kontrolle über mehr als 500 Quadratkilometer in der Ukraine.',
    ),
  }),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.withdrawalIsPeace,
    statement: 'Ein Rückzug aus dem Donbass ist der Weg zum Frieden für die Ukraine.',
    claimant: dmitriev,
    attribution: 'on_record',
    occurredAt: '2026-01-26T12:00:00+01:00',
    source: quote('«Ein Rückzug aus dem Donbass ist der Weg zum Frieden für die Ukraine.»'),
  }),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.closeToMeeting,
    statement: 'Wir sind sehr nah an einem Treffen zwischen Putin und Selenskyj.',
    claimant: usOfficial,
    reportedBy: axios,
    attribution: 'anonymous',
    anonymousSourceCount: 1,
    occurredAt: '2026-01-26T18:00:00+01:00',
    source: quote('«Wir sind sehr nah an einem Treffen zwischen Putin und Selenskyj.»'),
  }),
  storyline(
    SEED_STORYLINES.europeanDefence,
    'European defence without the US',
    'NATO’s Secretary General says Europe cannot defend itself without US help; France’s foreign minister disagrees.',
    ['nato', 'europe', AI_TAG],
  ),
  claim(SEED_STORYLINES.europeanDefence, {
    id: SEED_CLAIMS.europeCannotDefend,
    statement: 'Europa kann sich nicht ohne US-Hilfe verteidigen.',
    claimant: rutte,
    attribution: 'on_record',
    occurredAt: '2026-01-26T15:00:00+01:00',
    source: quote('«Wir können es nicht»'),
  }),
  development(SEED_CLAIMS.europeCannotDefend, 'contradictions', {
    by: barrot,
    kind: 'dispute',
    occurredAt: '2026-01-26T20:00:00+01:00',
    source: quote(
      '«Nein, lieber Mark Rutte. Die Europäer können und müssen ihre Sicherheit selbst in die Hand nehmen. Das ist die europäische Säule der Nato.»',
    ),
    note: 'Widerspruch auf X',
  }),
  storyline(
    SEED_STORYLINES.provenance,
    'Provenance of the seed article',
    'The article discloses that it was generated with AI; every claim taken from it carries the ai-generated-source tag.',
    ['provenance', AI_TAG],
  ),
  claim(SEED_STORYLINES.provenance, {
    id: SEED_CLAIMS.articleGeneratedWithAi,
    statement: 'Dieser Artikel wurde mit Künstlicher Intelligenz (KI) erstellt.',
    claimant: publisher,
    attribution: 'official_statement',
    occurredAt: '2026-01-27T18:00:00+01:00',
    source: quote('Hinweis: Dieser Artikel wurde mit Künstlicher Intelligenz (KI) erstellt.'),
  }),
  storyline(
    SEED_STORYLINES.iran,
    'Irańskie wojsko a gotowość do wojny',
    'Podpis pod zdjęciem dołączonym do artykułu, bez związku z jego treścią.',
    ['iran', 'pl'],
  ),
  claim(SEED_STORYLINES.iran, {
    id: SEED_CLAIMS.iranReadyForTotalWar,
    statement: IRAN_CAPTION,
    language: 'pl',
    claimant: { id: 'caption-author', name: 'Autor podpisu', kind: 'media' },
    attribution: 'unattributed',
    occurredAt: '2026-01-27T18:00:00+01:00',
    tags: ['image-caption'],
    source: { ...ARTICLE_SOURCE, title: 'Bildunterschrift (polnisch) am Ende des Artikels', quote: IRAN_CAPTION },
  }),
];
