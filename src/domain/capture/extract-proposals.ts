import { Attributed, Claimants, UNATTRIBUTED } from './claimants';
import { Cue, cueOf } from './cues';
import { Gazetteer, GazetteerEntry } from './gazetteer';
import { detectLanguage, LEXICONS, UNDETERMINED } from './lexicon';
import { Extraction, Proposal, ProposalType, TextSpan } from './proposal';
import { Quotation } from './quotations';
import { wordsOf } from './segments';
import { TextReading, Unit } from './text-reading';
import { phraseFrom, SpeakerPhrase, speakerLike, subjectOf } from './speaker-phrase';
import { anonymousSourcesOf } from './anonymous-sources';
import { ExistingClaim, linkDevelopments, linkExistingClaims } from './developments';

export interface ExtractionInput {
  text: string;
  /** A language with a lexicon; detected from the text when absent. */
  language?: string;
  /** The registered parties, to recognise speakers. */
  parties?: readonly GazetteerEntry[];
  /** The claims of the storyline the text is read for: the same claim is marked, a reaction to one linked. */
  existingClaims?: readonly ExistingClaim[];
}

/** The opening of a text its language is told from. */
const DETECTION_SAMPLE = 5000;
/** A quotation this short is a name or a word set apart ("Financial Times") unless a cue stands by it. */
const MIN_QUOTATION_WORDS = 6;
/** Words after a verb of saying that make a claim ("the talks had collapsed"). */
const MIN_CLAIM_WORDS = 3;
/** Words a reported claim needs besides its cue and speaker. */
const MIN_REPORTED_WORDS = 4;
/** Words before a quotation that may name who says it. */
const MIN_LEAD_WORDS = 2;
/** A unit holds a claim of its own besides its quotations when this many of its words are outside them. */
const MIN_RETOLD_WORDS = 3;

/** Proposes the claims a text holds. Pure and deterministic: the same input gives the same answer. */
export function extractProposals(input: ExtractionInput): Extraction {
  const { text } = input;
  const sample = text.slice(0, DETECTION_SAMPLE);
  const language =
    input.language && LEXICONS[input.language]
      ? input.language
      : detectLanguage(
          sample,
          wordsOf(sample, UNDETERMINED).map((word) => word.text),
        );
  // No rules of another language are applied to a text in none of ours: nothing is proposed.
  if (language === UNDETERMINED) return { language, items: [] };
  const reading = new TextReading(text, LEXICONS[language]);
  const claimants = new Claimants(reading, new Gazetteer(input.parties ?? []));
  const items: Proposal[] = [];
  let current: Attributed = UNATTRIBUTED;
  let previous: Unit | undefined;
  for (const [position, unit] of reading.units.entries()) {
    const cue = cueOf(reading, unit);
    const named = cue?.speaker ? attributedTo(reading, claimants, unit, cue) : undefined;
    const before = previous;
    previous = unit;
    if (named && before && pointsBack(reading, unit, before, cue)) {
      // "… Dies bestätigte der Minister.": the claim is the sentence before, whoever it seemed to come from.
      while (items.length > 0 && items[items.length - 1].quote.start >= before.start) items.pop();
      const pronoun = reading.words[unit.firstWord];
      items.push(proposal(reading, 'indirect', before.start, pronoun.end, cue, named, true));
      current = named;
      continue;
    }
    const speaker =
      named ?? (cue?.kind === 'unattributed-phrase' || cue?.agentless ? UNATTRIBUTED : referredTo(current, cue));
    for (const quotation of unit.quotations) {
      const claimLike = isClaimLike(reading, unit, quotation, cue);
      // "„Ein Desaster“, schimpfte Novak": a speaker after the quotation makes a short one a claim too.
      const trailed =
        named || (!claimLike && reading.isName(quotation))
          ? undefined
          : trailedBy(reading, claimants, unit, quotation, reading.units[position + 1]);
      if (!claimLike && !trailed) continue;
      const introduced = named ? undefined : (trailed ?? introducedBy(reading, claimants, unit, quotation));
      const quoted = introduced ?? speaker;
      items.push(
        proposal(
          reading,
          'direct',
          quotation.open,
          quotation.close + 1,
          cue,
          quoted,
          named !== undefined || introduced !== undefined,
        ),
      );
      if (introduced) current = introduced;
    }
    const retold = retoldSpan(reading, unit, cue);
    // "… wurde kritisiert": a verb of saying without anyone saying it reports nothing by itself, nor do some with.
    const unspoken =
      cue?.kind === 'speech-verb' &&
      typeOf(reading, unit, cue) === 'reported' &&
      (!cue.speaker || reading.lexicon.unreportingVerbs.includes(cue.words.map((word) => word.lower).join(' ')));
    const holder = cue ? undefined : thatClauseOf(reading, claimants, unit);
    if (holder) items.push(proposal(reading, 'indirect', holder.start, unit.end, undefined, holder.said, true));
    // "…, sagte Gabriel: Model Daniela Katzenberger.": a few words reported are a fragment, not a claim.
    const fragment =
      cue && retold && typeOf(reading, unit, cue) === 'reported' && wordsIn(reading, unit, retold) < MIN_REPORTED_WORDS;
    if (cue && retold && !unspoken && !fragment && !asideReference(reading, cue)) {
      items.push(
        proposal(reading, typeOf(reading, unit, cue), retold.start, retold.end, cue, speaker, named !== undefined),
      );
    }
    if (named?.claimant) current = named;
    else if (!cue && unit.quotations.length === 0) current = subjectAsSpeaker(reading, claimants, unit) ?? current;
  }
  items.sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
  linkDevelopments(reading, items, input.existingClaims ?? []);
  linkExistingClaims(items, input.existingClaims ?? []);
  return { language, items };
}

