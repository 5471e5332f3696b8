import { Word } from './segments';
import { TextReading } from './text-reading';

/** Words that may stand between a verb of saying and its speaker ("sagte am Montag der Minister"). */
const MAX_SKIPPED = 3;
const MAX_PHRASE = 8;
/** Lower-case words that end like German and English adjectives: they may come before the noun. */
const ADJECTIVE_ENDING = /(e|en|er|es|em|ische|ischen|al|an|ese)$/u;

/** The speaker's phrase and its head: the name or noun that says who spoke. */
export interface SpeakerPhrase {
  words: Word[];
  /** The capitalised run the phrase names the speaker by ("Wolodymyr Selenskyj", "Regierungssprecher"). */
  head: Word[];
  pronoun: boolean;
}

const lastOf = <T>(list: readonly T[]) => list[list.length - 1];

/**
 * The speaker's phrase that starts at `from`: determiners and adjectives, then a run of capitalised
 * words (a name, a noun), and a genitive that follows it ("der Sprecher des Ministeriums").
 * A few words of time or manner before it are skipped.
 */
export function phraseFrom(
  reading: TextReading,
  from: number,
  end: number,
  bounded = false,
): SpeakerPhrase | undefined {
  const { words } = reading;
  let at = from;
  for (let skipped = 0; skipped < MAX_SKIPPED && at < end && isSkippable(reading, words[at]); skipped++) at++;
  if (at >= end || (at > from && reading.boundaryBetween(words[at - 1], words[at]))) return undefined;
  const pronoun = reading.lexicon.pronouns[words[at].lower];
  if (pronoun !== undefined) {
    return { words: [words[at]], head: [words[at]], pronoun: true };
  }
  const start = at;
  const joined = (index: number) => index === start || !reading.boundaryBetween(words[index - 1], words[index]);
  // A sentence may open with an adjective, capitalised there ("Verschiedene Parlamente").
  // A name may end like one ("Rice", "Müller"): the word is an adjective only when a name or a noun follows it.
  if (
    reading.isCapitalised(words[at]) &&
    isModifier(reading, { ...words[at], text: words[at].lower }) &&
    at + 1 < end &&
    joined(at + 1) &&
    isHeadWord(reading, words[at + 1], bounded)
  )
    at++;
  while (at < end && at - start < MAX_PHRASE && joined(at) && isModifier(reading, words[at])) at++;
  const head: Word[] = [];
  // "ai-Bericht", "verdi-Verhandlungsführer": a lower-case part joined by a hyphen to a name is part of it.
  const hyphenated = (index: number) =>
    index + 1 < end &&
    reading.text.slice(words[index].end, words[index + 1].start) === '-' &&
    isNameWord(reading, words[index + 1]);
  while (
    at < end &&
    at - start < MAX_PHRASE &&
    joined(at) &&
    (isHeadWord(reading, words[at], bounded) || hyphenated(at))
  )
    head.push(words[at++]);
  // English adjectives and nouns look alike ("the police"): the last of the words before the break is the head.
  if (head.length === 0 && bounded && !reading.lexicon.capitalisedNouns && at > start) {
    const last = words[at - 1];
    if (!reading.is.determiner.has(last.lower)) head.push(last);
  }
  if (head.length === 0) return undefined;
  const phrase = words.slice(start, at);
  const genitive = words[at];
  if (
    genitive &&
    at + 1 < end &&
    joined(at) &&
    (genitive.lower === 'des' || genitive.lower === 'der' || genitive.lower === 'von')
  ) {
    const more = phraseFrom(reading, at + 1, end);
    if (more && !more.pronoun) phrase.push(genitive, ...more.words);
  }
  return { words: phrase, head, pronoun: false };
}

/**
 * The speaker's phrase that ends just before `end` and starts after `floor` (the clause's start):
 * the capitalised run nearest the cue, with the determiners before it.
 */
export function phraseBefore(
  reading: TextReading,
  end: number,
  floor: number,
  adjacent = false,
): SpeakerPhrase | undefined {
  const { words } = reading;
  let clauseStart = end;
  while (clauseStart > floor && !reading.clauseBreakBetween(words[clauseStart - 1], words[clauseStart])) clauseStart--;
  if (clauseStart === end) clauseStart = Math.max(floor, end - 1);
  // German puts the subject first in the clause, English right before the verb: try the clause's start first.
  // A postposition ("der Meldung zufolge") takes the words right before it, whatever opens the clause.
  const first =
    !adjacent && opensWithSubject(reading, clauseStart) ? phraseFrom(reading, clauseStart, end, true) : undefined;
  if (first && first.words[0].index === clauseStart) return first;
  let at = end - 1;
  while (at >= clauseStart && !isNameWord(reading, words[at]) && !reading.lexicon.pronouns[words[at].lower]) at--;
  if (at < clauseStart) return first;
  if (reading.lexicon.pronouns[words[at].lower] && (at === end - 1 || at === clauseStart)) {
    return { words: [words[at]], head: [words[at]], pronoun: true };
  }
  let headStart = at;
  while (headStart > clauseStart && isNameWord(reading, words[headStart - 1])) headStart--;
  let phraseStart = headStart;
  while (phraseStart > clauseStart && isModifier(reading, words[phraseStart - 1])) phraseStart--;
  const head = words.slice(headStart, at + 1);
  return { words: words.slice(phraseStart, at + 1), head, pronoun: false };
}

