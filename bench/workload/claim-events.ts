import { randomUUID } from 'node:crypto';
import { CONTRADICTION_KINDS, ClaimEvent, SUPPORT_KINDS, VERDICTS } from '../../src/domain/claim/claim.events';
import { Party } from '../../src/domain/party';
import { Source } from '../../src/domain/source';
import {
  CONTRADICTION_NOTES,
  LANGUAGES,
  MEDIA,
  PREDICATES,
  SPEAKERS,
  SUBJECTS,
  SUPPORT_NOTES,
  TAGS,
  VERDICT_RATIONALES,
} from './newsroom-vocabulary';
import { SeededRandom } from './seeded-random';

/** What the generator remembers of a claim to keep its later events valid. */
export interface ClaimDraft {
  claimId: string;
  claimant: Party;
  reportedBy?: Party;
  retracted: boolean;
}

const occurredBefore = (random: SeededRandom, recordedAt: number) =>
  new Date(recordedAt - random.integer(0, 12 * 3600) * 1000).toISOString();

function sourceOf(random: SeededRandom, outlet: Party, recordedAt: number): Source {
  const day = new Date(recordedAt).toISOString().slice(0, 10);
  return {
    url: `https://news.example/${outlet.id}/${day}/${random.integer(100000, 999999)}`,
    ...(random.chance(0.7) ? { title: `${random.pick(SUBJECTS)}: what we know` } : {}),
    ...(random.chance(0.5) ? { publishedAt: occurredBefore(random, recordedAt) } : {}),
    ...(random.chance(0.3) ? { quote: `${random.pick(SUBJECTS)} ${random.pick(PREDICATES)}` } : {}),
  };
}

export function recordClaim(
  random: SeededRandom,
  storylineId: string,
  recordedAt: number,
): { draft: ClaimDraft; event: ClaimEvent } {
  const claimant = random.pick(SPEAKERS);
  const reportedBy = random.chance(0.6) ? random.pick(MEDIA) : undefined;
  const anonymous = claimant.kind === 'anonymous';
  const draft: ClaimDraft = { claimId: randomUUID(), claimant, reportedBy, retracted: false };
  const statement = `${random.pick(SUBJECTS)} ${random.pick(PREDICATES)}, according to ${claimant.name}.`;
  const event: ClaimEvent = {
    type: 'ClaimRecorded',
    data: {
      claimId: draft.claimId,
      storylineId,
      statement: statement[0].toUpperCase() + statement.slice(1),
      language: random.pick(LANGUAGES),
      claimant,
      ...(reportedBy ? { reportedBy } : {}),
      attribution: anonymous ? 'anonymous' : random.pick(['on_record', 'official_statement'] as const),
      ...(anonymous ? { anonymousSourceCount: random.integer(1, 9) } : {}),
      occurredAt: occurredBefore(random, recordedAt),
      ...(reportedBy && random.chance(0.8) ? { source: sourceOf(random, reportedBy, recordedAt) } : {}),
      tags: [random.pick(TAGS), random.pick(TAGS)].filter((tag, index, all) => all.indexOf(tag) === index),
    },
  };
  return { draft, event };
}

/**
 * About one media piece in ten is joint reporting with the next outlet on the list. Decided by the
 * piece's address rather than by a draw, so the rest of a seeded log stays what it was.
 */
function coAuthorsOf(by: Party, source: { source?: Source }): { with?: Party[] } {
  const number = Number(source.source?.url.split('/').at(-1));
  if (by.kind !== 'media' || !(number % 10 === 0)) return {};
  return { with: [MEDIA[(MEDIA.indexOf(by) + 1) % MEDIA.length]] };
}

/** One later development of a recorded claim, in the mix a desk sees: mostly supports and contradictions. */
export function developClaim(random: SeededRandom, claim: ClaimDraft, recordedAt: number): ClaimEvent {
  const occurredAt = occurredBefore(random, recordedAt);
  const claimId = claim.claimId;
  const roll = random.next();
  if (roll < 0.06 && !claim.retracted) {
    claim.retracted = true;
    // Chosen by the roll already drawn, so the rest of a seeded log stays as it was: some posts deleted
    // without comment, some retractions as older releases stored them (without a kind).
    if (roll < 0.02)
      return { type: 'ClaimRetracted', data: { claimId, by: claim.claimant, occurredAt, kind: 'deleted' } };
    const kind = roll < 0.04 ? { kind: 'withdrawn' as const } : {};
    return {
      type: 'ClaimRetracted',
      data: { claimId, by: claim.claimant, occurredAt, note: 'Withdrawn by the speaker', ...kind },
    };
  }
  if (roll < 0.19) {
    const rationale = random.pick(VERDICT_RATIONALES);
    // Most rulings are published: they name the fact-check, so the review feed's index has rows to keep.
    const published = random.chance(0.6)
      ? {
          reviewUrl: `https://desk.example/checks/${claimId}`,
          ratingText: random.pick(['False', 'Pants on fire', 'True']),
        }
      : {};
    return {
      type: 'ClaimVerdictIssued',
      data: { claimId, verdict: random.pick(VERDICTS), rationale, occurredAt, ...published },
    };
  }
  if (roll < 0.29) {
    const changes = random.chance(0.5)
      ? { statement: `${random.pick(SUBJECTS)} ${random.pick(PREDICATES)} (corrected wording)` }
      : { occurredAt: occurredBefore(random, recordedAt) };
    return { type: 'ClaimCorrected', data: { claimId, changes, reason: 'Transcript mistake', occurredAt } };
  }
  const by = random.pick([...MEDIA, ...SPEAKERS]);
  const source = by.kind === 'media' && random.chance(0.6) ? { source: sourceOf(random, by, recordedAt) } : {};
  if (roll < 0.62) {
    const note = random.chance(0.3) ? { note: random.pick(SUPPORT_NOTES) } : {};
    const data = {
      claimId,
      by,
      occurredAt,
      kind: random.pick(SUPPORT_KINDS),
      ...source,
      ...note,
      ...coAuthorsOf(by, source),
    };
    return { type: 'ClaimSupported', data };
  }
  if (roll >= 0.96) {
    const value = random.integer(1, 5);
    const data = {
      claimId,
      by: random.pick(MEDIA),
      rating: {
        value,
        best: 5,
        worst: 1,
        text: ['False', 'Mostly false', 'Half true', 'Mostly true', 'True'][value - 1],
      },
      url: `https://factcheck.example/${claimId}/${random.integer(1, 3)}`,
      publishedAt: occurredAt,
    };
    return { type: 'ClaimFactChecked', data };
  }
  const note = random.chance(0.3) ? { note: random.pick(CONTRADICTION_NOTES) } : {};
  const data = {
    claimId,
    by,
    occurredAt,
    kind: random.pick(CONTRADICTION_KINDS),
    ...source,
    ...note,
    ...coAuthorsOf(by, source),
  };
  return { type: 'ClaimContradicted', data };
}
