import { DomainError } from './domain-error';

/** A rendering of the original wording in another language, as the source gives it. */
export interface Translation {
  text: string;
  /** BCP 47, e.g. `de`. */
  language: string;
}

/** Where a claim or a piece of evidence was published. */
export interface Source {
  url: string;
  title?: string;
  publishedAt?: string;
  /** The original wording, in the original language: never a translation. */
  quote?: string;
  /** BCP 47 language of the original wording; may be known when only a translation is at hand. */
  quoteLanguage?: string;
  /** The wording in another language, e.g. a German article's rendering of an English statement. */
  translation?: Translation;
  /** The source says it was generated, wholly or in part, by a machine (AI). */
  machineGenerated?: boolean;
}

const sameLanguage = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A translation is into another language than the original's. */
export function checkSource(source: Source | undefined): void {
  const { quoteLanguage, translation } = source ?? {};
  if (translation && quoteLanguage && sameLanguage(translation.language, quoteLanguage)) {
    throw new DomainError(
      'rejected',
      `source.translation is in ${translation.language}, the language of the original; put original wording in source.quote`,
    );
  }
}
