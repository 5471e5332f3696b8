import { z } from 'zod';
import { VERDICTS, Verdict } from '../../domain/claim/claim.events';

/** How the desk's verdicts are published as ClaimReview ratings (`NEWSROOM_RATING_SCALE`). */
export interface RatingScale {
  /** The false end of the numeric line. */
  worst: number;
  /** The true end of the numeric line. */
  best: number;
  /** Each verdict's place on the line and its name; a verdict without a value is published in words only. */
  verdicts: Record<Verdict, { value?: number; name: string }>;
}

/**
 * schema.org's 1 (false) to 5 (true). `unproven` says nothing about truth, only that the desk
 * could not tell, so it gets no number: a 3 would read as "half true" to every aggregator that
 * averages or colours by the value. Google shows the textual rating and asks that numeric ones
 * come with a documented number-to-text system, which this is.
 */
export const DEFAULT_RATING_SCALE: RatingScale = {
  worst: 1,
  best: 5,
  verdicts: {
    refuted: { value: 1, name: 'False' },
    misleading: { value: 2, name: 'Misleading' },
    unproven: { name: 'Unproven' },
    confirmed: { value: 5, name: 'True' },
  },
};

const rating = z.object({ value: z.number().finite().optional(), name: z.string().trim().min(1).max(100) }).strict();

const between = (scale: RatingScale, value: number) =>
  value >= Math.min(scale.worst, scale.best) && value <= Math.max(scale.worst, scale.best);

/** The line runs from worst (false) to best (true); these are the checks a scale must pass. */
export const ratingScaleSchema: z.ZodType<RatingScale, z.ZodTypeDef, unknown> = z
  .object({
    worst: z.number().finite(),
    best: z.number().finite(),
    verdicts: z
      .object(Object.fromEntries(VERDICTS.map((verdict) => [verdict, rating])) as Record<Verdict, typeof rating>)
      .strict(),
  })
  .strict()
  .superRefine((scale, context) => {
    const issue = (path: string[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (scale.worst === scale.best) issue(['best'], 'must differ from worst');
    for (const verdict of VERDICTS) {
      const { value } = scale.verdicts[verdict];
      if (value !== undefined && !between(scale, value)) {
        issue(['verdicts', verdict, 'value'], `must lie between worst (${scale.worst}) and best (${scale.best})`);
      }
    }
    const { refuted, misleading, unproven, confirmed } = scale.verdicts;
    const towardsTrue = (a?: number, b?: number) =>
      a === undefined || b === undefined || (scale.best > scale.worst ? a < b : a > b);
    if (!towardsTrue(refuted.value, confirmed.value))
      issue(['verdicts', 'confirmed', 'value'], 'must be truer than refuted');
    if (!towardsTrue(refuted.value, misleading.value) && misleading.value !== refuted.value) {
      issue(['verdicts', 'misleading', 'value'], 'must not be falser than refuted');
    }
    if (
      unproven.value !== undefined &&
      refuted.value !== undefined &&
      confirmed.value !== undefined &&
      towardsTrue(refuted.value, unproven.value) &&
      towardsTrue(unproven.value, confirmed.value)
    ) {
      issue(
        ['verdicts', 'unproven', 'value'],
        'must not sit between refuted and confirmed (it says nothing of truth); leave it out',
      );
    }
  });
