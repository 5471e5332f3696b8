import { Party, PartyKind } from '../../domain/party';
import { normalizeName } from '../../domain/party/party-names';
import { ResolvedParty } from '../../domain/party/party-registry';
import { idKey } from '../../domain/slug';
import { ClaimEvaluation } from './claim-evaluation';
import { ClaimRecord } from './claim-record';

export const MENTION_ROLES = ['claimant', 'reporter', 'supporter', 'contradictor', 'factChecker', 'about'] as const;
export type MentionRole = (typeof MENTION_ROLES)[number];

export type MentionCounts = Record<MentionRole, number>;

/**
 * One way a claim names a party, as the mentions index keeps it: what the reporter sent, and the
 * party it resolved to when the claim was last evaluated. A registry event finds the claims it may
 * change through `mentionId`, `partyId` and `nameKey` (see registry-changes.ts).
 */
export interface PartyMention {
  role: MentionRole;
  /** The mention's id by its key (slug.ts idKey), as a registered id is compared with it. */
  mentionId: string;
  nameKey: string;
  name: string;
  kind: PartyKind;
  partyId: string;
  registered: boolean;
}

const adHoc = (mention: Party): ResolvedParty => ({ ...mention, registered: false });

/** A mention's place in the index: one row per role, mention id and normalized name. */
const rowKey = (mention: PartyMention) => `${mention.role}\u0000${mention.mentionId}\u0000${mention.nameKey}`;

/** Each distinct mention of the claim, by role; rows of an older rule version without resolutions resolve to themselves. */
export function mentionsOf({ claim }: ClaimRecord, evaluation: ClaimEvaluation): PartyMention[] {
  const mentions = new Map<string, PartyMention>();
  const add = (role: MentionRole, mention: Party, party: ResolvedParty | undefined) => {
    const resolved = party ?? adHoc(mention);
    const row = {
      role,
      mentionId: idKey(mention.id),
      nameKey: normalizeName(mention.name),
      name: mention.name,
      kind: mention.kind,
      partyId: resolved.id,
      registered: resolved.registered,
    };
    mentions.set(rowKey(row), row);
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
  claim.content.about?.forEach((subject, index) => add('about', subject, evaluation.parties?.about?.[index]));
  const factCheckers = partyOf(evaluation.factChecks);
  for (const factCheck of claim.factChecks) add('factChecker', factCheck.by, factCheckers.get(factCheck.eventId));
  return [...mentions.values()];
}

/** The index rows a claim's mentions changing from `before` to `after` deletes and writes. */
export interface MentionsChange {
  removed: PartyMention[];
  written: PartyMention[];
}

/** Undefined when the claim's index rows stand as they are: the same mentions, named and resolved as before. */
export function mentionsChange(before: PartyMention[], after: PartyMention[]): MentionsChange | undefined {
  const previous = new Map(before.map((mention) => [rowKey(mention), mention]));
  const written = after.filter((mention) => {
    const was = previous.get(rowKey(mention));
    return (
      !was ||
      was.partyId !== mention.partyId ||
      was.registered !== mention.registered ||
      was.name !== mention.name ||
      was.kind !== mention.kind
    );
  });
  const kept = new Set(after.map(rowKey));
  const removed = before.filter((mention) => !kept.has(rowKey(mention)));
  return written.length > 0 || removed.length > 0 ? { removed, written } : undefined;
}
