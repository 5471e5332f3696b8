import { compile, PhraseSets, WordSets } from './compiled-lexicon';
import { Lexicon } from './lexicon';
import { Quotation, quotationsOf } from './quotations';
import { sentencesOf, Word, wordsOf } from './segments';

/** Sentences joined where a quotation runs over their end: the stretch a proposal is read from. */
export interface Unit {
  start: number;
  end: number;
  firstWord: number;
  endWord: number;
  quotations: Quotation[];
}

/** Punctuation that ends a phrase; a clause ends only at the first three, and a dash set off by spaces. */
const BOUNDARY = /[,;:()–—]/;
const CLAUSE_BREAK = /[,;:]|\s[–—]\s/;
const MAX_NAME_WORDS = 3;

/** A text cut into words, units and quotations once, with the lexicon's lists as sets to look words up in. */
export class TextReading {
  readonly words: Word[];
  readonly units: Unit[];
  readonly quotations: Quotation[];
  readonly is: WordSets;
  private readonly phrases: PhraseSets;
  /** For each word, the quotation it is inside of, if any. */
  private readonly quotedBy: (Quotation | undefined)[];
  /** Quotations of a few capitalised words: a title or a name set apart ("Financial Times"), read as plain words. */
  private readonly names = new Set<Quotation>();

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon,
  ) {
    this.words = wordsOf(text, lexicon.language);
    this.quotations = quotationsOf(text, lexicon.quotationMarks);
    this.quotedBy = this.markQuoted();
    this.findNames();
    this.units = this.joinSentences();
    ({ is: this.is, phrases: this.phrases } = compile(lexicon));
  }

  /** The quotation a word is inside of, unless that quotation is a name. */
  quotationOf(word: Word): Quotation | undefined {
    const quotation = this.quotedBy[word.index];
    return quotation && !this.names.has(quotation) ? quotation : undefined;
  }

  isName(quotation: Quotation): boolean {
    return this.names.has(quotation);
  }

  /** Punctuation between two neighbouring words that ends a phrase (a comma, a colon, a bracket, a quotation mark). */
  boundaryBetween(left: Word, right: Word): boolean {
    const gap = this.text.slice(left.end, right.start);
    if (joinsNumber(left, right, gap)) return false;
    return BOUNDARY.test(gap) || this.quotationOf(left) !== this.quotationOf(right);
  }

  /** Where one clause ends and the next begins: a comma, semicolon or colon, not a quotation mark or a bracket. */
  clauseBreakBetween(left: Word, right: Word): boolean {
    const quotation = this.quotationOf(left);
    if (quotation && quotation === this.quotationOf(right)) return false;
    const gap = this.text.slice(left.end, right.start);
    return !joinsNumber(left, right, gap) && CLAUSE_BREAK.test(gap);
  }

  /** The first word of a sentence, or of a quotation or a clause after a colon: capitalised whatever it is. */
  opensSentence(word: Word): boolean {
    if (word.index === 0) return true;
    return /[.!?:„“"«»]\s*$|\n/.test(this.text.slice(this.words[word.index - 1].end, word.start));
  }

  /** A capitalised word that cannot be a name: one of notNames, or a sentence opener where it opens one. */
  isNotName(word: Word): boolean {
    return this.is.notName.has(word.lower) || (this.is.opener.has(word.lower) && this.opensSentence(word));
  }

  isCapitalised(word: Word): boolean {
    return word.text !== word.lower;
  }

  /** The words `phrase` (lower case, single spaces) as they follow one another from `index`. */
  /** How many words of a phrase of the set follow one another from `index`; 0 when none does. */
  phraseAt(index: number, set: keyof PhraseSets): number {
    const candidates = this.phrases[set].get(this.words[index].lower);
    if (!candidates) return 0;
    for (const parts of candidates) if (this.followsAt(index, parts)) return parts.length;
    return 0;
  }

  private followsAt(index: number, parts: readonly string[]): boolean {
    for (let offset = 0; offset < parts.length; offset++) {
      const word = this.words[index + offset];
      if (!word || word.lower !== parts[offset]) return false;
      if (offset > 0 && this.boundaryBetween(this.words[index + offset - 1], word)) return false;
    }
    return true;
  }

  private markQuoted(): (Quotation | undefined)[] {
    const quotedBy: (Quotation | undefined)[] = new Array(this.words.length);
    let next = 0;
    for (const word of this.words) {
      while (next < this.quotations.length && this.quotations[next].end <= word.start) next++;
      const quotation = this.quotations[next];
      if (quotation && quotation.start <= word.start && word.end <= quotation.end) quotedBy[word.index] = quotation;
    }
    return quotedBy;
  }

  private findNames(): void {
    const inside = new Map<Quotation, Word[]>();
    for (const word of this.words) {
      const quotation = this.quotedBy[word.index];
      if (!quotation) continue;
      const list = inside.get(quotation);
      if (list) list.push(word);
      else inside.set(quotation, [word]);
    }
    for (const [quotation, words] of inside) {
      const text = this.text.slice(quotation.start, quotation.end);
      if (words.length <= MAX_NAME_WORDS && words.every((word) => this.isCapitalised(word)) && !/[.!?]/.test(text)) {
        this.names.add(quotation);
      }
    }
  }

  private joinSentences(): Unit[] {
    const units: Unit[] = [];
    let next = 0;
    for (const sentence of sentencesOf(this.text, this.lexicon.language, this.words)) {
      const last = units[units.length - 1];
      const open = last?.quotations[last.quotations.length - 1];
      if (last && open && open.close >= sentence.start && this.text.slice(last.end, sentence.start).indexOf('\n') < 0) {
        last.end = Math.max(last.end, sentence.end);
        last.endWord = sentence.endWord;
      } else {
        units.push({ ...sentence, quotations: [] });
      }
      const unit = units[units.length - 1];
      while (next < this.quotations.length && this.quotations[next].open < unit.end) {
        unit.quotations.push(this.quotations[next]);
        if (this.quotations[next].close >= unit.end) {
          unit.end = this.quotations[next].close + 1;
        }
        next++;
      }
    }
    return units;
  }
}

/** "11:09 Uhr", "2.800 Meter", "6,5 Tonnen": a mark between digits is part of one number, no break. */
function joinsNumber(left: Word, right: Word, gap: string): boolean {
  return (gap === ':' || gap === '.' || gap === ',') && /^\d+$/.test(left.text) && /^\d+$/.test(right.text);
}
