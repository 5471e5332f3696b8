import { Party, PartyKind } from '../../domain/party';
import { normalizeName } from '../../domain/party/party-names';
import { ResolvedParty } from '../../domain/party/party-registry';
import { ClaimEvaluation } from './claim-evaluation';
import { ClaimRecord } from './claim-record';

export const MENTION_ROLES = ['claimant', 'reporter', 'supporter', 'contradictor', 'factChecker'] as const;
export type MentionRole = (typeof MENTION_ROLES)[number];

export type MentionCounts = Record<MentionRole, number>;

/**
 * One way a claim names a party, as the mentions index keeps it: what the reporter sent, and the
 * party it resolved to when the claim was last evaluated. A registry event finds the claims it may
 * change through `mentionId`, `partyId` and `nameKey` (see registry-changes.ts).
 */
export interface PartyMention {
  role: MentionRole;
  mentionId: string;
  nameKey: string;
  name: string;
  kind: PartyKind;
  partyId: string;
  registered: boolean;
}

const adHoc = (mention: Party): ResolvedParty => ({ ...mention, registered: false });

/** Each distinct mention of the claim, by role; rows of an older rule version without resolutions resolve to themselves. */
export function mentionsOf({ claim }: ClaimRecord, evaluation: ClaimEvaluation): PartyMention[] {
  const mentions = new Map<string, PartyMention>();
  const add = (role: MentionRole, mention: Party, party: ResolvedParty | undefined) => {
    const resolved = party ?? adHoc(mention);
    const row = {
      role,
      mentionId: mention.id,
      nameKey: normalizeName(mention.name),
      name: mention.name,
      kind: mention.kind,
      partyId: resolved.id,
      registered: resolved.registered,
    };
    mentions.set(`${role}\u0000${row.mentionId}\u0000${row.nameKey}`, row);
  };
  const partyOf = (standings: Array<{ eventId: string; party?: ResolvedParty }> | undefined) =>
    new Map((standings ?? []).map((standing) => [standing.eventId, standing.party]));
  add('claimant', claim.content.claimant, evaluation.parties?.claimant);
  if (claim.content.reportedBy) add('reporter', claim.content.reportedBy, evaluation.parties?.reportedBy);
  const supporters = partyOf(evaluation.supports);
  for (const support of claim.supports) add('supporter', support.by, supporters.get(support.eventId));
  const contradictors = partyOf(evaluation.contradictions);
  for (const contradiction of claim.contradictions) {
    add('contradictor', contradiction.by, contradictors.get(contradiction.eventId));
  }
  const factCheckers = partyOf(evaluation.factChecks);
  for (const factCheck of claim.factChecks) add('factChecker', factCheck.by, factCheckers.get(factCheck.eventId));
  return [...mentions.values()];
}

/** Equal for two lists of the same mentions resolved alike: whether a claim's index rows need rewriting. */
export const mentionsKey = (mentions: PartyMention[]): string =>
  mentions
    .map(
      (mention) =>
        `${mention.role}\u0000${mention.mentionId}\u0000${mention.nameKey}\u0000${mention.partyId}\u0000${mention.registered ? 1 : 0}`,
    )
    .join('\u0001');
