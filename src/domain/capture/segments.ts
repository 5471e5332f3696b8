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
  for (let from = 0; from < text.length;) {
    const to = pieceEnd(text, from);
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
      if (!isWordLike) continue;
      const start = from + index;
      words.push({
        text: segment,
        lower: segment.toLowerCase(),
        start,
        end: start + segment.length,
        index: words.length,
      });
    }
    from = to;
  }
  return words;
}

/** Where a sentence likely ends: a stop, perhaps a closing mark, and a space. */
const SENTENCE_END = /[.!?…]["'“”»«’]?\s/g;
const MAX_SENTENCE_PIECE = 2000;

/**
 * The pieces the sentence segmenter walks: lines, and long lines cut after a likely sentence end (or
 * at whitespace) so that no piece is long, as the segmenter's time grows with the square of it.
 */
function sentencePieces(text: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    for (let from = lineStart; from < lineEnd;) {
      let to = Math.min(lineEnd, from + MAX_SENTENCE_PIECE);
      if (to < lineEnd) to = cutBefore(text, from, to);
      pieces.push([from, to]);
      from = to;
    }
    lineStart = lineEnd + 1;
  }
  return pieces;
}

function cutBefore(text: string, from: number, limit: number): number {
  const window = text.slice(from, limit);
  let cut = -1;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(window); match; match = SENTENCE_END.exec(window))
    cut = match.index + match[0].length;
  if (cut > 0) return from + cut;
  const space = window.search(/\s\S*$/);
  if (space > 0) return from + space + 1;
  return /[\uDC00-\uDFFF]/.test(text[limit]) ? limit - 1 : limit;
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
  const segmenter = segmentersOf(language).sentences;
  for (const [from, to] of sentencePieces(text)) {
    for (const { segment, index } of segmenter.segment(text.slice(from, to)))
      add(from + index, from + index + segment.length);
  }
  return sentences;
}
