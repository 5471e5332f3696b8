import { ClaimKind } from '../api/types';

/** Claims without a kind are factual (the API's default, and every claim before kinds existed). */
export const isFactual = (claim: { kind?: ClaimKind }) => claim.kind === undefined || claim.kind === 'factual';

/** Each kind's words and the name of its icon (status/icons). */
export const KIND_META: Record<
  Exclude<ClaimKind, 'factual'>,
  { label: string; plural: string; icon: 'bubble' | 'forward' }
> = {
  opinion: { label: 'Opinion', plural: 'Opinions', icon: 'bubble' },
  prediction: { label: 'Prediction', plural: 'Predictions', icon: 'forward' },
};

/** A claim's kind from its summary, or from its full view while servers' summaries do not carry it. */
export const kindOf = (summary: { kind?: ClaimKind }, detail?: { kind?: ClaimKind }): ClaimKind =>
  summary.kind ?? detail?.kind ?? 'factual';

/** "1 opinion, 2 predictions": the claims that keep their own status but decide nothing; undefined when none. */
export function otherKindsInWords(kinds: Partial<Record<ClaimKind, number>> | undefined): string | undefined {
  const parts = (['opinion', 'prediction'] as const)
    .filter((kind) => (kinds?.[kind] ?? 0) > 0)
    .map((kind) => {
      const count = kinds?.[kind] ?? 0;
      return `${count} ${count === 1 ? KIND_META[kind].label : KIND_META[kind].plural}`.toLowerCase();
    });
  return parts.length > 0 ? parts.join(', ') : undefined;
}
