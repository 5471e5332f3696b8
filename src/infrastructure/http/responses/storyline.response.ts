import { ApiSchema } from '@nestjs/swagger';
import { ClaimSummary } from '../../../application/read-models/claims/claim-view';
import { StorylineListItem, StorylineView } from '../../../application/read-models/storylines/storyline-view';
import { TimelineEntry } from '../../../application/read-models/timeline/timeline-entry';
import { Page } from '../../../application/queries/page';
import { CLAIM_STATUSES, ClaimStatus } from '../../../domain/claim/claim-status';
import { CLAIM_EVENT_TYPES, CLAIM_KINDS, ClaimKind } from '../../../domain/claim/claim.events';
import { ClaimKindCounts } from '../../../application/read-models/storylines/storyline-tally';
import { ClaimStatusCounts, STORYLINE_STATUSES, StorylineStatus } from '../../../domain/storyline/storyline-status';
import {
  ClientTime,
  EventIdField,
  Field,
  IntegerField,
  OptionalField,
  RecordedTime,
  ShownAsOccurred,
  ShownAsOf,
  ShownAtPosition,
  ShownTimeBody,
} from './fields';
import { FactCheckRatingBody, PRECISION_NOTE } from './claim.response';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { PartyBody, SourceBody } from './party.response';

const count = () => IntegerField(0);

@ApiSchema({ name: 'StatusCounts', description: "The storyline's factual claims per status" })
export class StatusCountsBody implements ClaimStatusCounts {
  @count() unverified!: number;
  @count() corroborated!: number;
  @count() disputed!: number;
  @count() retracted!: number;
  @count() confirmed!: number;
  @count() refuted!: number;
  @count() misleading!: number;
  @count() unproven!: number;
}

@ApiSchema({ name: 'KindCounts', description: "The storyline's claims per kind" })
export class KindCountsBody implements ClaimKindCounts {
  @count() factual!: number;
  @count() opinion!: number;
  @count() prediction!: number;
}

@ApiSchema({ name: 'ClaimantName' })
export class ClaimantNameBody {
  @Field({ example: 'volodymyr-zelensky' })
  id!: string;

  @Field({ example: 'Volodymyr Zelensky' })
  name!: string;
}

@ApiSchema({ name: 'ClaimSummary', description: 'A claim as a storyline lists it' })
export class ClaimSummaryBody implements ClaimSummary {
  @Field()
  id!: string;

  @Field()
  statement!: string;

  @Field({ enum: CLAIM_KINDS })
  kind!: ClaimKind;

  @Field({ type: ClaimantNameBody })
  claimant!: ClaimantNameBody;

  @Field({ enum: CLAIM_STATUSES })
  status!: ClaimStatus;

  @Field()
  needsReview!: boolean;

  @ClientTime()
  occurredAt!: string;
}

@ApiSchema({
  name: 'Stakeholder',
  description: "A party with a stake in the storyline: its supports of the storyline's claims are not independent",
})
export class StakeholderBody implements Stakeholder {
  @Field({ example: 'kremlin', description: 'A registered party' })
  partyId!: string;

  @Field({ example: 'a belligerent of the war' })
  reason!: string;

  @ClientTime({ required: false, description: 'The stake counts from here on; always when absent' })
  from?: string;

  @ClientTime({ required: false, description: 'The stake counts until here (not at it); open when absent' })
  to?: string;
}

@ApiSchema({ name: 'StorylineListItem', description: 'A storyline with its headline status and counts' })
export class StorylineListItemBody implements StorylineListItem {
  @Field({ example: 'us-ukraine-security-guarantees' })
  id!: string;

  @Field({ example: 'US–Ukraine security guarantees' })
  title!: string;

  @Field()
  summary!: string;

  @Field({ type: [String], example: ['ukraine', 'usa'] })
  tags!: string[];

  @Field({
    enum: STORYLINE_STATUSES,
    example: 'disputed',
    description:
      'The headline status, over factual claims only: opinions and predictions keep their own; `settled` only when every factual claim has a verdict (a claim retracted without one keeps the storyline `developing`)',
  })
  status!: StorylineStatus;

  @Field({ type: StatusCountsBody })
  counts!: StatusCountsBody;

  @IntegerField(0, { description: 'Factual claims with developments since their verdict' })
  needsReview!: number;