/** A clause that opens with a preposition or an adverb ("In einem Interview", "Weiter") does not open with its subject. */
export function opensWithSubject(reading: TextReading, index: number): boolean {
  const { words, is, lexicon } = reading;
  const word = words[index];
  const next = words[index + 1];
  if (lexicon.objectDeterminers.includes(word.lower)) return false;
  if (is.determiner.has(word.lower) || lexicon.pronouns[word.lower] !== undefined) return true;
  if (/^\d+$/.test(word.text) || lexicon.numberWords[word.lower] !== undefined) return true;
  if (!reading.isCapitalised(word)) return false;
  if (!reading.isNotName(word)) return true;
  // "Auch die Ministerin sagte", "Verschiedene Parlamente fordern": a filler or an adjective before the subject.
  if (!next) return false;
  if (is.filler.has(word.lower))
    return is.determiner.has(next.lower) && !lexicon.objectDeterminers.includes(next.lower);
  return isModifier(reading, { ...word, text: word.lower }) && reading.isCapitalised(next) && !reading.isNotName(next);
}

function isNameWord(reading: TextReading, word: Word): boolean {
  return reading.isCapitalised(word) && !reading.isNotName(word) && reading.quotationOf(word) === undefined;
}

/**
 * A word of the phrase's head: a capitalised word that can be a name; in a language that does not
 * capitalise nouns, within a stretch that ends at the verb ("the ministry said"), any content word.
 */
function isHeadWord(reading: TextReading, word: Word, bounded: boolean): boolean {
  if (isNameWord(reading, word)) return true;
  if (!bounded || reading.lexicon.capitalisedNouns || reading.isCapitalised(word) || reading.quotationOf(word))
    return false;
  const { is, lexicon } = reading;
  return (
    word.lower.length > 2 &&
    !is.notName.has(word.lower) &&
    !is.filler.has(word.lower) &&
    !is.speech.has(word.lower) &&
    !is.complementizer.has(word.lower) &&
    !lexicon.objectDeterminers.includes(word.lower) &&
    lexicon.pronouns[word.lower] === undefined
  );
}

function isModifier(reading: TextReading, word: Word): boolean {
  if (reading.is.determiner.has(word.lower)) return true;
  if (/^\d+$/.test(word.text) || reading.lexicon.numberWords[word.lower] !== undefined) return true;
  // "Über Steve Fossett sagte Branson": a preposition ends like an adjective but opens no subject.
  return (
    !reading.is.preposition.has(word.lower) &&
    !reading.isCapitalised(word) &&
    ADJECTIVE_ENDING.test(word.lower) &&
    word.lower.length > 3 &&
    !reading.is.speech.has(word.lower)
  );
}

function isSkippable(reading: TextReading, word: Word): boolean {
  return reading.is.filler.has(word.lower);
}

/**
 * The subject of a clause from `start` to `end`, by word order alone: the phrase it opens with when that
 * is one ("Der Bundespräsident konstatierte"); else, after the first phrase and the verb in second
 * place, the phrase that follows ("Dabei griff sie", "Hier sparte der Bundespräsident").
 */
export function subjectOf(reading: TextReading, start: number, end: number): SpeakerPhrase | undefined {
  const { words } = reading;
  if (start >= end) return undefined;
  if (opensWithSubject(reading, start)) {
    const opening = phraseFrom(reading, start, end);
    const next = opening ? words[lastOf(opening.words).index + 1] : undefined;
    if (opening && opening.words[0].index === start && next && !reading.isCapitalised(next)) return opening;
  }
  // A one-word opening (an adverb: "Dabei", "Hier"), the verb, then the subject.
  const at = start + 1;
  if (!reading.isNotName(words[start]) || at >= end || reading.isCapitalised(words[at])) return undefined;
  // "Bei seinem Besuch …" opens with a prepositional phrase, not an adverb: its second word is no verb.
  if (reading.is.determiner.has(words[at].lower) || reading.lexicon.objectDeterminers.includes(words[at].lower))
    return undefined;
  // "Beim letzten Hochwasser …": nor is an opening preposition, whatever follows it.
  if (reading.is.preposition.has(words[start].lower)) return undefined;
  if (at + 1 >= end || reading.boundaryBetween(words[at], words[at + 1])) return undefined;
  const subject = phraseFrom(reading, at + 1, end);
  if (!subject || reading.lexicon.objectDeterminers.includes(subject.words[0].lower)) return undefined;
  return subject;
}

/**
 * "Der Hilferuf erfolgte …", "Die Höhe der Gebühren beträgt …": an article and one common noun is a
 * thing, not someone who speaks, unless the noun is a role, an institution or an outlet.
 */
export function speakerLike(reading: TextReading, subject: SpeakerPhrase): boolean {
  if (subject.head.length > 1 || !reading.is.determiner.has(subject.words[0].lower)) return true;
  const noun = subject.head[0].lower;
  const { roleNouns, institutionWords, mediaWords, anonymousSourceNouns } = reading.lexicon;
  return [...roleNouns, ...institutionWords, ...mediaWords, ...anonymousSourceNouns].some((word) =>
    noun.endsWith(word),
  );
}
