import { Word } from './segments';
import { opensWithSubject, phraseBefore, phraseFrom, SpeakerPhrase, speakerLike, subjectOf } from './speaker-phrase';
import { TextReading, Unit } from './text-reading';

export type CueKind =
  | 'source-before'
  | 'source-after'
  | 'source-noun'
  | 'speech-verb'
  | 'so'
  | 'reported-phrase'
  | 'unattributed-phrase'
  | 'reported-form'
  | 'allegation';

/** What introduces a claim in a unit: the cue's words and, when the text names one there, the speaker's phrase. */
export interface Cue {
  kind: CueKind;
  words: Word[];
  speaker?: SpeakerPhrase;
  /** A verb of saying in the passive with no agent ("wurde vorgeworfen", "Kritisiert wird"): nobody is named. */
  agentless?: boolean;
}

/** Cues that name their speaker beside them come first; reported forms and phrases lean on the speaker named before. */
const EXPLICIT: CueKind[] = ['source-before', 'source-after', 'source-noun', 'speech-verb', 'so'];

/**
 * The cue of a unit, from the words outside its quotations: the first that names its speaker beside
 * it; else a phrase that names no one ("heißt es"); else the first reported form with the subject of
 * its sentence; else the first cue at all.
 */
export function cueOf(reading: TextReading, unit: Unit): Cue | undefined {
  let best: Cue | undefined;
  let bestRank = 0;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    if (reading.quotationOf(reading.words[index])) continue;
    const cue = cueAt(reading, unit, index);
    if (!cue) continue;
    const rank = rankOf(cue);
    if (rank === MAX_RANK) return cue;
    if (rank > bestRank) [best, bestRank] = [cue, rank];
  }
  return best;
}

const MAX_RANK = 4;

function rankOf(cue: Cue): number {
  if (EXPLICIT.includes(cue.kind) && cue.speaker) return MAX_RANK;
  if (cue.kind === 'unattributed-phrase') return 3;
  if (cue.speaker) return 2;
  return 1;
}

function cueAt(reading: TextReading, unit: Unit, index: number): Cue | undefined {
  const { words, is } = reading;
  const word = words[index];
  const end = unit.endWord;
  const before = reading.phraseAt(index, 'sourceBefore');
  if (before > 0) {
    const speaker = phraseFrom(reading, index + before, end, true);
    return { kind: 'source-before', words: words.slice(index, index + before), speaker };
  }
  if (is.sourceAfter.has(word.lower)) {
    return { kind: 'source-after', words: [word], speaker: phraseBefore(reading, index, unit.firstWord, true) };
  }
  if (is.sourceNounPreposition.has(word.lower)) {
    for (let at = index + 1; at <= index + 3 && at < end; at++) {
      if (reading.boundaryBetween(words[at - 1], words[at])) break;
      if (isSourceNoun(reading, words[at])) {
        const cueWords = words.slice(index, at + 1);
        if (!namesItsSource(reading, at, end)) {
          // "Nach Polizeiangaben", "nach eigenen Angaben": the noun is all the text says of the source.
          return {
            kind: 'source-noun',
            words: cueWords,
            speaker: { words: words.slice(index + 1, at + 1), head: [words[at]], pronoun: false },
          };
        }
        let from = at + 1;
        if (words[from]?.lower === 'von') from++;
        return { kind: 'source-noun', words: cueWords, speaker: phraseFrom(reading, from, end) };
      }
    }
  }
  const unattributed = reading.phraseAt(index, 'unattributed');
  if (unattributed > 0) {
    const speaker = documentBefore(reading, unit, index) ?? documentAfter(reading, unit, index + unattributed);
    return { kind: 'unattributed-phrase', words: words.slice(index, index + unattributed), speaker };
  }
  const reported = reading.phraseAt(index, 'reported');
  if (reported > 0) {
    const speaker = sourceNamedBefore(reading, unit, index);
    return { kind: 'reported-phrase', words: words.slice(index, index + reported), speaker };
  }
  const spoken = reading.phraseAt(index, 'speech');
  if (spoken > 0) return speechCue(reading, unit, index, words.slice(index, index + spoken));
  if (is.speech.has(word.lower)) return speechCue(reading, unit, index, [word]);
  if (
    word.lower === 'so' &&
    index > unit.firstWord &&
    /,\s*$/.test(reading.text.slice(words[index - 1].end, word.start))
  ) {
    const speaker = phraseFrom(reading, index + 1, end);
    if (speaker) return { kind: 'so', words: [word], speaker };
  }
  if (is.marker.has(word.lower))
    return { kind: 'reported-form', words: [word], speaker: speakerOfReportedForm(reading, unit, index) };
  if (isAllegation(reading, unit, index))
    return { kind: 'allegation', words: [word], speaker: speakerOfReportedForm(reading, unit, index) };
  return undefined;
}

