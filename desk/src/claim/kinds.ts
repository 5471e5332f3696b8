import { ClaimKind } from '../api/types';
import { IconName } from '../status/icons';

/** Claims without a kind are factual (the API's default, and every claim before kinds existed). */
export const isFactual = (claim: { kind?: ClaimKind }) => claim.kind === undefined || claim.kind === 'factual';

export const KIND_META: Record<Exclude<ClaimKind, 'factual'>, { label: string; plural: string; icon: IconName }> = {
  opinion: { label: 'Opinion', plural: 'Opinions', icon: 'bubble' },
  prediction: { label: 'Prediction', plural: 'Predictions', icon: 'forward' },
};

/** A claim's kind from its summary, or from its full view while servers' summaries do not carry it. */
export const kindOf = (summary: { kind?: ClaimKind }, detail?: { kind?: ClaimKind }): ClaimKind =>
  summary.kind ?? detail?.kind ?? 'factual';
