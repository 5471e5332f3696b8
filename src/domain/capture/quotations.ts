/** A stretch of the text between quotation marks: `start`/`end` are inside the marks. */
export interface Quotation {
  open: number;
  close: number;
  start: number;
  end: number;
}

/** A quotation longer than this is a mark left open, not a quotation. */
const MAX_QUOTATION_LENGTH = 3000;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The quotations of a text in one pass, left to right: an opening mark starts one, the first of its
 * closing marks ends it, and marks inside are part of it (nested quotes stay inside). A mark left open
 * is dropped at the end of its paragraph or after MAX_QUOTATION_LENGTH, and the scan goes on from there,
 * so no text is read twice.
 */
export function quotationsOf(text: string, marks: readonly string[]): Quotation[] {
  const closersOf = new Map<string, Set<string>>();
  for (const [open, close] of marks.map((pair) => [...pair])) {
    const closers = closersOf.get(open) ?? new Set<string>();
    closers.add(close);
    closersOf.set(open, closers);
  }
  const quotations: Quotation[] = [];
  let openAt = -1;
  let closers: Set<string> | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (closers) {
      if (char === '\n' || index - openAt > MAX_QUOTATION_LENGTH) {
        closers = undefined;
      } else if (closers.has(char) && !isApostrophe(text, index)) {
        if (index > openAt + 1) quotations.push({ open: openAt, close: index, start: openAt + 1, end: index });
        closers = undefined;
        continue;
      }
    }
    if (!closers && closersOf.has(char) && opensHere(text, index)) {
      openAt = index;
      closers = closersOf.get(char);
    }
  }
  return quotations;
}

/** An opening mark follows no letter ("Trump's" holds no quotation) and is followed by something. */
function opensHere(text: string, index: number): boolean {
  const before = index > 0 ? text[index - 1] : ' ';
  const after = index + 1 < text.length ? text[index + 1] : ' ';
  return !LETTER_OR_DIGIT.test(before) && !/\s/.test(after);
}

/** ' and ’ between two letters are apostrophes ("don't"), not closing marks. */
function isApostrophe(text: string, index: number): boolean {
  const char = text[index];
  if (char !== "'" && char !== '’') return false;
  const before = index > 0 ? text[index - 1] : ' ';
  const after = index + 1 < text.length ? text[index + 1] : ' ';
  return LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after);
}