function speechCue(reading: TextReading, unit: Unit, index: number, cueWords: Word[]): Cue {
  const speaker = speakerOfVerb(reading, unit, index);
  if (speaker) return { kind: 'speech-verb', words: cueWords, speaker };
  const { words } = reading;
  let clauseStart = index;
  while (clauseStart > unit.firstWord && !reading.clauseBreakBetween(words[clauseStart - 1], words[clauseStart]))
    clauseStart--;
  const agentless = isPassive(reading, clauseStart, index) || auxiliaryFollows(reading, unit, index);
  return { kind: 'speech-verb', words: cueWords, ...(agentless ? { agentless } : {}) };
}

/** "Er soll den Männern geholfen haben": a modal of allegation with a perfect infinitive closing its clause. */
function isAllegation(reading: TextReading, unit: Unit, index: number): boolean {
  const { words, lexicon } = reading;
  if (!lexicon.allegationModals.includes(words[index].lower)) return false;
  for (let at = index + 1; at < unit.endWord; at++) {
    const closes = at + 1 === unit.endWord || reading.clauseBreakBetween(words[at], words[at + 1]);
    if (closes) return lexicon.allegationInfinitives.includes(words[at].lower);
  }
  return false;
}

/** "Ein Bericht der Financial Times …: Die Regierung soll demnach …": the source a noun before the cue names. */
function sourceNamedBefore(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  for (let at = index - 1; at >= unit.firstWord; at--) {
    if (!isSourceNoun(reading, reading.words[at])) continue;
    const phrase = phraseFrom(reading, at + 1, index);
    if (phrase && !phrase.pronoun && reading.is.determiner.has(phrase.words[0].lower)) return phrase;
  }
  return undefined;
}

/** A source noun names its source after it by a genitive or "von" ("Angaben der Polizei", "Angaben Gordons"). */
function namesItsSource(reading: TextReading, noun: number, end: number): boolean {
  const next = reading.words[noun + 1];
  if (!next || noun + 1 >= end || reading.boundaryBetween(reading.words[noun], next)) return false;
  return reading.is.sourceLink.has(next.lower) || reading.isCapitalised(next);
}

/** "Im Bericht heißt es": the text an unattributed phrase quotes from, when the unit opens with it. */
function documentBefore(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const first = reading.words[unit.firstWord];
  if (!reading.lexicon.documentPrepositions.includes(first.lower) || index < unit.firstWord + 2) return undefined;
  const phrase = phraseFrom(reading, unit.firstWord + 1, index);
  return phrase && !phrase.pronoun ? phrase : undefined;
}

/** "…, heißt es in dem Bericht", "hieß es bei der Agentur": the text or source named right after an unattributed phrase. */
function documentAfter(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const { words } = reading;
  const preposition = words[index];
  if (index + 1 >= unit.endWord || reading.boundaryBetween(words[index - 1], preposition)) return undefined;
  if (!reading.lexicon.documentPrepositions.includes(preposition.lower)) return undefined;
  const phrase = phraseFrom(reading, index + 1, unit.endWord);
  return phrase && !phrase.pronoun && phrase.words[0].index === index + 1 ? phrase : undefined;
}

function isSourceNoun(reading: TextReading, word: Word): boolean {
  if (reading.is.sourceNoun.has(word.lower)) return true;
  return reading.lexicon.sourceNounSuffixes.some((suffix) => word.lower.endsWith(suffix));
}

/**
 * The speaker of a verb of saying, by German and English word order: a clause that opens with the
 * verb has its speaker after it (", sagte der Minister"); one that opens with its subject has it there
 * ("Der Minister sagte", "Er erklärte"); one that opens with anything else has the subject after the
 * verb in second place ("Am Montag sagte der Minister"). Objects ("sagte dem Sender") are not speakers.
 */
