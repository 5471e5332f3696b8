import { Word } from './segments';
import { phraseBefore, phraseFrom, SpeakerPhrase } from './speaker-phrase';
import { TextReading, Unit } from './text-reading';

export type CueKind =
  | 'source-before'
  | 'source-after'
  | 'source-noun'
  | 'speech-verb'
  | 'so'
  | 'reported-phrase'
  | 'reported-form';

/** What introduces a claim in a unit: the cue's words and, when the text names one there, the speaker's phrase. */
export interface Cue {
  kind: CueKind;
  words: Word[];
  speaker?: SpeakerPhrase;
}

/** Cues that name their speaker beside them come first; reported forms and phrases lean on the speaker named before. */
const EXPLICIT: CueKind[] = ['source-before', 'source-after', 'source-noun', 'speech-verb', 'so'];

/** The cue of a unit, from the words outside its quotations: the first that names a speaker, else the first at all. */
export function cueOf(reading: TextReading, unit: Unit): Cue | undefined {
  let fallback: Cue | undefined;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    const word = reading.words[index];
    if (reading.quotationOf(word)) continue;
    const cue = cueAt(reading, unit, index);
    if (!cue) continue;
    if (EXPLICIT.includes(cue.kind) && cue.speaker) return cue;
    fallback ??= cue;
  }
  return fallback;
}

function cueAt(reading: TextReading, unit: Unit, index: number): Cue | undefined {
  const { words, is, lexicon } = reading;
  const word = words[index];
  const end = unit.endWord;
  for (const phrase of lexicon.sourceBefore) {
    if (reading.phraseAt(index, phrase)) {
      const length = phrase.split(' ').length;
      return { kind: 'source-before', words: words.slice(index, index + length), speaker: phraseFrom(reading, index + length, end) };
    }
  }
  if (is.sourceAfter.has(word.lower)) {
    return { kind: 'source-after', words: [word], speaker: phraseBefore(reading, index, unit.firstWord) };
  }
  if (is.sourceNounPreposition.has(word.lower)) {
    for (let at = index + 1; at <= index + 3 && at < end; at++) {
      if (reading.boundaryBetween(words[at - 1], words[at])) break;
      if (isSourceNoun(reading, words[at])) {
        let from = at + 1;
        if (words[from]?.lower === 'von') from++;
        return { kind: 'source-noun', words: words.slice(index, at + 1), speaker: phraseFrom(reading, from, end) };
      }
    }
  }
  for (const phrase of lexicon.reportedSpeechPhrases) {
    if (reading.phraseAt(index, phrase)) {
      return { kind: 'reported-phrase', words: words.slice(index, index + phrase.split(' ').length) };
    }
  }
  if (is.speech.has(word.lower)) return { kind: 'speech-verb', words: [word], speaker: speakerOfVerb(reading, unit, index) };
  if (word.lower === 'so' && index > unit.firstWord && /,\s*$/.test(reading.text.slice(words[index - 1].end, word.start))) {
    const speaker = phraseFrom(reading, index + 1, end);
    if (speaker) return { kind: 'so', words: [word], speaker };
  }
  if (is.marker.has(word.lower)) return { kind: 'reported-form', words: [word] };
  return undefined;
}

function isSourceNoun(reading: TextReading, word: Word): boolean {
  if (reading.is.sourceNoun.has(word.lower)) return true;
  return reading.lexicon.sourceNounSuffixes.some((suffix) => word.lower.endsWith(suffix));
}

/**
 * The speaker of a verb of saying: after it when the verb opens its clause or a name or article follows
 * (", sagte der Minister", "sagte Merkel"), before it otherwise ("Der Minister sagte").
 */
function speakerOfVerb(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const { words } = reading;
  const next = words[index + 1];
  const opensClause = index === unit.firstWord || reading.boundaryBetween(words[index - 1], words[index]);
  const joinedNext = next !== undefined && index + 1 < unit.endWord && !reading.boundaryBetween(words[index], next);
  const after = joinedNext ? phraseFrom(reading, index + 1, unit.endWord) : undefined;
  if (after && (opensClause || after.pronoun || reading.is.determiner.has(next.lower) || after.words[0] === after.head[0])) {
    return after;
  }
  return phraseBefore(reading, index, unit.firstWord) ?? after;
}
