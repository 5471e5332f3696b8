import { ApiSchema } from '@nestjs/swagger';
import { ClaimView, FactCheckView, RecordedVerdict } from '../../../application/read-models/claims/claim-view';
import { Page } from '../../../application/queries/page';
import { RelatedClaim } from '../../../application/read-models/claims/related-claims';
import { CLAIM_RELATIONS, ClaimRelation } from '../../../domain/claim/claim-relations';
import { CLAIM_STATUSES, ClaimStatus, ClaimStatusExplanation, StatusRule } from '../../../domain/claim/claim-status';
import { FactCheckEffect } from '../../../domain/claim/weighed-evidence';
import { Voice } from '../../../domain/claim/voices';
import { ClaimParties } from '../../../application/read-models/claims/claim-evaluation';
import { RATING_MEANINGS, RatingMeaning } from '../../../domain/claim/fact-check-rating';
import {
  ATTRIBUTIONS,
  CLAIM_KINDS,
  ClaimKind,
  Attribution,
  CONTRADICTION_KINDS,
  ClaimContentChanges,
  ContradictionKind,
  FactCheckRating,
  RETRACTION_KINDS,
  RetractionKind,
  SUPPORT_KINDS,
  SupportKind,
  VERDICTS,
  Verdict,
} from '../../../domain/claim/claim.events';
import { ContradictionEntry, CorrectionEntry, RetractionEntry, SupportEntry } from '../../../domain/claim/claim.state';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';
import { nullable } from '../dto/validators';

export const PRECISION_NOTE = 'Only this much of occurredAt is known: it is the start of that day, month or year';
import { ClientTime, EventIdField, Field, IntegerField, OptionalField, RecordedTime, ShownTimeBody } from './fields';
import { PartyBody, ResolvedPartyBody, SourceBody } from './party.response';

const STATUS_RULES: StatusRule[] = [
  'verdict',
  'retracted',
  'contradicted',
  'independent_support',
  'no_independent_support',
];

@ApiSchema({ name: 'StatusExplanation', description: 'The rule that decided the status and the events it rests on' })
export class ExplanationBody implements ClaimStatusExplanation {
  @Field({ enum: STATUS_RULES, example: 'contradicted' })
  rule!: StatusRule;

  @Field({ type: 'array', items: { type: 'string', format: 'uuid' } })
  eventIds!: string[];

  @OptionalField({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    description:
      'The party-registry events the standing of the evidence rests on (resolutions, affiliations, discredits), oldest first: the last is the latest registry event that may have changed the status',
  })
  registryEventIds?: string[];

  @OptionalField({
    type: [String],
    description:
      'Rivals (rival_of) confirmed since the desk last ruled on this claim: "a rival explanation was confirmed", so it needs review',
  })
  confirmedRivals?: string[];

  @Field({ example: 'Contradicted by US government.' })
  summary!: string;
}

/** What every development carries; each adds its kind. */
class DevelopmentBody {
  @EventIdField()
  eventId!: string;

  @Field({ type: PartyBody })
  by!: PartyBody;

  @ClientTime()
  occurredAt!: string;

  @OptionalField({ enum: TIME_PRECISIONS, description: PRECISION_NOTE })
  occurredAtPrecision?: TimePrecision;

  @OptionalField({ type: SourceBody })
  source?: SourceBody;

  @OptionalField()
  note?: string;
}

@ApiSchema({ name: 'Retraction' })
export class RetractionBody extends DevelopmentBody implements RetractionEntry {
  @Field({
    enum: RETRACTION_KINDS,
    description:
      '`withdrawn`: retracted in so many words; `deleted`: removed without comment. Retractions recorded before kinds read as `withdrawn`',
  })
  kind!: RetractionKind;

  @Field({
    type: ResolvedPartyBody,
    description: 'The party `by` resolves to in the registry: the claimant or the reporter',
  })
  party!: ResolvedPartyBody;
}

/** What a support and a contradiction share: the party they resolve to, and the co-authors of their piece. */
abstract class PieceBody extends DevelopmentBody {
  @Field({ type: ResolvedPartyBody })
  party!: ResolvedPartyBody;

  @OptionalField({ type: [PartyBody], description: 'Co-authors of its piece (joint reporting), as recorded' })
  with?: PartyBody[];

