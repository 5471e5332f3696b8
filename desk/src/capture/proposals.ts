import { ClaimToRecord, DevelopmentToRecord, PartyInput, SourceInput } from '../api/command-bodies';
import { ExtractionItem, ProposedDevelopmentKind, ProposedParty } from '../api/extractions';
import { Attribution, Claim, ClaimKind, Development, PARTY_KINDS, PartyKind } from '../api/types';
import { newIdempotencyKey } from '../forms/idempotency-key';

/** The article the proposals come from: every claim and development recorded from it cites it. */
export interface Article {
  storylineId: string;
  language: string;
  url: string;
  title?: string;
  publishedAt?: string;
}

export type Outcome =
  | { state: 'proposed' }
  /** The storyline holds it already (the API said so, or the same words from the same article are there). */
  | { state: 'existing'; claimId: string }
  | { state: 'recording' }
  | { state: 'recorded'; claimId: string; position: number }
  | { state: 'failed'; error: unknown }
  /** A development whose claim is not recorded (not selected, dropped, or failed). */
  | { state: 'waiting'; reason: string };

/** One proposal as the editor shapes it before recording. */
export interface Proposal {
  /** Its place in the API's answer, which developments refer to; numbered from 1 on the page. */
  index: number;
  item: ExtractionItem;
  selected: boolean;
  statement: string;
  claimant: PartyInput;
  reportedBy?: PartyInput;
  kind: ClaimKind;
  attribution: Attribution;
  anonymousSources: string;
  language: string;
  /** For a development: denial, dispute… (none for a retraction). */
  developmentKind: string;
  /** One per proposal, so recording it again after a lost answer records it once. */
  idempotencyKey: string;
  outcome: Outcome;
}

/** The language the API answers for a text in none of the languages it reads (BCP 47 "undetermined"). */
export const UNDETERMINED = 'und';

/** As forms/fields' `filled`, kept here so this file stays free of components. */
const filled = (value: string) => value.trim() || undefined;

const DEFAULT_DEVELOPMENT_KIND: Record<ProposedDevelopmentKind, string> = {
  contradiction: 'denial',
  support: 'confirmation',
  retraction: '',
};

const partyKind = (kind: string | undefined, otherwise: PartyKind): PartyKind =>
  (PARTY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as PartyKind) : otherwise;

function partyOf(party: ProposedParty | undefined, otherwise: PartyKind): PartyInput {
  if (!party) return { name: '', kind: otherwise };
  return { ...(party.partyId ? { id: party.partyId } : {}), name: party.name, kind: partyKind(party.kind, otherwise) };
}

const ENCLOSING_MARKS = /^[\s„“”"»«‚‘’'‹›]+|[\s„“”"»«‚‘’'‹›]+$/gu;

/** The statement starts as the quotation's words without the marks around them; the source keeps them as written. */
export const statementOf = (quote: string) => quote.replace(ENCLOSING_MARKS, '') || quote;

export const isDevelopment = (proposal: Proposal) => proposal.item.development !== undefined;

/** The proposals as the API made them, with what the storyline already holds marked as existing. */
export function proposalsOf(items: ExtractionItem[], article: Article, claims: Claim[]): Proposal[] {
  const proposals = items.map((item, index): Proposal => {
    const development = item.development?.kind;
    return {
      index,
      item,
      selected: true,
      statement: statementOf(item.quote.text),
      claimant: partyOf(item.claimant, 'person'),
      reportedBy: item.reportedBy ? partyOf(item.reportedBy, 'media') : undefined,
      kind: 'factual',
      attribution: item.attribution,
      anonymousSources: item.anonymousSourceCount ? String(item.anonymousSourceCount) : '',
      language: article.language,
      developmentKind: development ? DEFAULT_DEVELOPMENT_KIND[development] : '',
      idempotencyKey: newIdempotencyKey(),
      outcome: { state: 'proposed' },
    };
  });
  const citesThis = (source: { url?: string; quote?: string } | undefined, proposal: Proposal) =>
    source?.url === article.url && source.quote === proposal.item.quote.text;
  for (const proposal of proposals.filter((candidate) => !isDevelopment(candidate))) {
    const claimId = proposal.item.existingClaimId ?? claims.find((claim) => citesThis(claim.source, proposal))?.id;
    if (claimId) Object.assign(proposal, { selected: false, outcome: { state: 'existing', claimId } });
  }
  for (const proposal of proposals.filter(isDevelopment)) {
    const target = targetClaimId(proposal, proposals);
    const claim = target ? claims.find((candidate) => candidate.id === target) : undefined;
    if (claim && developmentsOf(claim).some((development) => citesThis(development.source, proposal))) {
      Object.assign(proposal, { selected: false, outcome: { state: 'existing', claimId: claim.id } });
    }
  }
  return proposals;
}

const developmentsOf = (claim: Claim): Development[] => [
  ...claim.supports,
  ...claim.contradictions,
  ...(claim.retraction ? [claim.retraction] : []),
];

/** The claim a development is about, once it is known: recorded before, or now. */
export function targetClaimId(proposal: Proposal, proposals: Proposal[]): string | undefined {
  const of = proposal.item.development?.of;
  if (!of) return undefined;
  if ('claimId' in of) return of.claimId;
  const target = proposals.find((candidate) => candidate.index === of.item);
  const outcome = target?.outcome;
  return outcome?.state === 'existing' || outcome?.state === 'recorded' ? outcome.claimId : undefined;
}

/** Why a development cannot be recorded yet, in words. */
export function waitingReason(proposal: Proposal, proposals: Proposal[]): string {
  const of = proposal.item.development?.of;
  if (!of || 'claimId' in of) return 'Its claim is not known.';
  const target = proposals.find((candidate) => candidate.index === of.item);
  return target
    ? `Not recorded: proposal ${of.item + 1}, which it answers, is not recorded. Select it and record again.`
    : `Not recorded: proposal ${of.item + 1}, which it answers, was dropped.`;
}

function sourceOf(proposal: Proposal, article: Article): SourceInput {
  return {
    url: article.url,
    ...(article.title ? { title: article.title } : {}),
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    quote: proposal.item.quote.text,
    ...(filled(proposal.language) ? { quoteLanguage: proposal.language.trim() } : {}),
  };
}

/** A claim reported in an article happened by the time it was published; without a date, now. */
const occurredAt = (article: Article, now: Date) => article.publishedAt ?? now.toISOString();

const trimmed = (party: PartyInput): PartyInput => ({ ...party, name: party.name.trim() });

export function claimToRecord(proposal: Proposal, article: Article, now = new Date()): ClaimToRecord {
  const anonymous = proposal.attribution === 'anonymous' && proposal.anonymousSources.trim() !== '';
  return {
    statement: proposal.statement.trim(),
    language: filled(proposal.language),
    kind: proposal.kind,
    claimant: trimmed(proposal.claimant),
    ...(proposal.reportedBy?.name.trim() ? { reportedBy: trimmed(proposal.reportedBy) } : {}),
    attribution: proposal.attribution,
    ...(anonymous ? { anonymousSourceCount: Number(proposal.anonymousSources) } : {}),
    occurredAt: occurredAt(article, now),
    source: sourceOf(proposal, article),
  };
}

export function developmentToRecord(proposal: Proposal, article: Article, now = new Date()): DevelopmentToRecord {
  return {
    by: trimmed(proposal.claimant),
    ...(proposal.developmentKind ? { kind: proposal.developmentKind } : {}),
    occurredAt: occurredAt(article, now),
    source: sourceOf(proposal, article),
  };
}
