import { ProposedClaimant } from './proposal';
import { SpeakerPhrase } from './speaker-phrase';
import { TextReading, Unit } from './text-reading';

export interface AnonymousSources {
  /** The unnamed sources as the text names them ("acht Personen"), when it does. */
  claimant?: ProposedClaimant;
  count?: number;
}

const DIGITS = /^\d+$/;
/** Words that may follow a citing phrase before the number ("unter Berufung auf mindestens acht Personen"). */
const MAX_BEFORE_NUMBER = 2;
/** Words that may stand between a number and its noun ("acht hochrangige Beamte", "two senior officials"). */
const MAX_BETWEEN = 2;

/**
 * Sources the unit leaves unnamed: the people a citing phrase names ("unter Berufung auf acht
 * Personen"), a speaker's phrase that is a number of unnamed people ("zwei Beamte sagten"), or a
 * phrase of anonymity ("who spoke on condition of anonymity").
 */
export function anonymousSourcesOf(
  reading: TextReading,
  unit: Unit,
  speaker: SpeakerPhrase,
): AnonymousSources | undefined {
  const { words } = reading;
  const counted = countedIn(reading, speaker.words[0].index, speaker.words[speaker.words.length - 1].index + 1);
  if (counted) return counted;
  let anonymity = false;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    if (reading.quotationOf(words[index])) continue;
    const citing = reading.phraseAt(index, 'citing');
    if (citing > 0) {
      const from = index + citing;
      return countedIn(reading, from, Math.min(unit.endWord, from + MAX_BEFORE_NUMBER + MAX_BETWEEN + 2)) ?? {};
    }
    if (reading.phraseAt(index, 'anonymity') > 0) anonymity = true;
  }
  return anonymity ? {} : undefined;
}

/** A number and, close after it, a noun of unnamed people, between `from` and `end`. */
function countedIn(reading: TextReading, from: number, end: number): AnonymousSources | undefined {
  const { words, is } = reading;
  for (let index = from; index < end; index++) {
    const count = countAt(reading, index);
    if (count === undefined) continue;
    for (let at = index + 1; at <= index + 1 + MAX_BETWEEN && at < end; at++) {
      if (reading.boundaryBetween(words[at - 1], words[at])) break;
      if (!is.anonymousNoun.has(words[at].lower)) continue;
      const claimant: ProposedClaimant = {
        name: reading.text.slice(words[index].start, words[at].end),
        kind: 'anonymous',
        start: words[index].start,
        end: words[at].end,
        registered: false,
      };
      return { claimant, ...(count > 0 ? { count } : {}) };
    }
  }
  return undefined;
}

function countAt(reading: TextReading, index: number): number | undefined {
  const word = reading.words[index];
  if (DIGITS.test(word.text)) return Number(word.text);
  return reading.lexicon.numberWords[word.lower];
}
