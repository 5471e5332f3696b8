import { slugify } from '../../domain/slug';

/**
 * The reference article (German, with one unrelated Polish image caption) as the requests a
 * newsroom tool would send, modelled as an editor would:
 * - the parties it names are registered first, with the spellings the article uses as aliases, so
 *   "Wolodymyr Selenskyj" and "Volodymyr Zelensky" are one party;
 * - `source.quote` holds original wording only: the article's own German sentences are quotes (in
 *   German), its German renderings of statements made in English or French are translations, with
 *   the language of the original where it is known;
 * - a time the article does not give is not invented: "on Friday" is that day with precision `day`,
 *   a statement it gives no day for is January 2026 with precision `month`;
 * - that the article was generated with AI is a property of its source (`machineGenerated`);
 * - Rutte's and Dmitriev's statements are opinions, the US official's is a prediction;
 * - Russia's report bundles two checkable numbers, so it is two claims;
 * - the FT report is about the US government, so Washington's denial is the subject's denial;
 * - Russia is a belligerent, so it has a stake in the offensive and the peace talks: a support from
 *   it, or from Dmitriev who speaks for Putin, would not count as independent. The step comes last,
 *   so the positions of the article's events stay as they were.
 * Quotes and translations are verbatim from the article; test/e2e checks that.
 */

export interface SeedStep {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** Idempotency-Key: recording the demo twice changes nothing. */
  key: string;
  /** The event the step writes and its stream, to recognise the same step sent earlier without this key. */
  writes: { type: string; streamId: string };
}

/** The article as a source; its date is not in the text, so it has no publishedAt. */
const ARTICLE = {
  url: 'https://example.org/seed/article-de',
  title: 'Sicherheitsabkommen mit den USA: Ukraine erklärt Dokument für fertig',
  machineGenerated: true,
};

/** A sentence of the article itself: original wording, in German. */
const articleSays = (text: string) => ({ ...ARTICLE, quote: text, quoteLanguage: 'de' });

/** The article's German rendering of a statement made in another language (`original`, when it is known). */
const articleTranslates = (text: string, original?: 'en' | 'fr') => ({
  ...ARTICLE,
  ...(original ? { quoteLanguage: original } : {}),
  translation: { text, language: 'de' },
});

const onTheDay = (date: string) => ({ occurredAt: `${date}T00:00:00+01:00`, occurredAtPrecision: 'day' });
/** The article gives no day; it was written in late January 2026 (it looks ahead to 1 February). */
const inJanuary2026 = { occurredAt: '2026-01-01T00:00:00+01:00', occurredAtPrecision: 'month' };

export const SEED_PARTIES = {
  zelensky: 'volodymyr-zelensky',
  financialTimes: 'financial-times',
  usGovernment: 'us-government',
  russianGovernment: 'russian-government',
  russianDefenceMinistry: 'russian-defence-ministry',
  putin: 'vladimir-putin',
  dmitriev: 'kirill-dmitriev',
  axios: 'axios',
  rutte: 'mark-rutte',
  barrot: 'jean-noel-barrot',
} as const;

export const SEED_STORYLINES = {
  guarantees: 'us-ukraine-security-guarantees',
  offensive: 'russian-offensive-and-peace-talks',
  europeanDefence: 'european-defence-without-the-us',
  iran: 'iran-military-readiness',
} as const;

export const SEED_CLAIMS = {
  documentReady: 'zelensky-document-100-percent-ready',
  donbassCondition: 'ft-us-guarantees-conditional-on-donbass',
  localitiesCaptured: 'russia-17-localities-captured-in-january',
  areaControlled: 'russia-500-square-kilometres-in-january',
  withdrawalIsPeace: 'dmitriev-withdrawal-from-donbass-is-peace',
  closeToMeeting: 'us-official-close-to-putin-zelensky-meeting',
  europeCannotDefend: 'rutte-europe-cannot-defend-itself-without-us',
  iranReadyForTotalWar: 'iran-military-ready-for-total-war',
} as const;

export const IRAN_CAPTION = 'Wojsko irańskie jest gotowe na wojnę totalną [reżim ajatollahów]';

const party = (id: string, name: string, kind: string, aliases: string[] = []): SeedStep => ({
  method: 'POST',
  path: '/v1/parties',
  body: { id, name, kind, aliases },
  key: `seed-party-${id}`,
  writes: { type: 'PartyRegistered', streamId: `party-${id}` },
});

const affiliation = (id: string, relation: string, withId: string): SeedStep => ({
  method: 'POST',
  path: `/v1/parties/${id}/affiliations`,
  body: { partyId: withId, relation },
  key: `seed-affiliation-${id}-${withId}`,
  writes: { type: 'PartyAffiliated', streamId: `party-${id}` },
});

const storyline = (id: string, title: string, summary: string, tags: string[]): SeedStep => ({
  method: 'POST',
  path: '/v1/storylines',
  body: { id, title, summary, tags },
  key: `seed-storyline-${id}`,
  writes: { type: 'StorylineOpened', streamId: `storyline-${id}` },
});