function attributedTo(reading: TextReading, claimants: Claimants, unit: Unit, cue: Cue): Attributed | undefined {
  if (!cue.speaker) return undefined;
  const claimant = claimants.of(cue.speaker);
  if (!claimant) return undefined;
  const anonymous = anonymousSourcesOf(reading, unit, cue.speaker);
  if (anonymous) {
    return {
      claimant: anonymous.claimant ?? claimant,
      attribution: 'anonymous',
      ...(anonymous.count ? { anonymousSourceCount: anonymous.count } : {}),
      ...(anonymous.claimant && claimant.kind === 'media' ? { reportedBy: claimants.party(claimant) } : {}),
    };
  }
  const attribution =
    claimant.kind === 'anonymous' ? 'anonymous' : claimant.kind === 'person' ? 'on_record' : 'official_statement';
  return { claimant, attribution };
}

/** "Demnach …": a phrase of reported speech stands for the speaker before, as a pronoun does, at its own place. */
function referredTo(current: Attributed, cue: Cue | undefined): Attributed {
  if (!current.claimant || cue?.kind !== 'reported-phrase') return current;
  const start = cue.words[0].start;
  const end = cue.words[cue.words.length - 1].end;
  return { ...current, claimant: { ...current.claimant, start, end } };
}

/**
 * A sentence that proposes nothing may still name who speaks next: "Das Robert-Koch-Institut sieht
 * keine Gefahr. Lediglich Personen … seien zu schützen." Its subject, when it is a party's name.
 */
function subjectAsSpeaker(reading: TextReading, claimants: Claimants, unit: Unit): Attributed | undefined {
  const named = nameSetOffAfter(reading, unit, phraseFrom(reading, unit.firstWord, unit.endWord));
  if (named) {
    const claimant = claimants.of(named);
    return claimant ? { claimant, attribution: 'on_record' } : undefined;
  }
  const subject = subjectOf(reading, unit.firstWord, unit.endWord);
  if (!subject || subject.pronoun || subject.words[0].index !== unit.firstWord) return undefined;
  if (!speakerLike(reading, subject) || bareNounNamedNowhere(reading, subject)) return undefined;
  const claimant = claimants.of(subject);
  return claimant
    ? { claimant, attribution: claimant.kind === 'person' ? 'on_record' : 'official_statement' }
    : undefined;
}

/** "Hier sparte der Bundespräsident nicht mit Kritik: „…“": the subject of the words that lead to a quotation. */
function introducedBy(
  reading: TextReading,
  claimants: Claimants,
  unit: Unit,
  quotation: Quotation,
): Attributed | undefined {
  let end = unit.firstWord;
  while (end < unit.endWord && reading.words[end].end <= quotation.open) end++;
  if (end === unit.firstWord) return undefined;
  const subject =
    (end - unit.firstWord < MIN_LEAD_WORDS ? undefined : subjectOf(reading, unit.firstWord, end)) ??
    namedBeforeColon(reading, unit.firstWord, end, quotation);
  const claimant = subject ? claimants.of(subject) : undefined;
  if (!claimant) return undefined;
  return { claimant, attribution: claimant.kind === 'person' ? 'on_record' : 'official_statement' };
}

