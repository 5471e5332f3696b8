import de from './lexicons/de.json';
import en from './lexicons/en.json';

/**
 * What the rules know of one language, as data: a new language is a new file in lexicons/ and a line
 * in LEXICONS. Words are lower case; a cue may be several words ("unter Berufung auf").
 */
export interface Lexicon {
  language: string;
  /** Frequent words of the language, to tell which one a text is in. */
  commonWords: string[];
  /** Pairs of marks, each an opening mark and the closing mark that ends it ("„“", "»«"). */
  quotationMarks: string[];
  /** Verbs and nouns of saying, in any inflected form the rules should recognise. */
  speechCues: string[];
  /** Cues that deny or dispute what another said: a contradiction. */
  denialCues: string[];
  /** Cues that confirm what another said: a support. */
  confirmationCues: string[];
  /** Cues that take back what the speaker said before: a retraction. */
  retractionCues: string[];
  /** Cues that report, said of an outlet ("berichtete"): the outlet is reportedBy. */
  reportCues: string[];
  /** Prepositions of attribution before the speaker ("laut", "according to"). */
  sourcePrepositionsBefore: string[];
  /** Postpositions of attribution after the speaker ("zufolge"). */
  sourcePrepositionsAfter: string[];
  /** Phrases that introduce sources that go unnamed ("unter Berufung auf"). */
  citingPhrases: string[];
  /** Nouns of people left unnamed ("Personen", "officials"): with a number they count anonymous sources. */
  anonymousSourceNouns: string[];
  /** Phrases that say a speaker was not named ("on condition of anonymity"). */
  anonymityPhrases: string[];
  /** Words before "that" of reported speech ("dass", "that"). */
  complementizers: string[];
  /** Personal pronouns that can stand for a speaker. */
  pronouns: string[];
  /** Number words up to twenty and beyond as the language writes them. */
  numberWords: Record<string, number>;
  /** Capitalised words that never begin a name (articles, sentence openers). */
  notNames: string[];
  /** Role words that name a speaker without a name ("Sprecher", "spokesman"). */
  roleNouns: string[];
  /** Words naming a government or an organisation as speaker ("Regierung", "ministry"). */
  institutionWords: string[];
  /** Outlets' words ("Zeitung", "newspaper"): a speaker with one is media. */
  mediaWords: string[];
}

export const LEXICONS: Readonly<Record<string, Lexicon>> = { de, en };

export const DEFAULT_LANGUAGE = 'de';

/** The language whose common words the text uses most; the default when none is found. */
export function detectLanguage(words: readonly string[]): string {
  let best = DEFAULT_LANGUAGE;
  let bestCount = 0;
  for (const lexicon of Object.values(LEXICONS)) {
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
