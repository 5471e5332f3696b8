import { Claim, Development, Party, ResolvedParty, TimePrecision } from '../api/types';
import { ratingInWords } from '../claim/fact-check-words';
import { retractedIt } from '../claim/retraction-words';
import { formatDate } from '../format/time';

export type DevelopmentKind = 'support' | 'contradiction' | 'retraction' | 'fact-check';

/** A support, contradiction, retraction or outside fact-check of a claim, as one line of the desk names it. */
export interface DecidingDevelopment {
  eventId: string;
  kind: DevelopmentKind;
  by: Pick<Party, 'id' | 'name'>;
  party?: ResolvedParty;
  /** What kind of support or contradiction ("denial"), what the retraction or the fact-check's rating says. */
  detail?: string;
  occurredAt?: string;
  occurredAtPrecision?: TimePrecision;
  /** The source, or the published review. */
  url?: string;
  note?: string;
}

const fromDevelopment = (kind: DevelopmentKind, entry: Development): DecidingDevelopment => ({
  eventId: entry.eventId,
  kind,
  by: entry.by,
  party: entry.party,
  detail: kind === 'retraction' ? retractedIt(entry.kind) : entry.kind?.replace(/_/g, ' '),
  occurredAt: entry.occurredAt,
  occurredAtPrecision: entry.occurredAtPrecision,
  url: entry.source?.url,
  note: entry.note,
});

function developmentsById(claim: Claim): Map<string, DecidingDevelopment> {
  const all: DecidingDevelopment[] = [
    ...claim.supports.map((entry) => fromDevelopment('support', entry)),
    ...claim.contradictions.map((entry) => fromDevelopment('contradiction', entry)),
    ...(claim.retraction ? [fromDevelopment('retraction', claim.retraction)] : []),
    ...(claim.factChecks ?? []).flatMap((check) =>
      check.eventId
        ? [
            {
              eventId: check.eventId,
              kind: 'fact-check' as const,
              by: check.by,
              party: check.party,
              detail: `rated it ${ratingInWords(check.rating, check.meaning)}`,
              occurredAt: check.publishedAt,
              url: check.url,
            },
          ]
        : [],
    ),
  ];
  return new Map(all.map((entry) => [entry.eventId, entry]));
}

/** The developments recorded after the claim's latest verdict: what it needs review for. */
export function developmentsAfterVerdict(claim: Claim): DecidingDevelopment[] {
  if (!claim.needsReview || claim.explanation.rule !== 'verdict') return [];
  const byId = developmentsById(claim);
  return claim.explanation.eventIds.slice(1).flatMap((eventId) => byId.get(eventId) ?? []);
}

/**
 * The developments that decide what the desk should look at: those after the verdict when the claim
 * needs review, else the supports, contradictions and fact-checks its explanation names.
 */
export function decidingDevelopments(claim: Claim): DecidingDevelopment[] {
  if (claim.explanation.rule === 'verdict') return developmentsAfterVerdict(claim);
  const byId = developmentsById(claim);
  return claim.explanation.eventIds.flatMap((eventId) => byId.get(eventId) ?? []);
}

const NOUNS: Record<DevelopmentKind, [string, string]> = {
  support: ['a support', 'supports'],
  contradiction: ['a contradiction', 'contradictions'],
  retraction: ['a retraction', 'retractions'],
  'fact-check': ['an outside fact-check', 'outside fact-checks'],
};

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "a contradiction by US government", "2 supports by AP and Reuters". */
function kindInWords(kind: DevelopmentKind, entries: DecidingDevelopment[]): string {
  const names = listed([...new Set(entries.map((entry) => entry.party?.name ?? entry.by.name))]);
  const [one, many] = NOUNS[kind];
  return `${entries.length === 1 ? one : `${entries.length} ${many}`} by ${names}`;
}

/**
 * Why a claim needs review, in a sentence: "A support by AP arrived after the verdict of 3 Mar 2026."
 * The verdict's date is the day it was ruled, a date: when in the day does not matter here.
 */
export function needsReviewWhy(claim: Claim): string | undefined {
  if (!claim.needsReview) return undefined;
  const rivals = rivalConfirmed(claim);
  if (!claim.verdict) return rivals;
  const later = developmentsAfterVerdict(claim);
  if (rivals && later.length === 0) return rivals;
  const kinds = [...new Set(later.map((entry) => entry.kind))];
  const what =
    kinds.length > 0
      ? listed(
          kinds.map((kind) =>
            kindInWords(
              kind,
              later.filter((entry) => entry.kind === kind),
            ),
          ),
        )
      : 'new developments';
  const sentence = `${what} arrived after the verdict of ${formatDate(claim.verdict.occurredAt)}`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.${rivals ? ` ${rivals}` : ''}`;
}

/** "A rival explanation was confirmed: “Divers placed the charges.”" */
function rivalConfirmed(claim: Claim): string | undefined {
  const rivals = claim.explanation.confirmedRivals ?? [];
  if (rivals.length === 0) return undefined;
  const named = rivals.map((id) => {
    const statement = claim.relations?.find((relation) => relation.claimId === id)?.statement;
    return statement ? `“${statement}”` : id;
  });
  const sentence = `A rival explanation was confirmed: ${named.join(', ')}`;
  return sentence.endsWith('”') ? sentence : `${sentence}.`;
}