function speakerOfVerb(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const { words } = reading;
  let clauseStart = index;
  while (clauseStart > unit.firstWord && !reading.clauseBreakBetween(words[clauseStart - 1], words[clauseStart]))
    clauseStart--;
  const after = () => {
    const next = words[index + 1];
    if (!next || index + 1 >= unit.endWord || reading.boundaryBetween(words[index], next)) return undefined;
    const phrase = phraseFrom(reading, index + 1, unit.endWord);
    return phrase && !reading.lexicon.objectDeterminers.includes(phrase.words[0].lower) ? phrase : undefined;
  };
  // "Die Haltung der PKK bezeichnete er als …": a pronoun right after the verb is its subject, whatever comes first.
  const next = words[index + 1];
  if (
    clauseStart < index &&
    next &&
    index + 1 < unit.endWord &&
    reading.lexicon.pronouns[next.lower] !== undefined &&
    !reading.boundaryBetween(words[index], next) &&
    !objectPronounAfterSubject(reading, clauseStart, next)
  ) {
    return { words: [next], head: [next], pronoun: true };
  }
  if (reading.is.quoting.has(words[index].lower)) {
    const quoted = quotedOf(reading, unit, clauseStart, index);
    if (quoted) return quoted;
  }
  const opening = openingSubject(reading, unit);
  // "Der NDR, der …, begründete": the subject, then a clause set off by commas, then the verb.
  if (clauseStart === index) {
    if (opening?.setOff) return opening.phrase;
    return appositionBefore(reading, unit, index) ?? nameBeforeRole(reading, unit, index) ?? after();
  }
  if (isPassive(reading, clauseStart, index) || auxiliaryFollows(reading, unit, index))
    return agentOf(reading, clauseStart, unit.endWord);
  // "Es drohe ein Wettlauf, hatte Obama in Moskau gesagt": an auxiliary first, its subject next, the verb last.
  if (reading.lexicon.perfectAuxiliaries.includes(words[clauseStart].lower) && clauseStart + 1 < index) {
    const subject = phraseFrom(reading, clauseStart + 1, index);
    if (subject && subject.words[0].index === clauseStart + 1 && !subject.pronoun) return subject;
  }
  // "…, nimmt sie in Schutz und warnt": a clause that opens with its verb shares the sentence's subject.
  // "…, wie EADS gestern mitteilte": "wie" opens a clause of its own subject, not a verb.
  if (
    !reading.isCapitalised(words[clauseStart]) &&
    !reading.is.determiner.has(words[clauseStart].lower) &&
    !reading.lexicon.asConjunctions.includes(words[clauseStart].lower)
  ) {
    if (!reading.lexicon.pronouns[words[clauseStart].lower] && opening) return opening.phrase;
  }
  if (opensWithSubject(reading, clauseStart)) {
    const first = phraseFrom(reading, clauseStart, index, true);
    // "Empört sagt er": one bare word before the verb and a pronoun or article after it is an adverb first.
    const adverbFirst =
      first?.words.length === 1 && words[index - 1] === first.words[0] && startsSubject(reading, words[index + 1]);
    // "Eine Verschiebung bezeichnete Conze als fatal": a thing first, then the verb and a name, is an object first.
    if (
      first &&
      !adverbFirst &&
      !speakerLike(reading, first) &&
      index + 1 < unit.endWord &&
      reading.isCapitalised(words[index + 1]) &&
      !reading.is.determiner.has(words[index + 1].lower)
    ) {
      const following = after();
      if (following && !following.pronoun && following.words[0].index === index + 1) return following;
    }
    // "Wie der Minister erklärte", "Auch die Ministerin sagte": only fillers may come before the subject.
    if (first && !adverbFirst) return first;
  }
  // "Dabei griff sie", "Hier sparte der Minister": an adverb, the verb, the subject; after a longer opening
  // ("Bereits während seiner Amtszeit warnte Kluncker") the word second is no verb and the subject follows the cue.
  const second = subjectOf(reading, clauseStart, unit.endWord);
  const secondIsVerb =
    second !== undefined && (second.pronoun || clauseStart + 1 === index || second.words[0].index > index);
  const found =
    (secondIsVerb ? second : undefined) ??
    (startsSubject(reading, words[index + 1]) ? after() : undefined) ??
    subjectAfterFiniteVerb(reading, clauseStart, index) ??
    after() ??
    second ??
    phraseBefore(reading, index, unit.firstWord);
  // "Bereits während seiner Amtszeit warnte Kluncker": a noun after a preposition is no subject; the one after the verb is.
  return found && found.words[0].index < index && afterPreposition(reading, found) ? (after() ?? found) : found;
}