/** "Bundesinnenminister Schäuble: „…“": a unit that is only a name and a colon before its quotation. */
function namedBeforeColon(reading: TextReading, start: number, end: number, quotation: Quotation) {
  const phrase = phraseFrom(reading, start, end);
  if (!phrase || phrase.pronoun || phrase.words[0].index !== start) return undefined;
  const last = phrase.words[phrase.words.length - 1];
  return last.index === end - 1 && /^\s*:\s*$/.test(reading.text.slice(last.end, quotation.open)) ? phrase : undefined;
}

/** "„…“, erinnerte sich Trotnow": a verb right after a quotation and its comma, then the one who spoke, whatever the verb. */
function trailedBy(
  reading: TextReading,
  claimants: Claimants,
  unit: Unit,
  quotation: Quotation,
  next: Unit | undefined,
): Attributed | undefined {
  const { words, text, lexicon, is } = reading;
  let at = unit.firstWord;
  while (at < unit.endWord && words[at].start <= quotation.close) at++;
  // "„…?“ schrieben die Hacker": a question or an exclamation ends the sentence the speaker's clause goes on.
  const asked =
    at === unit.endWord && next !== undefined && /[?!]\s*$/.test(text.slice(quotation.start, quotation.close));
  const end = asked ? next.endWord : unit.endWord;
  if (at + 1 >= end) return undefined;
  const between = text.slice(quotation.close + 1, words[at].start);
  if (!/^\s*,\s*$/.test(between) && !(asked && /^\s*$/.test(between))) return undefined;
  const verb = words[at];
  if (
    reading.isCapitalised(verb) ||
    reading.quotationOf(verb) ||
    is.complementizer.has(verb.lower) ||
    is.determiner.has(verb.lower) ||
    lexicon.pronouns[verb.lower] !== undefined
  )
    return undefined;
  const subject = phraseFrom(reading, at + 1, end);
  if (!subject || lexicon.objectDeterminers.includes(subject.words[0].lower)) return undefined;
  const claimant = claimants.of(subject);
  if (!claimant) return undefined;
  return { claimant, attribution: claimant.kind === 'person' ? 'on_record' : 'official_statement' };
}

function proposal(
  reading: TextReading,
  type: ProposalType,
  start: number,
  end: number,
  cue: Cue | undefined,
  speaker: Attributed,
  namedHere: boolean,
): Proposal {
  const cueSpan =
    cue && cue.words.length > 0
      ? spanOf(reading.text, cue.words[0].start, cue.words[cue.words.length - 1].end)
      : undefined;
  const claimant = speaker.claimant;
  return {
    type,
    quote: spanOf(reading.text, start, end),
    ...(claimant ? { claimant } : {}),
    ...(cueSpan ? { cue: cueSpan } : {}),
    attribution: speaker.attribution,
    ...(speaker.anonymousSourceCount ? { anonymousSourceCount: speaker.anonymousSourceCount } : {}),
    ...(speaker.reportedBy ? { reportedBy: speaker.reportedBy } : {}),
    rule: ruleOf(type, cue, namedHere, speaker),
    confidence: confidenceOf(type, cue, namedHere, speaker),
  };
}

function spanOf(text: string, start: number, end: number): TextSpan {
  return { text: text.slice(start, end), start, end };
}

/** A quotation is a claim when it is long enough to say something, or a cue introduces it. */
function isClaimLike(reading: TextReading, unit: Unit, quotation: Quotation, cue: Cue | undefined): boolean {
  let words = 0;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    if (reading.quotationOf(reading.words[index]) === quotation) words++;
  }
  if (reading.isName(quotation)) return false;
  if (words >= MIN_QUOTATION_WORDS) return true;
  return words > 0 && cue?.speaker !== undefined && cue.kind !== 'reported-form';
}

interface Stretch {
  start: number;
  end: number;
}

/**
 * The part of a unit that retells a claim outside its quotations: from "dass" on when one follows the
 * cue; up to the comma before a closing ", sagte X"; after the verb when its speaker precedes it;
 * otherwise the whole unit.
 */
