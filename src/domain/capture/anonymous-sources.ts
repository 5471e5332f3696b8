import { Cue } from './cues';
import { ProposedClaimant } from './proposal';
import { TextReading, Unit } from './text-reading';

export interface AnonymousSources {
  /** The unnamed sources as the text names them ("acht Personen"), when it does. */
  claimant?: ProposedClaimant;
  count?: number;
}

const DIGITS = /^\d+$/;
/** Words that may stand between a number and its noun ("acht hochrangige Beamte", "two senior officials"). */
const MAX_BETWEEN = 2;

/**
 * Sources the unit leaves unnamed: a citing phrase ("unter Berufung auf acht Personen"), a number of
 * unnamed people ("two officials"), or a phrase of anonymity ("on condition of anonymity").
 */
export function anonymousSourcesOf(reading: TextReading, unit: Unit): AnonymousSources | undefined {
  const { words, is, lexicon } = reading;
  let cited = false;
  let anonymity = false;
  for (let index = unit.firstWord; index < unit.endWord; index++) {
    if (reading.quotationOf(words[index])) continue;
    if (lexicon.citingPhrases.some((phrase) => reading.phraseAt(index, phrase))) cited = true;
    if (lexicon.anonymityPhrases.some((phrase) => reading.phraseAt(index, phrase))) anonymity = true;
    const count = countAt(reading, index);
    if (count === undefined) continue;
    for (let at = index + 1; at <= index + 1 + MAX_BETWEEN && at < unit.endWord; at++) {
      if (reading.boundaryBetween(words[at - 1], words[at])) break;
      if (is.anonymousNoun.has(words[at].lower)) {
        const name = reading.text.slice(words[index].start, words[at].end);
        const claimant: ProposedClaimant = {
          name,
          kind: 'anonymous',
          start: words[index].start,
          end: words[at].end,
          registered: false,
        };
        return { claimant, ...(count > 0 ? { count } : {}) };
      }
    }
  }
  if (cited || anonymity) return {};

  return undefined;
}

function countAt(reading: TextReading, index: number): number | undefined {
  const word = reading.words[index];
  if (DIGITS.test(word.text)) return Number(word.text);
  return reading.lexicon.numberWords[word.lower];
}
