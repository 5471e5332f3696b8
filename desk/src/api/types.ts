/** The JSON the desk reads from the API (SPEC §4). Fields that later releases add are optional. */

export const CLAIM_STATUSES = [
  'disputed',
  'unverified',
  'corroborated',
  'misleading',
  'refuted',
  'unproven',
  'confirmed',
  'retracted',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STORYLINE_STATUSES = ['disputed', 'developing', 'settled', 'empty'] as const;
export type StorylineStatus = (typeof STORYLINE_STATUSES)[number];

export const VERDICTS = ['confirmed', 'refuted', 'misleading', 'unproven'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CLAIM_KINDS = ['factual', 'opinion', 'prediction'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const ATTRIBUTIONS = ['on_record', 'anonymous', 'official_statement', 'unattributed'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const PARTY_KINDS = ['person', 'government', 'organization', 'media', 'anonymous'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Only this much of a time is known: it stands for the start of that day, month or year. */
export const TIME_PRECISIONS = ['day', 'month', 'year'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export interface Party {
  id: string;
  name: string;
  kind?: string;
}

/** The canonical party a mention resolved to through the party registry. */
export interface ResolvedParty {
  id: string;
  name: string;
  kind?: string;
  registered: boolean;
}

export interface Translation {
  text: string;
  language: string;
}

export interface Source {
  url: string;
  title?: string;
  publishedAt?: string;
  /** Only this much of publishedAt is known (a page dated without a time). */
  publishedAtPrecision?: TimePrecision;
  /** The original wording, in its original language: never a translation. */
  quote?: string;
  quoteLanguage?: string;
  /** The wording as the source renders it in another language. */
  translation?: Translation;
  /** The source says a machine generated it, wholly or in part. */
  machineGenerated?: boolean;
}

/** A support, contradiction or retraction. `counts` and `reason` come with the party registry. */
export interface Development {
  eventId: string;
  by: Party;
  party?: ResolvedParty;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  kind?: string;
  source?: Source;
  note?: string;
  independent?: boolean;
  counts?: boolean;
  reason?: string;
  /** Co-authors of its piece (joint reporting), as recorded and as resolved. */
  with?: Party[];
  coAuthors?: ResolvedParty[];
  /** "joint reporting by NDR, WDR and Die Zeit". */
  jointReporting?: string;
  /** A support whose party, or a party related to it, has a stake in the storyline. */
  stake?: string;
  /** "denial by the subject": a contradiction by a party the claim is about. */
  label?: string;
}

export interface VerdictEntry {
  eventId: string;
  verdict: Verdict;
  rationale: string;
  occurredAt: string;
  recordedAt?: string;
  reviewUrl?: string;
  ratingText?: string;
  reviewer?: string;
}

export interface CorrectionEntry {
  eventId: string;
  changes: Record<string, unknown>;
  reason: string;
  occurredAt: string;
}

export interface FactCheckRating {
  value?: number;
  best?: number;
  worst?: number;
  text?: string;
}

export type FactCheckEffect = 'contradiction' | 'support' | 'neither';

/** What a rating means on its scale, in English, as the API reads it. */
export type RatingMeaning = 'false' | 'mostly false' | 'mixed' | 'mostly true' | 'true';

/** Another fact-checker's published review: evidence, never the desk's verdict. */
export interface FactCheck {
  eventId?: string;
  by: Party;
  party?: ResolvedParty;
  rating?: FactCheckRating;
  url?: string;
  publishedAt?: string;
  /** Only this much of publishedAt is known (a review dated without a time). */
  publishedAtPrecision?: TimePrecision;
  effect?: FactCheckEffect;
  meaning?: RatingMeaning;
  counts?: boolean;
  reason?: string;
}

/** Counting contradictions from parties that are not independent of each other. */
export interface Voice {
  parties: ResolvedParty[];
  eventIds: string[];
  /** Why they are one voice; absent for a voice of one party. */
  why?: string;
}

export interface Explanation {
  rule: string;
  eventIds: string[];
  summary: string;
  /** Registry events the status rests on. */
  registryEventIds?: string[];
  /** Rivals confirmed since the desk last ruled on the claim: why it needs review. */
  confirmedRivals?: string[];
}

/** Another claim a claim is related to: the same claim recorded again, or a rival explanation. */
export interface RelatedClaim {
  claimId: string;
  relation: 'same_as' | 'rival_of';
  storylineId?: string;
  statement?: string;
  status?: ClaimStatus;
  needsReview?: boolean;
}

export interface Claim {
  id: string;
  storylineId: string;
  statement: string;
  language: string;
  claimant: Party;
  reportedBy?: Party;
  /** The parties the claim is about. */
  about?: Party[];
  attribution: string;
  anonymousSourceCount?: number;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  source?: Source;
  tags: string[];
  kind?: ClaimKind;
  summary?: string;
  /** The reporter's co-authors of the claim's piece. */
  with?: Party[];
  parties?: {
    claimant?: ResolvedParty;
    reportedBy?: ResolvedParty;
    with?: ResolvedParty[];
    jointReporting?: string;
    about?: ResolvedParty[];
  };
  status: ClaimStatus;
  needsReview: boolean;
  explanation: Explanation;
  supports: Development[];
  contradictions: Development[];
  retraction?: Development;
  verdict?: VerdictEntry;
  verdicts: VerdictEntry[];
  corrections: CorrectionEntry[];
  factChecks?: FactCheck[];
  independentSources?: number;
  relations?: RelatedClaim[];
  /** Counting contradictions grouped as sources are: related parties are one voice. */
  independentContradictions?: number;
  contradictionVoices?: Voice[];
  revision: number;
  position: number;
  recordedAt: string;
  updatedAt: string;
}

export interface ClaimSummary {
  id: string;
  statement: string;
  claimant: Pick<Party, 'id' | 'name'>;
  status: ClaimStatus;
  needsReview: boolean;
  occurredAt: string;
  occurredAtPrecision?: TimePrecision;
  language?: string;
  kind?: ClaimKind;
}

export interface Storyline {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  status: StorylineStatus;
  counts: Record<ClaimStatus, number>;
  needsReview: number;
  /** Factual claims retracted, with or without a verdict since; `counts.retracted` are those without one. */
  retractedClaims?: number;
  claimCount: number;
  /** Claims per kind; `status` and `counts` consider factual claims only. */
  kinds?: Partial<Record<ClaimKind, number>>;
  claims?: ClaimSummary[];
  claimsNextCursor?: string;
  revision: number;
  position: number;
  openedAt: string;
  updatedAt: string;
  stakeholders?: Stakeholder[];
}

/** A party with a stake in the storyline, dated like an affiliation. */
export interface Stakeholder {
  partyId: string;
  reason: string;
  from?: string;
  to?: string;
}

export interface TimelineEntry {
  eventId: string;
  position: number;
  type: string;
  occurredAt: string;
  /** Only this much of occurredAt is known (for a fact-check: of when it was published). */
  occurredAtPrecision?: TimePrecision;
  recordedAt: string;
  /** Its place in the timeline's order (a day in the desk's time zone, never before the report answered); on timeline pages. */
  placedAt?: string;
  claimId?: string;
  statement?: string;
  by?: Party;
  kind?: string;
  verdict?: string;
  note?: string;
  source?: Source;
  rating?: FactCheckRating;
  url?: string;
  counts?: boolean;
  reason?: string;
  summary: string;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; actor: string; [field: string]: unknown };
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}