  @IntegerField(0, {
    description:
      'Factual claims their claimant or reporter retracted, with or without a verdict since (`counts.retracted`: those still without one)',
  })
  retractedClaims!: number;

  @IntegerField(0, { description: 'Every claim, whatever its kind' })
  claimCount!: number;

  @Field({ type: KindCountsBody })
  kinds!: KindCountsBody;

  @IntegerField(0, { description: "The storyline stream's revision (the ETag)" })
  revision!: number;

  @IntegerField(0)
  position!: number;

  @RecordedTime()
  openedAt!: string;

  @RecordedTime()
  updatedAt!: string;

  @Field({ type: [StakeholderBody], description: 'The parties with a stake in the storyline' })
  stakeholders!: StakeholderBody[];
}

@ApiSchema({
  name: 'StorylineView',
  description: 'A storyline with its headline status, counts and the first page of its claims',
})
export class StorylineViewBody extends StorylineListItemBody implements StorylineView {
  @Field({ type: [ClaimSummaryBody], description: 'The first 50 claims, in the order they were recorded' })
  claims!: ClaimSummaryBody[];

  @OptionalField({
    description: 'Present when the storyline has more claims: the cursor for GET /v1/storylines/:id/claims',
  })
  claimsNextCursor?: string;

  @ShownAsOf() asOf?: string;
  @ShownAtPosition() atPosition?: number;
  @ShownAsOccurred() asOccurred?: string;
}

@ApiSchema({ name: 'ClaimSummaryPage' })
export class ClaimSummaryPageBody extends ShownTimeBody implements Page<ClaimSummary> {
  @Field({ type: [ClaimSummaryBody] })
  items!: ClaimSummaryBody[];

  @OptionalField({ description: 'Absent on the last page; pass it as cursor for the next' })
  nextCursor?: string;
}

@ApiSchema({ name: 'StorylinePage' })
export class StorylinePageBody implements Page<StorylineListItem> {
  @Field({ type: [StorylineListItemBody] })
  items!: StorylineListItemBody[];

  @OptionalField({ description: 'Absent on the last page; pass it as cursor for the next' })
  nextCursor?: string;
}

@ApiSchema({ name: 'TimelineEntry', description: 'One development, placed in world time (occurredAt)' })
export class TimelineEntryBody implements TimelineEntry {
  @EventIdField()
  eventId!: string;

  @IntegerField(0)
  position!: number;

  @Field({ enum: CLAIM_EVENT_TYPES, example: 'ClaimContradicted' })
  type!: string;

  @ClientTime()
  occurredAt!: string;

  @OptionalField({ enum: TIME_PRECISIONS, description: PRECISION_NOTE })
  occurredAtPrecision?: TimePrecision;

  @RecordedTime()
  recordedAt!: string;

  @OptionalField({
    type: String,
    example: '2026-01-23T05:00:00.000Z',
    description:
      "Its place in the timeline's order, in UTC: occurredAt, or for a time known only to the day (month, year) the start of that day in DESK_TIME_ZONE; an answer known only to the day is never placed before the report it answers",
  })
  placedAt?: string;

  @OptionalField()
  claimId?: string;

  @OptionalField({ description: "The claim's wording when the event was recorded" })
  statement?: string;

  @OptionalField({ type: PartyBody })
  by?: PartyBody;

  @OptionalField({ example: 'denial' })
  kind?: string;

  @OptionalField({ example: 'refuted' })
  verdict?: string;

  @OptionalField()
  note?: string;

  @OptionalField({ type: SourceBody })
  source?: SourceBody;

  @OptionalField({ type: FactCheckRatingBody, description: "An outside fact-check's rating" })
  rating?: FactCheckRatingBody;

  @OptionalField({ description: "An outside fact-check's address", format: 'uri' })
  url?: string;

  @OptionalField({ description: 'An outside fact-check: whether it counts for the status' })
  counts?: boolean;

  @OptionalField({ description: 'An outside fact-check: why it counts as it does, in words' })
  reason?: string;

  @Field({ example: 'US government contradicts (denial) “The US ties its guarantees…”' })
  summary!: string;
}

@ApiSchema({ name: 'TimelinePage' })
export class TimelinePageBody extends ShownTimeBody implements Page<TimelineEntry> {
  @Field({ type: [TimelineEntryBody] })
  items!: TimelineEntryBody[];

  @OptionalField({ description: 'Absent on the last page; pass it as cursor for the next' })
  nextCursor?: string;
}
