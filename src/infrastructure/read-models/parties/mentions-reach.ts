import { AffectedMentions } from '../../../application/registry-cascade/touched-mentions';

/** The reach query's parameters: each key set of the changes, all of them together, as a JSON array. */
export interface ReachParameters {
  mentionIds: string;
  names: string;
  discredited: string;
  moved: string;
  partners: string;
}

const asJson = (affected: AffectedMentions[], key: keyof ReachParameters): string =>
  JSON.stringify(affected.flatMap((change) => [...change[key]]));

/** The roles the status rule weighs against the claim's authors, and the authors' roles (status-decision.ts). */
const EVIDENCE = `('supporter', 'factChecker')`;
const AUTHORS = `('claimant', 'reporter')`;

export function reachParameters(affected: AffectedMentions[]): ReachParameters {
  return {
    mentionIds: asJson(affected, 'mentionIds'),
    names: asJson(affected, 'names'),
    discredited: asJson(affected, 'discredited'),
    moved: asJson(affected, 'moved'),
    partners: asJson(affected, 'partners'),
  };
}

/**
 * The claims registry changes reach (touched-mentions.ts): a mention that resolves anew, by its id or
 * its normalized name; a mention resolved to a party discredited or reinstated; evidence and an author
 * of distinct parties, one whose reach moved and one that may be related to it differently. Each arm
 * starts from one of the mentions index's indexes (parties.schema.ts), the pairs' other side by claim.
 */
export const reachQuery = (mentions: string): string => {
  const pair = (evidenceIn: string, authorIn: string) =>
    `SELECT evidence.claim_id FROM ${mentions} evidence JOIN ${mentions} author
       ON author.claim_id = evidence.claim_id AND author.party_id <> evidence.party_id AND author.role IN ${AUTHORS}
     WHERE evidence.party_id IN (SELECT value FROM json_each(@${evidenceIn})) AND evidence.role IN ${EVIDENCE}
       AND author.party_id IN (SELECT value FROM json_each(@${authorIn}))`;
  return `SELECT claim_id FROM ${mentions} WHERE mention_id IN (SELECT value FROM json_each(@mentionIds))
   UNION SELECT claim_id FROM ${mentions} WHERE name_key IN (SELECT value FROM json_each(@names))
   UNION SELECT claim_id FROM ${mentions} WHERE party_id IN (SELECT value FROM json_each(@discredited))
   UNION ${pair('moved', 'partners')}
   UNION ${pair('partners', 'moved')}`;
};
