import Database from 'better-sqlite3';
import type { AffectedMentions } from '../../../application/registry-cascade/touched-mentions';

/** The reach queries' parameters: each key set of the changes, all of them together, as a JSON array. */
interface ReachParameters {
  mentionIds: string;
  names: string;
  discredited: string;
  moved: string;
  partners: string;
}

/** The roles the status rule weighs against the claim's authors, and the authors' roles (status-decision.ts). */
const EVIDENCE = `('supporter', 'factChecker')`;
const AUTHORS = `('claimant', 'reporter')`;

/**
 * The claims registry changes reach (touched-mentions.ts), one query per way: a mention that resolves
 * anew, by its id or its normalized name; a mention resolved to a party discredited or reinstated;
 * evidence and an author of distinct parties, one whose reach moved and one that may be related to it
 * differently. Each starts from one of the mentions index's indexes (parties.schema.ts), the pairs'
 * other side by claim. Asked apart and joined here: as one UNION, SQLite planned the pairs far worse
 * (55 ms against under 2 ms for the same answer).
 */
function reachQueries(mentions: string): Array<{ sql: string; uses: Array<keyof ReachParameters> }> {
  // Each pair is found from its side in `moved` (few parties, by the index on party_id), the other side by claim.
  const pair = (movedSide: 'evidence' | 'author') => {
    const other = movedSide === 'evidence' ? 'author' : 'evidence';
    return {
      sql: `SELECT evidence.claim_id FROM ${mentions} ${movedSide} JOIN ${mentions} ${other}
         ON ${other}.claim_id = ${movedSide}.claim_id AND ${other}.party_id <> ${movedSide}.party_id
       WHERE evidence.role IN ${EVIDENCE} AND author.role IN ${AUTHORS}
         AND ${movedSide}.party_id IN (SELECT value FROM json_each(@moved))
         AND +${other}.party_id IN (SELECT value FROM json_each(@partners))`,
      uses: ['moved', 'partners'] as Array<keyof ReachParameters>,
    };
  };
  const column = (name: string, key: keyof ReachParameters) => ({
    sql: `SELECT claim_id FROM ${mentions} WHERE ${name} IN (SELECT value FROM json_each(@${key}))`,
    uses: [key],
  });
  return [
    column('mention_id', 'mentionIds'),
    column('name_key', 'names'),
    column('party_id', 'discredited'),
    pair('evidence'),
    pair('author'),
  ];
}

type Prepare = (sql: string) => Database.Statement<[Partial<ReachParameters>]>;

/** The claims `affected` reach, by the mentions table `mentions`, with statements `prepare` gives (and may keep). */
export function claimsReachedBy(mentions: string, prepare: Prepare, affected: AffectedMentions[]): string[] {
  const claims = new Set<string>();
  for (const { sql, uses } of reachQueries(mentions)) {
    const values = uses.map((key) => affected.flatMap((change) => [...change[key]]));
    if (values.some((set) => set.length === 0)) continue;
    const parameters = Object.fromEntries(uses.map((key, index) => [key, JSON.stringify(values[index])]));
    for (const claimId of prepare(sql).pluck().all(parameters) as string[]) claims.add(claimId);
  }
  return [...claims];
}
