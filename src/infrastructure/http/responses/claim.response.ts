import { ApiSchema } from '@nestjs/swagger';
import { ClaimView } from '../../../application/projections/claim-view';
import { Page } from '../../../application/queries/page';
import { CLAIM_STATUSES, ClaimStatus, ClaimStatusExplanation, StatusRule } from '../../../domain/claim/claim-status';
import {
  ATTRIBUTIONS,
  Attribution,
  CONTRADICTION_KINDS,
  ClaimContentChanges,
  ContradictionKind,
  SUPPORT_KINDS,
  SupportKind,
  VERDICTS,
  Verdict,
} from '../../../domain/claim/claim.events';
import { ContradictionEntry, CorrectionEntry, SupportEntry, VerdictEntry } from '../../../domain/claim/claim.state';
import { nullable } from '../dto/validators';
import { ClientTime, EventIdField, Field, IntegerField, OptionalField, RecordedTime } from './fields';
import { PartyBody, SourceBody } from './party.response';

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

  @Field({ example: 'Contradicted by US government.' })
  summary!: string;
}

/** A retraction; supports and contradictions add their kind. */
@ApiSchema({ name: 'Retraction' })
export class RetractionBody {
  @EventIdField()
  eventId!: string;

  @Field({ type: PartyBody })
  by!: PartyBody;

  @ClientTime()
  occurredAt!: string;

  @OptionalField({ type: SourceBody })
  source?: SourceBody;

  @OptionalField()
  note?: string;
}

@ApiSchema({ name: 'Support' })
export class SupportBody extends RetractionBody implements SupportEntry {
  @Field({ enum: SUPPORT_KINDS })
  kind!: SupportKind;

  @Field({ description: 'From neither the claimant nor the outlet that reported the claim' })
  independent!: boolean;

  @Field({ description: 'Whether it counts towards the status' })
  counts!: boolean;

  @OptionalField({ description: 'Why it does not count, in words; present only when it does not' })
  reason?: string;
}

@ApiSchema({ name: 'Contradiction' })
export class ContradictionBody extends RetractionBody implements ContradictionEntry {
  @Field({ enum: CONTRADICTION_KINDS })
  kind!: ContradictionKind;

  @Field({ description: 'Whether it counts towards the status' })
  counts!: boolean;

  @OptionalField({ description: 'Why it does not count, in words; present only when it does not' })
  reason?: string;
}

@ApiSchema({ name: 'Verdict', description: "The desk's ruling" })
export class VerdictBody implements VerdictEntry {
  @EventIdField()
  eventId!: string;

  @Field({ enum: VERDICTS })
  verdict!: Verdict;

  @Field()
  rationale!: string;

  @ClientTime()
  occurredAt!: string;
}

@ApiSchema({ name: 'ClaimChanges', description: 'The fields a correction fixed; null: the field was removed' })
export class ClaimChangesBody implements ClaimContentChanges {
  @OptionalField()
  statement?: string;

  @OptionalField()
  language?: string;

  @OptionalField({ type: PartyBody })
  claimant?: PartyBody;

  @OptionalField(nullable(PartyBody))
  reportedBy?: PartyBody | null;

  @OptionalField({ enum: ATTRIBUTIONS })
  attribution?: Attribution;

  @OptionalField({ type: 'integer', minimum: 1, nullable: true })
  anonymousSourceCount?: number | null;

  @ClientTime({ required: false })
  occurredAt?: string;

  @OptionalField(nullable(SourceBody))
  source?: SourceBody | null;

  @OptionalField({ type: [String] })
  tags?: string[];
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
  name: 'ClaimView',
  description: 'A claim with its status, the explanation of that status, and its developments',
})
export class ClaimViewBody implements ClaimView {
  @Field({ example: 'ft-us-guarantees-conditional-on-donbass' })
  id!: string;

  @Field({ example: 'us-ukraine-security-guarantees' })
  storylineId!: string;

  @Field({ example: 'The US ties its security guarantees to Ukraine ceding the rest of the Donbass.' })
  statement!: string;

  @Field({ example: 'en' })
  language!: string;

  @Field({ type: PartyBody })
  claimant!: PartyBody;

  @OptionalField({ type: PartyBody })
  reportedBy?: PartyBody;

  @Field({ enum: ATTRIBUTIONS })
  attribution!: Attribution;

  @OptionalField({ type: 'integer', minimum: 1 })
  anonymousSourceCount?: number;

  @ClientTime()
  occurredAt!: string;

  @OptionalField({ type: SourceBody })
  source?: SourceBody;

  @Field({ type: [String] })
  tags!: string[];

  @Field({ enum: CLAIM_STATUSES, example: 'disputed' })
  status!: ClaimStatus;

  @Field({ description: 'Developments arrived after the latest verdict' })
  needsReview!: boolean;

  @Field({ type: ExplanationBody })
  explanation!: ExplanationBody;

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

  @Field({ type: [CorrectionBody] })
  corrections!: CorrectionBody[];

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
