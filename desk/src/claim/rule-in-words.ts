/** SPEC §3's rule, one sentence per step, for the explanation a claim view carries. */
const RULES: Record<string, string> = {
  verdict: 'The desk’s latest verdict decides the status, whatever came before it.',
  retracted: 'There is no verdict, and the claimant or the reporting outlet withdrew the claim.',
  contradicted: 'There is no verdict or retraction, and at least one contradiction counts.',
  independent_support:
    'There is no verdict, retraction or contradiction, and at least one independent source supports it.',
  no_independent_support:
    'There is no verdict, retraction or contradiction, and no independent source supports it yet.',
};

export const ruleInWords = (rule: string) => RULES[rule] ?? `Rule: ${rule.replace(/_/g, ' ')}.`;