const stakeholder = (storylineId: string, partyId: string, reason: string, from: string): SeedStep => ({
  method: 'POST',
  path: `/v1/storylines/${storylineId}/stakeholders`,
  body: { partyId, reason, from },
  key: `seed-stakeholder-${storylineId}-${partyId}`,
  writes: { type: 'StorylineStakeholderNamed', streamId: `storyline-${storylineId}` },
});

const claim = (storylineId: string, body: Record<string, unknown>): SeedStep => ({
  method: 'POST',
  path: `/v1/storylines/${storylineId}/claims`,
  body: { language: 'de', ...body },
  key: `seed-claim-${String(body.id)}`,
  writes: { type: 'ClaimRecorded', streamId: `claim-${String(body.id)}` },
});

const development = (
  claimId: string,
  kind: 'contradictions' | 'supports',
  body: Record<string, unknown> & { by: { id?: string; name: string } },
): SeedStep => ({
  method: 'POST',
  path: `/v1/claims/${claimId}/${kind}`,
  body,
  key: `seed-${kind}-${claimId}-${body.by.id ?? slugify(body.by.name)}`,
  writes: { type: kind === 'supports' ? 'ClaimSupported' : 'ClaimContradicted', streamId: `claim-${claimId}` },
});

/** Mentions as the article spells them; the registry says whom they mean. */
const mentioned = (name: string, kind: string) => ({ name, kind });

const REGISTRY: SeedStep[] = [
  party(SEED_PARTIES.zelensky, 'Volodymyr Zelensky', 'person', [
    'Wolodymyr Selenskyj',
    'Selenskyj',
    'Zelenskyy',
    'Володимир Зеленський',
    'Wołodymyr Zełenski',
  ]),
  party(SEED_PARTIES.financialTimes, 'Financial Times', 'media', ['The Financial Times', 'FT']),
  party(SEED_PARTIES.usGovernment, 'US government', 'government', ['US-Regierung']),
  party(SEED_PARTIES.russianGovernment, 'Russian government', 'government', ['Russland', 'Russische Regierung']),
  party(SEED_PARTIES.russianDefenceMinistry, 'Russian Ministry of Defence', 'government', [
    'Russisches Verteidigungsministerium',
    'Министерство обороны Российской Федерации',
  ]),
  party(SEED_PARTIES.putin, 'Vladimir Putin', 'person', ['Wladimir Putin', 'Владимир Путин']),
  party(SEED_PARTIES.dmitriev, 'Kirill Dmitriev', 'person', ['Kirill Dmitrijew', 'Кирилл Дмитриев']),
  party(SEED_PARTIES.axios, 'Axios', 'media'),
  party(SEED_PARTIES.rutte, 'Mark Rutte', 'person'),
  party(SEED_PARTIES.barrot, 'Jean-Noël Barrot', 'person'),
  affiliation(SEED_PARTIES.russianDefenceMinistry, 'part_of', SEED_PARTIES.russianGovernment),
  affiliation(SEED_PARTIES.putin, 'member_of', SEED_PARTIES.russianGovernment),
  // The article calls him Putin's special envoy; spokesperson_for is the registry's nearest relation.
  affiliation(SEED_PARTIES.dmitriev, 'spokesperson_for', SEED_PARTIES.putin),
];

const openGuarantees = storyline(
  SEED_STORYLINES.guarantees,
  'US–Ukraine security guarantees',
  'Kyiv calls the agreement "100% ready"; the FT reports a US condition on the Donbass, which Washington denies.',
  ['ukraine', 'usa', 'donbass'],
);

const ftReport = claim(SEED_STORYLINES.guarantees, {
  id: SEED_CLAIMS.donbassCondition,
  statement:
    'Die US-Regierung knüpft die Sicherheitsgarantien an die Bedingung, dass die Ukraine den noch nicht eroberten Teil des Donbass an Russland abtritt.',
  claimant: { id: 'ft-eight-sources', name: 'Acht mit den Verhandlungen vertraute Personen', kind: 'anonymous' },
  reportedBy: mentioned('Financial Times', 'media'),
  attribution: 'anonymous',
  anonymousSourceCount: 8,
  about: [{ id: SEED_PARTIES.usGovernment, name: 'US government', kind: 'government' }],
  ...onTheDay('2026-01-27'),
  source: articleSays(
    'Die US-Regierung soll die Garantien demnach an die Bedingung knüpfen, dass die Ukraine den noch nicht eroberten Teil des Donbass an Russland abtritt.',
  ),
});

const usDenial = development(SEED_CLAIMS.donbassCondition, 'contradictions', {
  by: mentioned('US-Regierung', 'government'),
  kind: 'denial',
  ...onTheDay('2026-01-27'),
  source: articleSays('Die US-Regierung dementierte den Bericht umgehend.'),
});

