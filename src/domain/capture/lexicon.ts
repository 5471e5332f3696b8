import { PartyKind } from '../party/party-mention';
import de from './lexicons/de.json';
import en from './lexicons/en.json';

/**
 * What the rules know of one language, as data: a new language is a new file in lexicons/ and a line
 * in LEXICONS. Words are lower case; a phrase is words separated by single spaces. The German cue
 * lists were counted on annotated news (which words introduce quotations there) and then read through.
 */
export interface Lexicon {
  language: string;
  /** The Unicode script the language is written in ("Latin"): a text mostly in another is not in this language. */
  script: string;
  /** German capitalises every noun, so a speaker's head is a capitalised word; English only names. */
  capitalisedNouns: boolean;
  /** Frequent words of the language, to tell which one a text is in. */
  commonWords: string[];
  /** Pairs of marks, each an opening mark and the closing mark that ends it ("„“", "»«"). */
  quotationMarks: string[];
  /** Verbs of saying, in the inflected forms the rules recognise: the cue, with the speaker beside it. */
  speechVerbs: string[];
  /**
   * Verbs of saying that report no claim by themselves, counted on annotated news ("kritisierte die
   * Pläne"): they introduce a quotation or a clause of reported speech, never a reported sentence alone.
   */
  unreportingVerbs: string[];
  /** Verbs that take reported speech without a conjunction or a comma ("said the talks had collapsed"). */
  clauseVerbs: string[];
  /** Phrases of saying that open with their verb ("geht davon aus"): the cue, as the verbs are. */
  speechPhrases: string[];
  /** Verbs of quoting ("zitiert"): the one quoted is the speaker, not the outlet that quotes them. */
  quotingVerbs: string[];
  /** Of those, the ones that deny or dispute what another said: a contradiction. */
  denialVerbs: string[];
  /** The ones that confirm what another said: a support. */
  confirmationVerbs: string[];
  /** The ones that take back what the speaker said before: a retraction. */
  retractionVerbs: string[];
  /** The ones an outlet reports with ("berichtete"). */
  reportVerbs: string[];
  /** Before the speaker: "laut X", "according to X". */
  sourceBefore: string[];
  /** After the speaker: "X zufolge". */
  sourceAfter: string[];
  /** "nach" + a noun of sourceNouns + the speaker: "nach Angaben der Polizei". */
  sourceNounPrepositions: string[];
  sourceNouns: string[];
  /** "Im Bericht heißt es": the prepositions that name the text an unattributed phrase quotes from. */
  documentPrepositions: string[];
  /** Pronouns that open a sentence and stand for the one before: "Dies" in "Dies bestätigte der Minister." */
  anaphora: string[];
  /** The words after a source noun that lead to its source: "der" in "Angaben der Polizei", "von". */
  sourceLinks: string[];
  /** Compounds ending so are source nouns too ("Polizeiangaben"). */
  sourceNounSuffixes: string[];
  /** Verb forms that mark speech as reported (the German Konjunktiv: "sei", "habe"): the speaker is the one last named. */
  reportedSpeechMarkers: string[];
  /**
   * Modals that report an allegation when the clause ends in a perfect infinitive ("soll … geholfen
   * haben", "soll … gewesen sein"): reported speech as the Konjunktiv is.
   */
  allegationModals: string[];
  allegationInfinitives: string[];
  /** Phrases that say the sentence is reported by the speaker named before: "demnach", "wonach". */
  reportedSpeechPhrases: string[];
  /** Phrases that report without naming anyone: "heißt es", "reportedly". */
  unattributedPhrases: string[];
  /** Words that begin reported speech after its cue: "dass", "that". */
  complementizers: string[];
  /** Phrases that introduce sources left unnamed: "unter Berufung auf", "citing". */
  citingPhrases: string[];
  /** Nouns of people left unnamed ("Personen", "officials"): with a number they count the sources. */
  anonymousSourceNouns: string[];
  /** Phrases that say the speaker is not named: "on condition of anonymity". */
  anonymityPhrases: string[];
  /** Auxiliaries of the passive ("wurde vorgeworfen"): the speaker is only the agent named after agentPrepositions. */
  passiveAuxiliaries: string[];
  /** "…, wie EADS mitteilte": words that open a clause of saying with its own subject, no verb shared with the sentence. */
  asConjunctions: string[];
  /** Finite auxiliaries of the perfect ("…, hatte Obama gesagt"): a clause opening with one has its subject next. */
  perfectAuxiliaries: string[];
  agentPrepositions: string[];
  /** Prepositions: a noun after one ("während seiner Amtszeit", "für die Rückgabe") is no subject. */
  prepositions: string[];
  /** "Ein Vertreter" after "US-Vertreter": an indefinite article before a noun named before refers back to it. */
  indefiniteDeterminers: string[];
  /** Articles and possessives that may begin the speaker's phrase. */
  determiners: string[];
  /** Articles of an object, never of a subject ("dem", "einem"): a phrase they begin after the verb is not its speaker. */
  objectDeterminers: string[];
  /** Articles that open a clause only as its subject ("der", "ein"): a pronoun after the verb is then an object. */
  subjectDeterminers: string[];
  /** Pronouns that may be an object as well as a subject ("sie"). */
  objectPronouns: string[];
  /** Personal pronouns that stand for a speaker named before, and the kind of party they stand for. */
  pronouns: Record<string, PartyKind>;
  numberWords: Record<string, number>;
  /** Capitalised words that are never a speaker's name: articles, pronouns, days, months. */
  notNames: string[];
  /**
   * Words that are capitalised only where they open a sentence (counted on news text: prepositions,
   * adverbs and adjectives seen there, and lower case inside sentences); inside one, capitalised, they
   * may be a name ("Nico Lange").
   */
  sentenceOpeners: string[];
  /** Words that may stand between a verb of saying and its speaker ("erklärte am Montag der Minister"). */
  fillers: string[];
  /** Titles and roles before a name ("Präsident", "spokesman"): a speaker's phrase, not their name. */
  roleNouns: string[];
  /** Words that make a speaker a government or an organisation. */
  institutionWords: string[];
  /** Words that make a speaker an outlet. */
  mediaWords: string[];
}

export const LEXICONS: Readonly<Record<string, Lexicon>> = {
  de: de as Lexicon,
  en: en as Lexicon,
};

/** BCP 47 for a language not determined: the text is in none of the languages with a lexicon, or too short to tell. */
export const UNDETERMINED = 'und';

/**
 * The language whose common words the text uses most, among those whose script holds most of its
 * letters; undetermined when none does or no common word is found (a Russian or an Arabic text, a
 * name alone): its words would be read by the rules of a language it is not in.
 */
export function detectLanguage(text: string, words: readonly string[]): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  let best = UNDETERMINED;
  let bestCount = 0;
  for (const lexicon of Object.values(LEXICONS)) {
    const written = text.match(scriptPattern(lexicon.script))?.length ?? 0;
    if (written * 2 <= letters) continue;
    const common = new Set(lexicon.commonWords);
    let count = 0;
    for (const word of words) if (common.has(word.toLowerCase())) count++;
    if (count > bestCount) {
      best = lexicon.language;
      bestCount = count;
    }
  }
  return best;
}

const scriptPatterns = new Map<string, RegExp>();

function scriptPattern(script: string): RegExp {
  let pattern = scriptPatterns.get(script);
  if (!pattern) {
    pattern = new RegExp(`\\p{Script=${script}}`, 'gu');
    scriptPatterns.set(script, pattern);
  }
  return pattern;
}
