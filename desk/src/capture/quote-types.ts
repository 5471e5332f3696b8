import { QuoteType } from '../api/extractions';

/** Each type has a word and a line style of its own, so it is told apart without colour. */
export const QUOTE_TYPE_META: Record<QuoteType, { label: string; explained: string }> = {
  direct: { label: 'direct', explained: 'Direct quote: the speaker’s own words, in quotation marks' },
  indirect: { label: 'indirect', explained: 'Indirect speech: what the speaker said, in the article’s words' },
  reported: { label: 'reported', explained: 'Reported: a claim the article attributes to sources or an outlet' },
};

export const quoteTypeLabel = (type: string) => QUOTE_TYPE_META[type as QuoteType]?.label ?? type;