  @OptionalField({ type: [ResolvedPartyBody], description: 'The co-authors as the party registry resolves them' })
  coAuthors?: ResolvedPartyBody[];

  @OptionalField({
    description: 'Who wrote its piece, in words; present only when it names co-authors',
    example: 'joint reporting by NDR, WDR and Die Zeit',
  })
  jointReporting?: string;
}

@ApiSchema({ name: 'Support' })
export class SupportBody extends PieceBody implements SupportEntry {
  @Field({ enum: SUPPORT_KINDS })
  kind!: SupportKind;

  @Field({
    description:
      'Its party is related neither to the claimant nor to the reporter (same party, affiliated, or affiliated with a common party) at occurredAt',
  })
  independent!: boolean;

  @Field({ description: 'Whether it counts towards the status: independent, and its party not discredited' })
  counts!: boolean;

  @OptionalField({
    description: 'Why it does not count, in words; present only when it does not',
    example: 'Jane Roe is employed by Financial Times, which reported the claim',
  })
  reason?: string;

  @OptionalField({
    description:
      "Present when its party, or a party related to it, has a stake in the claim's storyline at occurredAt: it is then not independent",
    example: 'Kremlin has a stake in this story: a belligerent of the war',
  })
  stake?: string;
}

@ApiSchema({ name: 'Contradiction' })
export class ContradictionBody extends PieceBody implements ContradictionEntry {
  @Field({ enum: CONTRADICTION_KINDS })
  kind!: ContradictionKind;

  @Field({ description: 'Whether it counts towards the status: a discredited party disputes nothing' })
  counts!: boolean;

  @OptionalField({
    description: 'Why it does not count, in words; present only when it does not',
    example: 'Party X is discredited: fabricated quotes',
  })
  reason?: string;

  @OptionalField({
    description: 'Present when its party is one the claim is about; the contradiction still counts',
    example: 'denial by the subject',
  })
  label?: string;
}

@ApiSchema({ name: 'Verdict', description: "The desk's ruling" })
export class VerdictBody implements RecordedVerdict {
  @EventIdField()
  eventId!: string;

  @Field({ enum: VERDICTS })
  verdict!: Verdict;

  @Field()
  rationale!: string;

  @ClientTime()
  occurredAt!: string;

  @RecordedTime({ description: 'When the verdict was recorded: the ClaimReview publication date' })
  recordedAt!: string;

  @OptionalField({
    description: 'The published fact-check; a verdict with one is published as ClaimReview',
    format: 'uri',
  })
  reviewUrl?: string;

  @OptionalField({ description: "The desk's own wording of the rating, e.g. Pants on fire" })
  ratingText?: string;

  @OptionalField({ description: 'Who reviewed it' })
  reviewer?: string;
}

@ApiSchema({ name: 'FactCheckRating', description: "The outside fact-checker's rating on its own scale" })
export class FactCheckRatingBody implements FactCheckRating {
  @OptionalField({ type: Number })
  value?: number;

  @OptionalField({ type: Number })
  best?: number;

  @OptionalField({ type: Number })
  worst?: number;

  @Field()
  text!: string;
}

@ApiSchema({
  name: 'FactCheck',
  description: "Another fact-checker's published review: evidence, never the desk's verdict",
})
export class FactCheckBody implements FactCheckView {
  @EventIdField()
  eventId!: string;

  @Field({ type: PartyBody, description: 'The reviewing organization' })
  by!: PartyBody;

  @Field({ type: ResolvedPartyBody })
  party!: ResolvedPartyBody;

  @Field({ type: FactCheckRatingBody })
  rating!: FactCheckRatingBody;

  @Field({ format: 'uri' })
  url!: string;

  @ClientTime()
  publishedAt!: string;

  @OptionalField({
    enum: TIME_PRECISIONS,
    description: 'Only this much of publishedAt is known: it is the start of that day, month or year',
  })
  publishedAtPrecision?: TimePrecision;

  @Field({ enum: ['contradiction', 'support', 'neither'], description: 'What the rating makes of it' })
  effect!: FactCheckEffect;

