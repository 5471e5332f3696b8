/** A word of the text as Intl.Segmenter cuts it, with its place in UTF-16 code units. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Its index in the text's list of words. */
  index: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of its first word and one past its last in the text's list of words. */
  firstWord: number;
  endWord: number;
}

const segmenters = new Map<string, { words: Intl.Segmenter; sentences: Intl.Segmenter }>();

function segmentersOf(language: string) {
  let pair = segmenters.get(language);
  if (!pair) {
    pair = {
      words: new Intl.Segmenter(language, { granularity: 'word' }),
      sentences: new Intl.Segmenter(language, { granularity: 'sentence' }),
    };
    segmenters.set(language, pair);
  }
  return pair;
}

/**
 * Intl.Segmenter takes time quadratic in the length of the string it walks (V8, Node 20), so the
 * text is walked in pieces of at most this many code units, cut at whitespace, where no word goes on.
 */
const MAX_PIECE = 512;

/** Where the piece starting at `from` ends: after the last whitespace within MAX_PIECE, or at MAX_PIECE. */
function pieceEnd(text: string, from: number): number {
  const limit = from + MAX_PIECE;
  if (limit >= text.length) return text.length;
  for (let at = limit; at > from + MAX_PIECE / 2; at--) if (/\s/.test(text[at - 1])) return at;
  // No whitespace: a cut must not split a surrogate pair.
  return /[\uDC00-\uDFFF]/.test(text[limit]) ? limit - 1 : limit;
}

export function wordsOf(text: string, language: string): Word[] {
  const words: Word[] = [];
  const segmenter = segmentersOf(language).words;
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
      if (!isWordLike) continue;
      const start = from + index;
      words.push({ text: segment, lower: segment.toLowerCase(), start, end: start + segment.length, index: words.length });
    }
    from = to;
  }
  return words;
}

/** Sentences, with a line break ending one too (headlines and paragraphs carry no full stop). */
export function sentencesOf(text: string, language: string, words: readonly Word[]): Sentence[] {
  const sentences: Sentence[] = [];
  let wordIndex = 0;
  const add = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) return;
    while (wordIndex < words.length && words[wordIndex].start < start) wordIndex++;
    const firstWord = wordIndex;
    while (wordIndex < words.length && words[wordIndex].start < end) wordIndex++;
    sentences.push({ start, end, firstWord, endWord: wordIndex });
  };
  for (const { segment, index } of segmentersOf(language).sentences.segment(text)) {
    let from = 0;
    for (let brk = segment.indexOf('\n'); brk >= 0; brk = segment.indexOf('\n', brk + 1)) {
      add(index + from, index + brk);
      from = brk + 1;
    }
    add(index + from, index + segment.length);
  }
  return sentences;
}
