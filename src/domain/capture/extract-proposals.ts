import { PartyKind } from '../party/party-mention';
import { Gazetteer, GazetteerEntry } from './gazetteer';
import { detectLanguage, Lexicon, LEXICONS } from './lexicon';
import { Extraction, Proposal, ProposedClaimant, TextSpan } from './proposal';
import { quotationsOf } from './quotations';
import { Sentence, sentencesOf, Word, wordsOf } from './segments';

export interface ExtractionInput {
  text: string;
  /** A language with a lexicon; detected from the text when absent. */
  language?: string;
  /** The registered parties, to recognise speakers. */
  parties?: readonly GazetteerEntry[];
}

const CAPITALISED = /^\p{Lu}/u;

/** Proposes the claims a text holds: quotations with their speakers and cues. Pure: the same text gives the same answer. */
export function extractProposals(input: ExtractionInput): Extraction {
  const { text } = input;
  const probe = wordsOf(text.slice(0, 5000), 'und');
  const language = input.language && LEXICONS[input.language] ? input.language : detectLanguage(probe.map((w) => w.text));
  const lexicon = LEXICONS[language];
  const words = wordsOf(text, language);
  const sentences = sentencesOf(text, language, words);
  const gazetteer = new Gazetteer(input.parties ?? []);
  const speechCues = new Set([...lexicon.speechCues, ...lexicon.denialCues, ...lexicon.confirmationCues]);
  const items: Proposal[] = [];
  let sentenceIndex = 0;
  for (const quotation of quotationsOf(text, lexicon.quotationMarks)) {
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].end <= quotation.open) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    const cue = cueIn(words, sentence, speechCues, quotation.open, quotation.close);
    if (!cue) continue;
    const claimant = speakerNear(words, sentence, cue, lexicon, gazetteer, quotation.open, quotation.close);
    items.push({
      type: 'direct',
      quote: spanOf(text, quotation.start, quotation.end),
      ...(claimant ? { claimant } : {}),
      cue: spanOf(text, cue.start, cue.end),
      attribution: claimant ? 'on_record' : 'unattributed',
      rule: 'quotation marks with a verb of saying in the same sentence',
      confidence: claimant ? 0.8 : 0.5,
    });
  }
  return { language, items };
}

function spanOf(text: string, start: number, end: number): TextSpan {
  return { text: text.slice(start, end), start, end };
}

const outside = (word: Word, open: number, close: number) => word.end <= open || word.start > close;

function cueIn(words: readonly Word[], sentence: Sentence, cues: Set<string>, open: number, close: number) {
  for (let index = sentence.firstWord; index < sentence.endWord; index++) {
    const word = words[index];
    if (outside(word, open, close) && cues.has(word.lower)) return word;
  }
  return undefined;
}

function speakerNear(
  words: readonly Word[],
  sentence: Sentence,
  cue: Word,
  lexicon: Lexicon,
  gazetteer: Gazetteer,
  open: number,
  close: number,
): ProposedClaimant | undefined {
  const notNames = new Set(lexicon.notNames);
  const isNameWord = (word: Word | undefined) =>
    word !== undefined && outside(word, open, close) && CAPITALISED.test(word.text) && !notNames.has(word.lower);
  const runFrom = (index: number, step: 1 | -1): Word[] => {
    const run: Word[] = [];
    for (let at = index; at >= sentence.firstWord && at < sentence.endWord && isNameWord(words[at]); at += step) {
      run.push(words[at]);
    }
    return step === 1 ? run : run.reverse();
  };
  const after = runFrom(cue.index + 1, 1);
  const roles = new Set(lexicon.roleNouns);
  const run = after.length > 0 ? after : runFrom(cue.index - 1, -1);
  while (run.length > 1 && roles.has(run[0].lower)) run.shift();
  if (run.length === 0) return undefined;
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const name = run.map((word) => word.text).join(' ');
  const entry = gazetteer.find(name);
  const kind: PartyKind = entry?.kind ?? 'person';
  return entry
    ? { name, kind, start, end, partyId: entry.partyId, registered: true }
    : { name, kind, start, end, registered: false };
}