  @OptionalField({
    enum: RATING_MEANINGS,
    description:
      "What the rating means on its scale, in English whatever the fact-checker's own words: by its distance from the scale's midpoint, on it mixed, within a quarter of the scale mostly false / mostly true, beyond false / true (1–5: false, mostly false, mixed, mostly true, true). Absent for a rating in words only",
  })
  meaning?: RatingMeaning;

  @Field({ description: 'Whether it counts towards the status' })
  counts!: boolean;

  @Field({ description: 'Why it counts as it does, in words' })
  reason!: string;
}

@ApiSchema({ name: 'ClaimChanges', description: 'The fields a correction fixed; null: the field was removed' })
export class ClaimChangesBody implements ClaimContentChanges {
  @OptionalField()
  statement?: string;

  @OptionalField({ type: String, nullable: true, maxLength: 75 })
  summary?: string | null;

  @OptionalField()
  language?: string;

  @OptionalField({ type: PartyBody })
  claimant?: PartyBody;

  @OptionalField(nullable(PartyBody))
  reportedBy?: PartyBody | null;

  @OptionalField({ type: [PartyBody], nullable: true })
  with?: PartyBody[] | null;

  @OptionalField({ enum: ATTRIBUTIONS })
  attribution?: Attribution;

  @OptionalField({ type: 'integer', minimum: 1, nullable: true })
  anonymousSourceCount?: number | null;

  @ClientTime({ required: false })
  occurredAt?: string;

  @OptionalField({ enum: TIME_PRECISIONS, nullable: true })
  occurredAtPrecision?: TimePrecision | null;

  @OptionalField(nullable(SourceBody))
  source?: SourceBody | null;

  @OptionalField({ enum: CLAIM_KINDS })
  kind?: ClaimKind;

  @OptionalField({ type: [String] })
  tags?: string[];

  @OptionalField({ type: [PartyBody], nullable: true })
  about?: PartyBody[] | null;
}

@ApiSchema({ name: 'Correction' })
export class CorrectionBody implements CorrectionEntry {
  @EventIdField()
  eventId!: string;

  @Field({ type: ClaimChangesBody })
  changes!: ClaimChangesBody;

  @Field()
  reason!: string;

  @ClientTime()
  occurredAt!: string;
}

@ApiSchema({
  name: 'ClaimParties',
  description: 'The parties the claimant, reporter, co-reporter and `about` mentions resolve to',
})
export class ClaimPartiesBody implements ClaimParties {
  @Field({ type: ResolvedPartyBody })
  claimant!: ResolvedPartyBody;

  @OptionalField({ type: ResolvedPartyBody })
  reportedBy?: ResolvedPartyBody;

  @OptionalField({ type: [ResolvedPartyBody], description: "The reporter's co-authors of the claim's piece" })
  with?: ResolvedPartyBody[];

  @OptionalField({
    description: "Who wrote the claim's piece, in words; present only when it names co-reporters",
    example: 'joint reporting by Financial Times and Der Spiegel',
  })
  jointReporting?: string;

  @OptionalField({ type: [ResolvedPartyBody], description: 'The parties the claim is about, resolved' })
  about?: ResolvedPartyBody[];
}

@ApiSchema({
  name: 'Voice',
  description: 'Counting contradictions from parties that are not independent of each other: one voice',
})
export class VoiceBody implements Voice {
  @Field({ type: [ResolvedPartyBody] })
  parties!: ResolvedPartyBody[];

  @Field({ type: 'array', items: { type: 'string', format: 'uuid' } })
  eventIds!: string[];

  @OptionalField({
    description: 'Why its parties are one voice, in words; absent for a voice of one party',
    example: 'State Department and White House are both part of US government',
  })
  why?: string;
}

@ApiSchema({ name: 'RelatedClaim', description: 'Another claim this one is related to, with its standing' })
export class RelatedClaimBody implements RelatedClaim {
  @Field({ example: 'reuters-us-guarantees-conditional' })
  claimId!: string;

  @Field({
    enum: CLAIM_RELATIONS,
    description: '`same_as`: the same claim recorded twice; `rival_of`: rival explanations',
  })
  relation!: ClaimRelation;

  @OptionalField({ description: "The other claim's storyline; absent while it is not in the read models yet" })
  storylineId?: string;

  @OptionalField()
  statement?: string;

  @OptionalField({ enum: CLAIM_STATUSES })
  status?: ClaimStatus;