function afterPreposition(reading: TextReading, phrase: SpeakerPhrase): boolean {
  const before = reading.words[phrase.words[0].index - 1];
  return before !== undefined && reading.is.preposition.has(before.lower);
}

/**
 * "Ein Sender zitierte Papandreou mit den Worten", "Platter wird von Reuters mit den Worten zitiert",
 * "wie Hoyzer von Spiegel-Online zitiert wird": the one quoted is the object, or the subject of the passive.
 */
function quotedOf(reading: TextReading, unit: Unit, clauseStart: number, index: number): SpeakerPhrase | undefined {
  const { words, lexicon } = reading;
  const next = words[index + 1];
  const passive =
    isPassive(reading, clauseStart, index) ||
    (next !== undefined && index + 1 < unit.endWord && lexicon.passiveAuxiliaries.includes(next.lower));
  if (!passive) return index + 1 < unit.endWord ? phraseFrom(reading, index + 1, unit.endWord) : undefined;
  for (let at = clauseStart; at < index; at++) {
    if (lexicon.agentPrepositions.includes(words[at].lower)) break;
    // "In der Meldung wird Musk zitiert": the noun after a preposition is where, not who.
    if (reading.is.preposition.has(words[at].lower)) {
      const place = phraseFrom(reading, at + 1, index);
      if (place) at = place.words[place.words.length - 1].index;
      continue;
    }
    const phrase = phraseFrom(reading, at, index, true);
    if (phrase && !lexicon.passiveAuxiliaries.includes(words[at].lower)) return phrase;
  }
  return undefined;
}

/** "In einem Interview hat er erklärt": after an opening phrase, the subject follows the finite verb before the cue. */
function subjectAfterFiniteVerb(
  reading: TextReading,
  clauseStart: number,
  cueIndex: number,
): SpeakerPhrase | undefined {
  const { words, is } = reading;
  for (let at = clauseStart + 2; at < cueIndex; at++) {
    const verb = words[at - 1];
    if (
      reading.isCapitalised(verb) ||
      is.determiner.has(verb.lower) ||
      is.preposition.has(verb.lower) ||
      !startsSubject(reading, words[at])
    )
      continue;
    const phrase = phraseFrom(reading, at, cueIndex);
    if (phrase && phrase.words[0].index === at) return phrase;
  }
  return undefined;
}

function startsSubject(reading: TextReading, word: Word | undefined): boolean {
  if (!word) return false;
  const { lexicon, is } = reading;
  return (
    lexicon.pronouns[word.lower] !== undefined ||
    (is.determiner.has(word.lower) && !lexicon.objectDeterminers.includes(word.lower))
  );
}

/** "Kritisiert wird, dass …", "weil berichtet wurde": the auxiliary of the passive right after the verb. */
function auxiliaryFollows(reading: TextReading, unit: Unit, index: number): boolean {
  const next = reading.words[index + 1];
  if (!next || index + 1 >= unit.endWord || reading.boundaryBetween(reading.words[index], next)) return false;
  return reading.lexicon.passiveAuxiliaries.includes(next.lower);
}

function isPassive(reading: TextReading, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    if (reading.lexicon.passiveAuxiliaries.includes(reading.words[index].lower)) return true;
  }
  return false;
}

/** "von der Polizei bestätigt": the agent of a passive, when the clause names one. */
function agentOf(reading: TextReading, from: number, end: number): SpeakerPhrase | undefined {
  for (let index = from; index < end - 1; index++) {
    if (reading.boundaryBetween(reading.words[index], reading.words[index + 1]) && index > from) break;
    if (reading.lexicon.agentPrepositions.includes(reading.words[index].lower))
      return phraseFrom(reading, index + 1, end);
  }
  return undefined;
}

