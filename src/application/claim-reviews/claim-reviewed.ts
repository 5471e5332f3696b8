import { MAX_SUMMARY_LENGTH } from '../../domain/claim/claim.decider';
import { ClaimContent } from '../../domain/claim/claim.events';

const ELLIPSIS = '…';

/**
 * ClaimReview's `claimReviewed`: the claim's summary, else its statement, cut to at most 75
 * characters between words (never inside one) and ended with an ellipsis. Words are found by
 * Unicode's rules for the claim's language, so text without spaces (Chinese, Japanese, Thai) cuts
 * between words too. A first word longer than the limit is kept whole: a word is never cut.
 */
export function claimReviewedOf(content: ClaimContent): string {
  if (content.summary !== undefined) return content.summary;
  return cutAtWord(content.statement, content.language, MAX_SUMMARY_LENGTH);
}

export function cutAtWord(text: string, language: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (length(flat) <= limit) return flat;
  const segmenter = new Intl.Segmenter(locale(language), { granularity: 'word' });
  let kept = '';
  for (const { segment, index } of segmenter.segment(flat)) {
    const upTo = flat.slice(0, index + segment.length);
    if (length(upTo.trimEnd()) + length(ELLIPSIS) > limit) break;
    kept = upTo;
  }
  if (kept.trim() === '') kept = firstWord(flat, segmenter);
  // A dangling comma, dash or opening bracket before the ellipsis goes; closing brackets and quotes stay.
  return `${kept.replace(/[\s\p{Pd}\p{Ps}\p{Pi}\p{Po}]+$/u, '')}${ELLIPSIS}`;
}

const length = (text: string) => [...text].length;

function firstWord(text: string, segmenter: Intl.Segmenter): string {
  let word = '';
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    word += segment;
    if (isWordLike) return word;
  }
  return word;
}

/** `und` and tags Intl does not know fall back to the root rules, which suit most scripts. */
function locale(language: string): string | undefined {
  try {
    return language === 'und' ? undefined : (Intl.Segmenter.supportedLocalesOf([language])[0] ?? undefined);
  } catch {
    return undefined;
  }
}