  @OptionalField()
  needsReview?: boolean;
}

@ApiSchema({
  name: 'ClaimView',
  description: 'A claim with its status, the explanation of that status, and its developments',
})
export class ClaimViewBody extends ShownTimeBody implements ClaimView {
  @Field({ example: 'ft-us-guarantees-conditional-on-donbass' })
  id!: string;

  @Field({ example: 'us-ukraine-security-guarantees' })
  storylineId!: string;

  @Field({ example: 'The US ties its security guarantees to Ukraine ceding the rest of the Donbass.' })
  statement!: string;

  @OptionalField({ description: 'The short form published as ClaimReview claimReviewed', maxLength: 75 })
  summary?: string;

  @Field({ enum: CLAIM_KINDS, description: 'factual, opinion or prediction; only factual claims head a storyline' })
  kind!: ClaimKind;

  @Field({ example: 'en' })
  language!: string;

  @Field({ type: PartyBody })
  claimant!: PartyBody;

  @OptionalField({ type: PartyBody })
  reportedBy?: PartyBody;

  @OptionalField({ type: [PartyBody], description: "The reporter's co-authors of the claim's piece (joint reporting)" })
  with?: PartyBody[];

  @Field({ enum: ATTRIBUTIONS })
  attribution!: Attribution;

  @OptionalField({ type: 'integer', minimum: 1 })
  anonymousSourceCount?: number;

  @ClientTime()
  occurredAt!: string;

  @OptionalField({ enum: TIME_PRECISIONS, description: PRECISION_NOTE })
  occurredAtPrecision?: TimePrecision;

  @OptionalField({ type: SourceBody })
  source?: SourceBody;

  @OptionalField({ type: [PartyBody], description: 'The parties the claim is about' })
  about?: PartyBody[];

  @Field({ type: [String] })
  tags!: string[];

  @Field({ enum: CLAIM_STATUSES, example: 'disputed' })
  status!: ClaimStatus;

  @Field({ description: 'Developments arrived after the latest verdict, or a rival was confirmed since' })
  needsReview!: boolean;

  @Field({ type: ExplanationBody })
  explanation!: ExplanationBody;

  @Field({ type: ClaimPartiesBody })
  parties!: ClaimPartiesBody;

  @IntegerField(0, {
    description:
      'How many independent sources the counting supports come from: supports from parties related to each other, and the co-authors of one joint piece, count as one',
  })
  independentSources!: number;

  @IntegerField(0, {
    description:
      'How many independent voices the counting contradictions (and fact-checks rated false) come from, grouped as independentSources is: two agencies of one government are one voice',
  })
  independentContradictions!: number;

  @Field({ type: [VoiceBody], description: 'The voices of the counting contradictions, each with why it is one' })
  contradictionVoices!: VoiceBody[];

  @Field({ type: [SupportBody] })
  supports!: SupportBody[];

  @Field({ type: [ContradictionBody] })
  contradictions!: ContradictionBody[];

  @OptionalField({ type: RetractionBody })
  retraction?: RetractionBody;

  @OptionalField({ type: VerdictBody, description: 'The latest verdict' })
  verdict?: VerdictBody;

  @Field({ type: [VerdictBody] })
  verdicts!: VerdictBody[];

  @Field({
    type: [FactCheckBody],
    description: "Other fact-checkers' published reviews, each shown whether or not it counts",
  })
  factChecks!: FactCheckBody[];

  @Field({ type: [CorrectionBody] })
  corrections!: CorrectionBody[];

  @Field({
    type: [RelatedClaimBody],
    description: 'The claims this one is related to (same_as, rival_of), in any storyline',
  })
  relations!: RelatedClaimBody[];

  @IntegerField(0, { description: "The claim stream's revision (the ETag)" })
  revision!: number;

  @IntegerField(0, { description: 'Global position of the last event folded in' })
  position!: number;

  @RecordedTime()
  recordedAt!: string;

  @RecordedTime()
  updatedAt!: string;
}

@ApiSchema({ name: 'ClaimPage' })
export class ClaimPageBody implements Page<ClaimView> {
  @Field({ type: [ClaimViewBody] })
  items!: ClaimViewBody[];

  @OptionalField({ description: 'Absent on the last page; pass it as cursor for the next' })
  nextCursor?: string;
}
