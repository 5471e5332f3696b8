import { DomainError } from './domain-error';
import { checkPrecision, TimePrecision } from './time-precision';

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
  /** Only this much of publishedAt is known (a page dated without a time): publishedAt is its start. */
  publishedAtPrecision?: TimePrecision;
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

/** A translation is into another language than the original's; a precision needs the time it is of. */
export function checkSource(source: Source | undefined): void {
  const { quoteLanguage, translation, publishedAt, publishedAtPrecision } = source ?? {};
  if (publishedAtPrecision && !publishedAt) {
    throw new DomainError('rejected', 'source.publishedAtPrecision needs source.publishedAt');
  }
  if (publishedAt) checkPrecision('source.publishedAt', publishedAt, publishedAtPrecision);
  if (translation && quoteLanguage && sameLanguage(translation.language, quoteLanguage)) {
    throw new DomainError(
      'rejected',
      `source.translation is in ${translation.language}, the language of the original; put original wording in source.quote`,
    );
  }
}
