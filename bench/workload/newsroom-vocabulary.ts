import { Party, PartyKind } from '../../src/domain/party';

const party = (id: string, name: string, kind: PartyKind): Party => ({ id, name, kind });

export const MEDIA: Party[] = [
  party('financial-times', 'Financial Times', 'media'),
  party('reuters', 'Reuters', 'media'),
  party('associated-press', 'Associated Press', 'media'),
  party('bbc', 'BBC', 'media'),
  party('der-spiegel', 'Der Spiegel', 'media'),
  party('le-monde', 'Le Monde', 'media'),
  party('kyiv-independent', 'The Kyiv Independent', 'media'),
  party('politico-europe', 'Politico Europe', 'media'),
  party('axios', 'Axios', 'media'),
  party('tass', 'TASS', 'media'),
];

export const SPEAKERS: Party[] = [
  party('us-government', 'US government', 'government'),
  party('kremlin', 'Kremlin', 'government'),
  party('ukrainian-government', 'Ukrainian government', 'government'),
  party('german-government', 'German government', 'government'),
  party('french-government', 'French government', 'government'),
  party('european-commission', 'European Commission', 'organization'),
  party('nato', 'NATO', 'organization'),
  party('iaea', 'IAEA', 'organization'),
  party('un-ocha', 'UN OCHA', 'organization'),
  party('volodymyr-zelensky', 'Wolodymyr Selenskyj', 'person'),
  party('jean-noel-barrot', 'Jean-Noël Barrot', 'person'),
  party('dmitry-peskov', 'Dmitry Peskov', 'person'),
  party('marco-rubio', 'Marco Rubio', 'person'),
  party('kaja-kallas', 'Kaja Kallas', 'person'),
  party('mark-rutte', 'Mark Rutte', 'person'),
  party('people-familiar-with-the-talks', 'People familiar with the talks', 'anonymous'),
  party('senior-officials', 'Senior officials', 'anonymous'),
];

export const TOPICS = [
  'security guarantees',
  'ceasefire talks',
  'grain corridor',
  'prisoner exchange',
  'energy infrastructure',
  'sanctions package',
  'reconstruction fund',
  'nuclear plant safety',
  'border crossings',
  'air defence deliveries',
];

export const PLACES = ['Geneva', 'Kyiv', 'Brussels', 'Istanbul', 'Washington', 'Moscow', 'Warsaw', 'Riyadh'];

export const SUBJECTS = [
  'the agreement document',
  'the draft framework',
  'the second round of talks',
  'the monitoring mission',
  'the aid package',
  'the exchange list',
  'the repair schedule',
  'the delivery timetable',
];

export const PREDICATES = [
  'is 100 percent ready',
  'was agreed in principle last night',
  'depends on ceding the rest of the Donbass',
  'will be signed before the end of the month',
  'has been postponed indefinitely',
  'includes guarantees modelled on Article 5',
  'was never discussed with European partners',
  'covers more than 1,200 people',
  'needs approval by both parliaments',
];

export const LANGUAGES = ['en', 'de', 'fr', 'uk', 'pl', 'ru'];

export const TAGS = ['ukraine', 'usa', 'russia', 'eu', 'nato', 'energy', 'diplomacy', 'aid', 'sanctions', 'un'];

export const SUPPORT_NOTES = [
  'Second outlet confirms with its own sources',
  'Document seen by the desk',
  'Confirmed on the record at the press briefing',
];

export const CONTRADICTION_NOTES = [
  'Spokesperson calls the report false',
  'Official readout contradicts the account',
  'Satellite images do not show the described activity',
];

export const VERDICT_RATIONALES = [
  'Two independent sources and the signed document',
  'The quoted figure comes from an outdated draft',
  'The official record shows the opposite',
  'Not enough evidence either way yet',
];
