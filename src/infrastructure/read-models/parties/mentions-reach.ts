import { AffectedMentions, unionOf } from '../../../application/registry-cascade/touched-mentions';

/** The reach query's parameters: the changes' party ids and names, as JSON arrays. */
export interface ReachParameters {
  partyIds: string;
  names: string;
}

export function reachParameters(affected: AffectedMentions[]): ReachParameters {
  const { partyIds, names } = unionOf(affected);
  return { partyIds: JSON.stringify([...partyIds]), names: JSON.stringify([...names]) };
}

/** The claims with a mention that registry changes name, by mention id, resolved party or normalized name. */
export const reachQuery = (mentions: string): string =>
  `SELECT claim_id FROM ${mentions} WHERE mention_id IN (SELECT value FROM json_each(@partyIds))
   UNION SELECT claim_id FROM ${mentions} WHERE party_id IN (SELECT value FROM json_each(@partyIds))
   UNION SELECT claim_id FROM ${mentions} WHERE name_key IN (SELECT value FROM json_each(@names))`;