function retoldSpan(reading: TextReading, unit: Unit, cue: Cue | undefined): Stretch | undefined {
  if (!cue) return undefined;
  const { words } = reading;
  let outside = 0;
  let quoted = 0;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    if (reading.quotationOf(words[index])) quoted++;
    else outside++;
  }
  const spoken = new Set([...cue.words, ...(cue.speaker?.words ?? [])]);
  // A denial or a confirmation is a claim however short: "Die Regierung dementierte den Bericht."
  const least = cue.words.some((word) => reacts(reading, word.lower)) ? 1 : MIN_RETOLD_WORDS;
  if (outside - spoken.size < least || quoted > outside) return undefined;
  // Beside a quotation, the rest of the sentence is a claim of its own only when it is reported speech.
  if (quoted > 0 && typeOf(reading, unit, cue) === 'reported') return undefined;
  const lastCueWord = cue.words[cue.words.length - 1];
  for (let index = lastCueWord.index + 1; cue.kind === 'speech-verb' && index < unit.endWord; index++) {
    if (reading.is.complementizer.has(words[index].lower) && !reading.quotationOf(words[index])) {
      return { start: words[index].start, end: unit.end };
    }
  }
  // "Der Minister sagte, die Brücke …", "The ministry said the bridge …": the claim follows the cue.
  const speakerEnd = cue.speaker ? cue.speaker.words[cue.speaker.words.length - 1].index : -1;
  if (
    cue.kind === 'speech-verb' &&
    least > 1 &&
    speakerEnd >= 0 &&
    speakerEnd < lastCueWord.index &&
    unit.endWord - lastCueWord.index > MIN_CLAIM_WORDS
  ) {
    const next = words[lastCueWord.index + 1];
    return { start: next.start, end: unit.end };
  }
  const firstSpoken = Math.min(...[...spoken].map((word) => word.index));
  if (firstSpoken > unit.firstWord) {
    const before = reading.text.slice(words[firstSpoken - 1].end, words[firstSpoken].start);
    const comma = before.indexOf(',');
    if (comma >= 0 && firstSpoken - unit.firstWord >= MIN_RETOLD_WORDS) {
      return { start: unit.start, end: words[firstSpoken - 1].end + comma };
    }
  }
  return { start: unit.start, end: unit.end };
}

function reacts(reading: TextReading, word: string): boolean {
  return reading.is.denial.has(word) || reading.is.confirmation.has(word) || reading.is.retraction.has(word);
}

function typeOf(reading: TextReading, unit: Unit, cue: Cue): ProposalType {
  if (cue.kind !== 'speech-verb') return 'indirect';
  const { words } = reading;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    const word = words[index];
    if (reading.quotationOf(word)) continue;
    if (reading.is.complementizer.has(word.lower) || reading.is.marker.has(word.lower)) return 'indirect';
  }
  const lastCueWord = cue.words[cue.words.length - 1];
  const speakerFirst = cue.speaker !== undefined && cue.speaker.words[0].index < lastCueWord.index;
  if (
    speakerFirst &&
    reading.lexicon.clauseVerbs.includes(lastCueWord.lower) &&
    unit.endWord - lastCueWord.index > MIN_CLAIM_WORDS
  ) {
    return 'indirect';
  }
  const afterCue = reading.text.slice(lastCueWord.end, lastCueWord.end + 3);
  return /^\s*[,:]/.test(afterCue) ? 'indirect' : 'reported';
}

const CUE_RULES: Record<Cue['kind'], string> = {
  'source-before': 'a source named after "laut" / "according to"',
  'source-after': 'a source named before "zufolge"',
  'source-noun': 'a source named after "nach Angaben" and the like',
  'speech-verb': 'a verb of saying with its speaker',
  so: 'a closing ", so X"',
  'reported-phrase': 'a phrase of reported speech ("demnach", "wonach")',
  'unattributed-phrase':
    'a phrase that reports without a speaker ("heißt es"), at most from a text or place named with it',
  'reported-form': 'a verb form of reported speech (Konjunktiv)',
  allegation: 'a modal of allegation ("soll … haben")',
};

function ruleOf(type: ProposalType, cue: Cue | undefined, namedHere: boolean, speaker: Attributed): string {
  const what = type === 'direct' ? 'words in quotation marks' : `${type} speech`;
  const how = cue ? CUE_RULES[cue.kind] : 'no cue in the sentence';
  const who = namedHere
    ? 'speaker named in the sentence'
    : speaker.claimant
      ? 'speaker carried over from the claim before'
      : 'no speaker found';
  return `${what}; ${how}; ${who}`;
}

function confidenceOf(type: ProposalType, cue: Cue | undefined, namedHere: boolean, speaker: Attributed): number {
  let confidence = type === 'direct' ? 0.7 : 0.5;
  if (cue && cue.kind !== 'reported-form' && cue.kind !== 'allegation') confidence += 0.1;
  if (namedHere) confidence += 0.15;
  else if (!speaker.claimant) confidence -= 0.2;
  return Math.round(confidence * 100) / 100;
}