/** The steps of the storyline the README walks through with curl, sent there with these keys. */
export const GUARANTEES_STEPS: SeedStep[] = [openGuarantees, ftReport, usDenial];

export const SEED_STEPS: SeedStep[] = [
  ...REGISTRY,
  openGuarantees,
  claim(SEED_STORYLINES.guarantees, {
    id: SEED_CLAIMS.documentReady,
    statement:
      'Das Dokument ist zu 100 Prozent fertig, und wir warten darauf, dass unsere Partner den Termin und den Ort bestätigen, an dem wir es unterzeichnen werden.',
    claimant: mentioned('Wolodymyr Selenskyj', 'person'),
    attribution: 'on_record',
    ...onTheDay('2026-01-23'),
    source: articleTranslates(
      '«Das Dokument ist zu 100 Prozent fertig, und wir warten darauf, dass unsere Partner den Termin und den Ort bestätigen, an dem wir es unterzeichnen werden.»',
    ),
  }),
  ftReport,
  usDenial,
  storyline(
    SEED_STORYLINES.offensive,
    'Russian offensive and peace talks',
    'Russia reports territorial gains while delegations of Ukraine, Russia and the US meet in Abu Dhabi.',
    ['ukraine', 'russia', 'peace-talks'],
  ),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.localitiesCaptured,
    statement: 'Russland hat im Januar 17 Ortschaften in der Ukraine erobert.',
    claimant: mentioned('Russland', 'government'),
    attribution: 'official_statement',
    ...inJanuary2026,
    source: articleSays(
      'Russland meldete für Januar die Eroberung von 17 Ortschaften und die Kontrolle über mehr als 500 Quadratkilometer in der Ukraine.',
    ),
  }),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.areaControlled,
    statement: 'Russland hat im Januar die Kontrolle über mehr als 500 Quadratkilometer in der Ukraine übernommen.',
    claimant: mentioned('Russland', 'government'),
    attribution: 'official_statement',
    ...inJanuary2026,
    source: articleSays(
      'Russland meldete für Januar die Eroberung von 17 Ortschaften und die Kontrolle über mehr als 500 Quadratkilometer in der Ukraine.',
    ),
  }),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.withdrawalIsPeace,
    statement: 'Ein Rückzug aus dem Donbass ist der Weg zum Frieden für die Ukraine.',
    kind: 'opinion',
    claimant: mentioned('Kirill Dmitrijew', 'person'),
    attribution: 'on_record',
    ...inJanuary2026,
    source: articleTranslates('«Ein Rückzug aus dem Donbass ist der Weg zum Frieden für die Ukraine.»', 'en'),
  }),
  claim(SEED_STORYLINES.offensive, {
    id: SEED_CLAIMS.closeToMeeting,
    statement: 'Wir sind sehr nah an einem Treffen zwischen Putin und Selenskyj.',
    kind: 'prediction',
    claimant: { id: 'us-official-axios', name: 'US-Vertreter (anonym)', kind: 'anonymous' },
    reportedBy: mentioned('Axios', 'media'),
    attribution: 'anonymous',
    anonymousSourceCount: 1,
    ...inJanuary2026,
    source: articleTranslates('«Wir sind sehr nah an einem Treffen zwischen Putin und Selenskyj.»', 'en'),
  }),
  storyline(
    SEED_STORYLINES.europeanDefence,
    'European defence without the US',
    'NATO’s Secretary General says Europe cannot defend itself without US help; France’s foreign minister disagrees.',
    ['nato', 'europe'],
  ),
  claim(SEED_STORYLINES.europeanDefence, {
    id: SEED_CLAIMS.europeCannotDefend,
    statement: 'Europa kann sich nicht ohne US-Hilfe verteidigen.',
    kind: 'opinion',
    claimant: mentioned('Mark Rutte', 'person'),
    attribution: 'on_record',
    ...inJanuary2026,
    source: articleTranslates('«Wir können es nicht»', 'en'),
  }),
  development(SEED_CLAIMS.europeCannotDefend, 'contradictions', {
    by: mentioned('Jean-Noël Barrot', 'person'),
    kind: 'dispute',
    ...inJanuary2026,
    source: articleTranslates(
      '«Nein, lieber Mark Rutte. Die Europäer können und müssen ihre Sicherheit selbst in die Hand nehmen. Das ist die europäische Säule der Nato.»',
      'fr',
    ),
    note: 'Widerspruch auf X',
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
    ...inJanuary2026,
    tags: ['image-caption'],
    source: {
      ...ARTICLE,
      title: 'Bildunterschrift (polnisch) am Ende des Artikels',
      quote: IRAN_CAPTION,
      quoteLanguage: 'pl',
    },
  }),
  stakeholder(
    SEED_STORYLINES.offensive,
    SEED_PARTIES.russianGovernment,
    'a belligerent in the war',
    '2022-02-24T00:00:00Z',
  ),
];
