import { Attribution, Claim, ClaimKind, PartyKind, TimePrecision } from '../api/types';

/** A party as the form's PartyField holds it. */
interface Party {
  name: string;
  kind: PartyKind;
}

/** The Occurred field's value (forms/occurred-field), spelled out so this file needs no components. */
interface Occurred {
  precision: 'exact' | TimePrecision;
  local: string;
}

/** The claim's fields a correction can change, as the form edits them (ClaimChangesDto). */
export interface CorrectableFields {
  statement: string;
  language: string;
  kind: ClaimKind;
  claimant: Party;
  reportedBy: Party;
  attribution: Attribution;
  anonymousSourceCount: string;
  occurred: Occurred;
  summary: string;
  tags: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The claim's time as the Occurred field shows it: an exact time in this page's zone; a time known
 * only to the day (month, year) as written, since its start in its own offset names that day.
 */
function occurredOf(claim: Claim): Occurred {
  const precision = claim.occurredAtPrecision;
  if (precision === 'year') return { precision, local: claim.occurredAt.slice(0, 4) };
  if (precision === 'month') return { precision, local: claim.occurredAt.slice(0, 7) };
  if (precision === 'day') return { precision, local: claim.occurredAt.slice(0, 10) };
  const at = new Date(claim.occurredAt);
  const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return { precision: 'exact', local };
}

const partyOf = (party: { name: string; kind?: string } | undefined): Party => ({
  name: party?.name ?? '',
  kind: (party?.kind ?? 'person') as PartyKind,
});

export function correctableFields(claim: Claim): CorrectableFields {
  return {
    statement: claim.statement,
    language: claim.language,
    kind: claim.kind ?? 'factual',
    claimant: partyOf(claim.claimant),
    reportedBy: partyOf(claim.reportedBy),
    attribution: claim.attribution as Attribution,
    anonymousSourceCount: claim.anonymousSourceCount ? String(claim.anonymousSourceCount) : '',
    occurred: occurredOf(claim),
    summary: claim.summary ?? '',
    tags: claim.tags.join(', '),
  };
}

const tagList = (tags: string) =>
  tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

const sameParty = (a: Party, b: Party) => a.name.trim() === b.name.trim() && a.kind === b.kind;

/**
 * Only what the editor changed, in the API's terms: a cleared optional field is null (the API
 * removes it), a party is sent by name and kind, the time with its precision.
 */
export function changesFrom(
  before: CorrectableFields,
  after: CorrectableFields,
  /** The form's time converter (occurredForApi), passed in so this stays free of components. */
  timeForApi: (occurred: Occurred) => { occurredAt: string; occurredAtPrecision?: string },
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const text = (field: 'statement' | 'language') => {
    if (after[field].trim() !== before[field].trim()) changes[field] = after[field].trim();
  };
  text('statement');
  text('language');
  if (after.kind !== before.kind) changes.kind = after.kind;
  if (!sameParty(after.claimant, before.claimant)) {
    changes.claimant = { name: after.claimant.name.trim(), kind: after.claimant.kind };
  }
  if (!sameParty(after.reportedBy, before.reportedBy)) {
    changes.reportedBy = after.reportedBy.name.trim()
      ? { name: after.reportedBy.name.trim(), kind: after.reportedBy.kind }
      : null;
  }
  if (after.attribution !== before.attribution) changes.attribution = after.attribution;
  if (after.anonymousSourceCount.trim() !== before.anonymousSourceCount.trim()) {
    changes.anonymousSourceCount = after.anonymousSourceCount.trim() ? Number(after.anonymousSourceCount) : null;
  }
  if (after.occurred.local !== before.occurred.local || after.occurred.precision !== before.occurred.precision) {
    const time = timeForApi(after.occurred);
    changes.occurredAt = time.occurredAt;
    changes.occurredAtPrecision = time.occurredAtPrecision ?? null;
  }
  if (after.summary.trim() !== before.summary.trim()) changes.summary = after.summary.trim() || null;
  if (tagList(after.tags).join(',') !== tagList(before.tags).join(',')) changes.tags = tagList(after.tags);
  return changes;
}

/** The claim's current value of each changed field, for the before/after table. */
export function currentValues(claim: Claim, changes: Record<string, unknown>): Record<string, unknown> {
  const current = claim as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changes).map((field) => [field, current[field]]));
}