/**
 * "Die Kläger bemängeln, dass …": with no cue in the unit, a clause of "dass" after a comma still
 * retells what the subject before it holds, when the unit opens with one.
 */
function thatClauseOf(
  reading: TextReading,
  claimants: Claimants,
  unit: Unit,
): { start: number; said: Attributed } | undefined {
  const { words, text } = reading;
  for (let index = unit.firstWord + MIN_LEAD_WORDS; index < unit.endWord - MIN_CLAIM_WORDS; index++) {
    const word = words[index];
    if (word.lower !== reading.lexicon.complementizers[0] || reading.quotationOf(word)) continue;
    if (!/,\s*$/.test(text.slice(words[index - 1].end, word.start))) continue;
    const subject = subjectOf(reading, unit.firstWord, index);
    const claimant = subject ? claimants.of(subject) : undefined;
    if (!claimant) return undefined;
    const attribution = claimant.kind === 'person' ? 'on_record' : 'official_statement';
    return { start: word.start, said: { claimant, attribution } };
  }
  return undefined;
}

/** "Dies bestätigte X": a unit that opens with a pronoun for the sentence before, then the verb of saying. */
function pointsBack(reading: TextReading, unit: Unit, before: Unit, cue: Cue | undefined): boolean {
  const { words } = reading;
  if (!cue || cue.kind !== 'speech-verb' || unit.quotations.length > 0 || before.quotations.length > 0) return false;
  if (!reading.lexicon.anaphora.includes(words[unit.firstWord].lower)) return false;
  return cue.words[0].index === unit.firstWord + 1 && !reading.boundaryBetween(words[unit.firstWord], cue.words[0]);
}

function wordsIn(reading: TextReading, unit: Unit, stretch: Stretch): number {
  let count = 0;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    const word = reading.words[index];
    if (word.start >= stretch.start && word.end <= stretch.end) count++;
  }
  return count;
}

/**
 * "Sirenen heulten.": a single capitalised word with no article takes over the speaker only when the
 * text named it before as the last part of a longer name ("Will Grant" … "Grant").
 */
function bareNounNamedNowhere(reading: TextReading, subject: SpeakerPhrase): boolean {
  if (subject.head.length > 1 || reading.is.determiner.has(subject.words[0].lower)) return false;
  const word = subject.head[0];
  const { roleNouns, institutionWords, mediaWords } = reading.lexicon;
  if ([...roleNouns, ...institutionWords, ...mediaWords].some((entry) => word.lower.endsWith(entry))) return false;
  const { text } = reading;
  for (let at = text.indexOf(word.text); at >= 0 && at < word.start; at = text.indexOf(word.text, at + 1)) {
    if (/\p{Lu}[\p{L}.-]*\s$/u.test(text.slice(Math.max(0, at - 40), at))) return false;
  }
  return true;
}

/** "(Wikinews berichtete)": a verb of saying closing a bracket points the reader to earlier reporting, a claim of nothing. */
function asideReference(reading: TextReading, cue: Cue): boolean {
  const last = cue.words[cue.words.length - 1];
  if (!/^\s*\)/.test(reading.text.slice(last.end, last.end + 2))) return false;
  const opening = reading.text.lastIndexOf('(', last.start);
  return opening >= 0 && reading.text.slice(opening, last.start).split(/\s+/).length <= 4;
}

/** "Der Flugbetriebsleiter, Reinhard Kraxner, spekulierte": a name set off by commas after the opening subject. */
function nameSetOffAfter(
  reading: TextReading,
  unit: Unit,
  subject: SpeakerPhrase | undefined,
): SpeakerPhrase | undefined {
  if (!subject || subject.pronoun || subject.words[0].index !== unit.firstWord) return undefined;
  const { words, text } = reading;
  const first = subject.words[subject.words.length - 1].index + 1;
  if (first >= unit.endWord || !/^\s*,\s*$/.test(text.slice(words[first - 1].end, words[first].start)))
    return undefined;
  for (let end = first; end < unit.endWord && end - first < 4; end++) {
    const word = words[end];
    if (!reading.isCapitalised(word) || reading.isNotName(word)) return undefined;
    const next = words[end + 1];
    if (next && end > first && /^\s*,\s*$/.test(text.slice(word.end, next.start))) {
      const names = words.slice(first, end + 1);
      return { words: names, head: names, pronoun: false };
    }
  }
  return undefined;
}
