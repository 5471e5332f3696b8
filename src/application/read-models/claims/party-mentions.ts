import { Party, PartyKind } from '../../../domain/party';
import { normalizeName } from '../../../domain/party/party-names';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { idKey } from '../../../domain/slug';
import { DecisionFacts } from '../../../domain/claim/decision-facts';

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

/** A mention's place in the index: one row per role, mention id and normalized name. */
const rowKey = (mention: Pick<PartyMention, 'role' | 'mentionId' | 'nameKey'>) =>
  `${mention.role}\u0000${mention.mentionId}\u0000${mention.nameKey}`;

type NamedMention = Omit<PartyMention, 'partyId' | 'registered'> & { mention: Party };

/** Each claim's distinct mentions by role, worked out once per fold: a registry event only resolves them again. */
const namedMentions = new WeakMap<DecisionFacts, NamedMention[]>();

function namedMentionsOf(claim: DecisionFacts): NamedMention[] {
  let named = namedMentions.get(claim);
  if (!named) {
    const byKey = new Map<string, NamedMention>();
    const add = (role: MentionRole, mention: Party) => {
      const row = { role, mentionId: idKey(mention.id), nameKey: normalizeName(mention.name), name: mention.name };
      // The last of a role's mentions under one key names the row.
      byKey.set(rowKey(row), { ...row, kind: mention.kind, mention });
    };
    // A joint piece's co-authors are mentioned in the role of the piece: they reported, supported or contradicted it too.
    const addPiece = (role: MentionRole, by: Party, coAuthors: readonly Party[] = []) => {
      add(role, by);
      for (const coAuthor of coAuthors) add(role, coAuthor);
    };
    add('claimant', claim.content.claimant);
    if (claim.content.reportedBy) add('reporter', claim.content.reportedBy);
    for (const coReporter of claim.content.with ?? []) add('reporter', coReporter);
    for (const support of claim.supports) addPiece('supporter', support.by, support.with);
    for (const contradiction of claim.contradictions) addPiece('contradictor', contradiction.by, contradiction.with);
    for (const subject of claim.content.about ?? []) add('about', subject);
    for (const factCheck of claim.factChecks) add('factChecker', factCheck.by);
    named = [...byKey.values()];
    namedMentions.set(claim, named);
  }
  return named;
}

/**
 * Each distinct mention of the claim, by role, with the party the registry resolves it to. Given the
 * rows written for the same mentions (`known`), returns them as they are when each still resolves
 * to the same party, which is what most registry events leave: no rows are built for those.
 */
export function mentionsOf(claim: DecisionFacts, registry: PartyRegistry, known?: PartyMention[]): PartyMention[] {
  const named = namedMentionsOf(claim);
  if (known && resolveAsBefore(named, registry, known)) return known;
  return named.map((mention) => {
    const resolved = registry.resolve(mention.mention);
    return {
      role: mention.role,
      mentionId: mention.mentionId,
      nameKey: mention.nameKey,
      name: mention.name,
      kind: mention.kind,
      partyId: resolved.id,
      registered: resolved.registered,
    };
  });
}

function resolveAsBefore(named: NamedMention[], registry: PartyRegistry, known: PartyMention[]): boolean {
  if (named.length !== known.length) return false;
  for (let index = 0; index < named.length; index += 1) {
    const mention = named[index];
    const was = known[index];
    if (
      mention.role !== was.role ||
      mention.mentionId !== was.mentionId ||
      mention.nameKey !== was.nameKey ||
      mention.name !== was.name ||
      mention.kind !== was.kind
    ) {
      return false;
    }
    const resolved = registry.resolve(mention.mention);
    if (resolved.id !== was.partyId || resolved.registered !== was.registered) return false;
  }
  return true;
}

/** The index rows of a claim in the order its fold names them (as `mentionsOf` gives them), when they are its rows. */
export function inFoldOrder(claim: DecisionFacts, rows: PartyMention[]): PartyMention[] {
  const named = namedMentionsOf(claim);
  if (named.length !== rows.length) return rows;
  const byKey = new Map(rows.map((row) => [rowKey(row), row]));
  const ordered = named.map((mention) => byKey.get(rowKey(mention)));
  return ordered.every((row) => row !== undefined) ? (ordered as PartyMention[]) : rows;
}

const sameRow = (a: PartyMention, b: PartyMention) =>
  a.role === b.role &&
  a.mentionId === b.mentionId &&
  a.nameKey === b.nameKey &&
  a.partyId === b.partyId &&
  a.registered === b.registered &&
  a.name === b.name &&
  a.kind === b.kind;

/** The index rows a claim's mentions changing from `before` to `after` deletes and writes. */
export interface MentionsChange {
  removed: PartyMention[];
  written: PartyMention[];
}

/** Undefined when the claim's index rows stand as they are: the same mentions, named and resolved as before. */
export function mentionsChange(before: PartyMention[], after: PartyMention[]): MentionsChange | undefined {
  // Rows in the order the fold names them, as the projection keeps them: most registry events change none.
  if (before.length === after.length && after.every((row, index) => sameRow(before[index], row))) return undefined;
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

/** How each of the claim's mentions resolved, in fold order: a party id (null when the mention's own id), and whether it is registered. */
export type Resolutions = Array<string | null | 0 | 1>;

/** The resolutions of `mentions`, when they are the claim's rows in fold order; undefined when not. */
export function resolutionsOf(claim: DecisionFacts, mentions: PartyMention[]): Resolutions | undefined {
  const named = namedMentionsOf(claim);
  if (named.length !== mentions.length) return undefined;
  const resolutions: Resolutions = [];
  for (let index = 0; index < named.length; index += 1) {
    const [mention, row] = [named[index], mentions[index]];
    if (rowKey(mention) !== rowKey(row) || mention.name !== row.name || mention.kind !== row.kind) return undefined;
    resolutions.push(row.partyId === row.mentionId ? null : row.partyId, row.registered ? 1 : 0);
  }
  return resolutions;
}

/** The claim's rows of the mentions index from their resolutions (`resolutionsOf`). */
export function mentionsResolvedAs(claim: DecisionFacts, resolutions: Resolutions): PartyMention[] {
  return namedMentionsOf(claim).map((mention, index) => ({
    role: mention.role,
    mentionId: mention.mentionId,
    nameKey: mention.nameKey,
    name: mention.name,
    kind: mention.kind,
    partyId: (resolutions[index * 2] as string | null) ?? mention.mentionId,
    registered: resolutions[index * 2 + 1] === 1,
  }));
}
