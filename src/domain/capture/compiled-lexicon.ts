import { Lexicon } from './lexicon';

/** A lexicon's word lists as sets, to look words up in. */
export interface WordSets {
  speech: Set<string>;
  denial: Set<string>;
  confirmation: Set<string>;
  retraction: Set<string>;
  sourceAfter: Set<string>;
  sourceNounPreposition: Set<string>;
  sourceNoun: Set<string>;
  sourceLink: Set<string>;
  marker: Set<string>;
  complementizer: Set<string>;
  determiner: Set<string>;
  notName: Set<string>;
  opener: Set<string>;
  filler: Set<string>;
  quoting: Set<string>;
  role: Set<string>;
  anonymousNoun: Set<string>;
  preposition: Set<string>;
}

/** Phrases by their first word, each as its words. */
export type PhraseSet = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

export interface PhraseSets {
  sourceBefore: PhraseSet;
  unattributed: PhraseSet;
  reported: PhraseSet;
  speech: PhraseSet;
  citing: PhraseSet;
  anonymity: PhraseSet;
}

export interface CompiledLexicon {
  is: WordSets;
  phrases: PhraseSets;
}

function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    byFirst.set(parts[0], [...(byFirst.get(parts[0]) ?? []), parts]);
  }
  // The longest first, so "ging davon aus" wins over a shorter phrase that starts alike.
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

/** The sets of a lexicon, made once for each lexicon. */
export function compile(lexicon: Lexicon): CompiledLexicon {
  let result = compiled.get(lexicon);
  if (result) return result;
  const set = (list: readonly string[]) => new Set(list);
  result = {
    is: {
      speech: set([
        ...lexicon.speechVerbs,
        ...lexicon.quotingVerbs,
        ...lexicon.denialVerbs,
        ...lexicon.confirmationVerbs,
        ...lexicon.retractionVerbs,
        ...lexicon.reportVerbs,
      ]),
      denial: set(lexicon.denialVerbs),
      confirmation: set(lexicon.confirmationVerbs),
      retraction: set(lexicon.retractionVerbs),
      sourceAfter: set(lexicon.sourceAfter),
      sourceNounPreposition: set(lexicon.sourceNounPrepositions),
      sourceNoun: set(lexicon.sourceNouns),
      sourceLink: set(lexicon.sourceLinks),
      marker: set(lexicon.reportedSpeechMarkers),
      complementizer: set(lexicon.complementizers),
      determiner: set(lexicon.determiners),
      notName: set(lexicon.notNames),
      opener: set(lexicon.sentenceOpeners),
      filler: set(lexicon.fillers),
      quoting: set(lexicon.quotingVerbs),
      role: set(lexicon.roleNouns),
      anonymousNoun: set(lexicon.anonymousSourceNouns),
      preposition: set(lexicon.prepositions),
    },
    phrases: {
      sourceBefore: phraseSet(lexicon.sourceBefore),
      unattributed: phraseSet(lexicon.unattributedPhrases),
      reported: phraseSet(lexicon.reportedSpeechPhrases),
      speech: phraseSet(lexicon.speechPhrases),
      citing: phraseSet(lexicon.citingPhrases),
      anonymity: phraseSet(lexicon.anonymityPhrases),
    },
  };
  compiled.set(lexicon, result);
  return result;
}
