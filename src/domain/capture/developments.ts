import { normalizeName } from '../party/party-names';
import { slugify } from '../slug';
import { Proposal, ProposedDevelopmentKind } from './proposal';
import { TextReading } from './text-reading';

/** A claim the storyline holds, as the proposals are compared with it. */
export interface ExistingClaim {
  id: string;
  statement: string;
  /** The claimant's party id, resolved through the registry (merged duplicates to the party they joined). */
  partyId: string;
  /** Every name the claimant goes by. */
  partyNames: readonly string[];
}

/** Shorter statements are compared whole only: a few words are contained in too many others. */
const MIN_CONTAINED_LENGTH = 20;

function developmentKindOf(reading: TextReading, cue: string): ProposedDevelopmentKind | undefined {
  const lower = cue.toLowerCase();
  if (reading.is.denial.has(lower)) return 'contradiction';
  if (reading.is.confirmation.has(lower)) return 'support';
  if (reading.is.retraction.has(lower)) return 'retraction';
  return undefined;
}

const keyOf = (item: Proposal) => (item.claimant ? normalizeName(item.claimant.name) : undefined);

/**
 * A denial, confirmation or retraction reacts to a statement made before it: the latest earlier
 * proposal by a party the sentence names (a retraction: by the same speaker), else the latest earlier
 * one by another speaker; failing both, a claim of the storyline whose claimant the sentence names.
 */
export function linkDevelopments(reading: TextReading, items: Proposal[], existing: readonly ExistingClaim[]): void {
  items.forEach((item, index) => {
    if (!item.cue) return;
    const kind = developmentKindOf(reading, item.cue.text);
    if (!kind) return;
    const around = normalizeName(
      reading.text.slice(Math.min(item.quote.start, item.cue.start), Math.max(item.quote.end, item.cue.end)),
    );
    const own = keyOf(item);
    const earlier = items.slice(0, index).filter((other) => other.quote.end <= item.cue!.start);
    const named = (other: Proposal) =>
      [other.claimant?.name, other.reportedBy?.name].some((name) => name && around.includes(normalizeName(name)));
    const target =
      kind === 'retraction'
        ? earlier.findLast((other) => keyOf(other) === own)
        : (earlier.findLast((other) => keyOf(other) !== own && named(other)) ??
          earlier.findLast((other) => keyOf(other) !== own && other.claimant !== undefined));
    if (target) {
      item.development = { kind, of: { item: items.indexOf(target) } };
      return;
    }
    const claim = existing.find((candidate) =>
      candidate.partyNames.some((name) => around.includes(normalizeName(name))),
    );
    if (claim) item.development = { kind, of: { claimId: claim.id } };
  });
}

/** Letters and digits only, in the key names are compared by: quotation marks, punctuation and case do not count. */
function statementKey(statement: string): string {
  return normalizeName(statement.replace(/[^\p{L}\p{N}]+/gu, ' '));
}

function sameParty(item: Proposal, claim: ExistingClaim): boolean {
  const claimant = item.claimant;
  if (!claimant) return false;
  if (claimant.partyId !== undefined) return claimant.partyId === claim.partyId;
  const key = normalizeName(claimant.name);
  return slugify(claimant.name) === claim.partyId || claim.partyNames.some((name) => normalizeName(name) === key);
}

function sameStatement(quote: string, statement: string): boolean {
  const [a, b] = [statementKey(quote), statementKey(statement)];
  if (a === b) return a.length > 0;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.length >= MIN_CONTAINED_LENGTH && longer.includes(shorter);
}

/** The storyline already holds a proposal when a claim of it has the same statement by the same party. */
export function linkExistingClaims(items: Proposal[], existing: readonly ExistingClaim[]): void {
  for (const item of items) {
    const claim = existing.find(
      (candidate) => sameParty(item, candidate) && sameStatement(item.quote.text, candidate.statement),
    );
    if (claim) item.existingClaimId = claim.id;
  }
}