/** The phrase a unit opens with when it is a subject, and whether a comma follows it. */
function openingSubject(reading: TextReading, unit: Unit): { phrase: SpeakerPhrase; setOff: boolean } | undefined {
  if (!opensWithSubject(reading, unit.firstWord)) return undefined;
  let verb = unit.firstWord;
  while (verb < unit.endWord && !reading.is.speech.has(reading.words[verb].lower)) verb++;
  const phrase = phraseFrom(reading, unit.firstWord, verb, true);
  if (!phrase || phrase.words[0].index !== unit.firstWord) return undefined;
  const last = phrase.words[phrase.words.length - 1];
  const next = reading.words[last.index + 1];
  return { phrase, setOff: next !== undefined && /^[^\p{L}\p{N}]*,/u.test(reading.text.slice(last.end, next.start)) };
}

/**
 * "Müller bezweifelte die Eignung: Er habe …": a reported form in a clause after the first has the
 * subject of the first clause for its speaker, when that clause opens with one, or has it after its
 * verb, after a word or a longer opening ("Zuvor hatte der Bürgermeister angedeutet, die Brücke werde …",
 * "In einem Gespräch hatte er angedeutet, …"), and is no reported speech itself.
 */
function speakerOfReportedForm(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const { words } = reading;
  let clauseStart = index;
  while (clauseStart > unit.firstWord && !reading.clauseBreakBetween(words[clauseStart - 1], words[clauseStart]))
    clauseStart--;
  if (clauseStart === unit.firstWord) return undefined;
  // "Die Entscheidung sei verschoben worden, die Zeugen seien …": a first clause in reported speech names no speaker.
  const reported = words.slice(unit.firstWord, clauseStart).some((word) => reading.is.marker.has(word.lower));
  if (reported) return undefined;
  if (!opensWithSubject(reading, unit.firstWord)) {
    // "Als Begründung gab er an, sie seien …": a pronoun there stands for its person, at its own place.
    return (
      subjectOf(reading, unit.firstWord, clauseStart) ?? subjectAfterFiniteVerb(reading, unit.firstWord, clauseStart)
    );
  }
  const subject = phraseFrom(reading, unit.firstWord, clauseStart);
  if (!subject || subject.words[0].index !== unit.firstWord) return undefined;
  const after = words[subject.words[subject.words.length - 1].index + 1];
  return after && !reading.isCapitalised(after) && !reading.is.marker.has(after.lower) ? subject : undefined;
}

/**
 * "Der Sprecher des Verbands nannte sie „fahrlässig“": a clause opening with a masculine subject article
 * has its subject there; "sie" after the verb is then its object.
 */
function objectPronounAfterSubject(reading: TextReading, clauseStart: number, pronoun: Word): boolean {
  const { objectPronouns, subjectDeterminers } = reading.lexicon;
  return objectPronouns.includes(pronoun.lower) && subjectDeterminers.includes(reading.words[clauseStart].lower);
}

/**
 * "Die Haushaltspolitikerin der Grünen, Anja Hajduk, kritisierte …": a name alone between commas right
 * before the verb, after a first clause that opens with its subject, is the subject's name.
 */
function appositionBefore(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const { words } = reading;
  if (index <= unit.firstWord + 1 || !opensWithSubject(reading, unit.firstWord)) return undefined;
  let start = index - 1;
  while (start > unit.firstWord && !reading.clauseBreakBetween(words[start - 1], words[start])) start--;
  if (start === unit.firstWord || index - start > 4) return undefined;
  const names = words.slice(start, index);
  if (!names.every((word) => reading.isCapitalised(word) && !reading.isNotName(word))) return undefined;
  return { words: names, head: names, pronoun: false };
}

/** "…, wie Burt Rutan, Chef der Firma, mitteilte": a filler and a name, then a role set off by commas, before the verb. */
function nameBeforeRole(reading: TextReading, unit: Unit, index: number): SpeakerPhrase | undefined {
  const { words } = reading;
  const clauseBefore = (end: number) => {
    let start = end - 1;
    while (start > unit.firstWord && !reading.clauseBreakBetween(words[start - 1], words[start])) start--;
    return start;
  };
  const role = clauseBefore(index);
  if (role <= unit.firstWord + 1) return undefined;
  const opening = clauseBefore(role);
  if (!reading.is.filler.has(words[opening].lower) || role - opening > 4 || role - opening < 2) return undefined;
  const names = words.slice(opening + 1, role);
  if (!names.every((word) => reading.isCapitalised(word) && !reading.isNotName(word))) return undefined;
  return { words: names, head: names, pronoun: false };
}
