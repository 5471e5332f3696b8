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

export interface Party {
  id: string;
  name: string;
  kind?: string;
}

export interface Source {
  url: string;
  title?: string;
  publishedAt?: string;
  quote?: string;
}

/** A support, contradiction or retraction. `counts` and `reason` come with the party registry. */
export interface Development {
  eventId: string;
  by: Party;
  occurredAt: string;
  kind?: string;
  source?: Source;
  note?: string;
  independent?: boolean;
  counts?: boolean;
  reason?: string;
}

export interface VerdictEntry {
  eventId: string;
  verdict: Verdict;
  rationale: string;
  occurredAt: string;
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

export interface FactCheck {
  eventId?: string;
  by: Party;
  rating?: { value?: number; best?: number; worst?: number; text?: string };
  url?: string;
  publishedAt?: string;
  counts?: boolean;
  reason?: string;
}

export interface Explanation {
  rule: string;
  eventIds: string[];
  summary: string;
}

export interface Claim {
  id: string;
  storylineId: string;
  statement: string;
  language: string;
  claimant: Party;
  reportedBy?: Party;
  attribution: string;
  anonymousSourceCount?: number;
  occurredAt: string;
  source?: Source;
  tags: string[];
  kind?: string;
  summary?: string;
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
  language?: string;
  kind?: string;
}

export interface Storyline {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  status: StorylineStatus;
  counts: Record<ClaimStatus, number>;
  needsReview: number;
  claimCount: number;
  claims?: ClaimSummary[];
  claimsNextCursor?: string;
  revision: number;
  position: number;
  openedAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  eventId: string;
  position: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  claimId?: string;
  statement?: string;
  by?: Party;
  kind?: string;
  verdict?: string;
  note?: string;
  source?: Source;
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
