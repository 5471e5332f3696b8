import { ApiSchema } from '@nestjs/swagger';
import {
  ClaimAdded,
  ClaimStatusChange,
  ClaimantName,
  ChangeTotals,
  Changes,
  DevelopmentCounts,
  LoggedEventRef,
  StorylineDevelopments,
  StorylineHeadlineChange,
} from '../../../application/queries/changes/changes';
import { MAX_WINDOW_EVENTS } from '../../../application/queries/changes/changes.query';
import { MAX_PAGE_SIZE } from '../../../application/queries/page';
import { CLAIM_STATUSES, ClaimStatus, ClaimStatusExplanation, StatusRule } from '../../../domain/claim/claim-status';
import { STORYLINE_STATUSES, StorylineStatus } from '../../../domain/storyline/storyline-status';
import { EventIdField, Field, IntegerField, OptionalField, RecordedTime } from './fields';

/*
 * The answer of GET /v1/changes and GET /v1/storylines/:id/changes as OpenAPI schemas. Each class
 * implements the application's type, so a field added there and not here does not compile.
 */

const Count = (description: string) => IntegerField(0, { description });
const Position = (description: string, minimum = 0) => IntegerField(minimum, { description });
const Recorded = (description: string) =>
  RecordedTime({ description: `${description} (recordedAt, the server clock)` });
const Described = (description: string, options: Parameters<typeof Field>[0] = {}) =>
  Field({ description, ...options });
const OptionallyDescribed = (description: string, options: Parameters<typeof Field>[0] = {}) =>
  OptionalField({ description, ...options });
const listOf = (what: string) =>
  `${what}; at most \`limit\` (≤ ${MAX_PAGE_SIZE}) a page, the rest on the pages \`nextCursor\` leads to`;

@ApiSchema({ name: 'DevelopmentCounts', description: 'New developments in the window, by kind' })
export class DevelopmentCountsBody implements DevelopmentCounts {
  @Count('Claims recorded (ClaimRecorded)') claimsRecorded!: number;
  @Count('Supports (ClaimSupported)') supports!: number;
  @Count('Contradictions (ClaimContradicted)') contradictions!: number;
  @Count('Retractions (ClaimRetracted)') retractions!: number;
  @Count('Corrections (ClaimCorrected)') corrections!: number;
  @Count('Verdicts (ClaimVerdictIssued)') verdicts!: number;
  @Count("Other fact-checkers' reviews (ClaimFactChecked)") factChecks!: number;
}

@ApiSchema({ name: 'StorylineDevelopments', description: "One storyline's new developments in the window" })
export class StorylineDevelopmentsBody extends DevelopmentCountsBody implements StorylineDevelopments {
  @Described('The storyline id', { example: 'us-ukraine-security-guarantees' })
  storylineId!: string;
}

@ApiSchema({ name: 'Developments', description: 'New developments in the window, in total and per storyline' })
export class DevelopmentsBody {
  @Described('Over every storyline of the answer (every page carries the whole total)', { type: DevelopmentCountsBody })
  total!: DevelopmentCountsBody;

  @Described(listOf('Storylines with at least one development, in the order they were opened'), {
    type: [StorylineDevelopmentsBody],
  })
  byStoryline!: StorylineDevelopmentsBody[];
}

@ApiSchema({ name: 'StorylineHeadlineChange', description: 'A storyline whose headline status moved' })
export class StorylineHeadlineChangeBody implements StorylineHeadlineChange {
  @Described('The storyline id', { example: 'us-ukraine-security-guarantees' })
  id!: string;

  @Described('Its title at `next`', { example: 'US–Ukraine security guarantees' })
  title!: string;

  @OptionallyDescribed('Its headline status at `since`; absent for a storyline opened since', {
    enum: STORYLINE_STATUSES,
    example: 'developing',
  })
  before?: StorylineStatus;

  @Described('Its headline status at `next`', { enum: STORYLINE_STATUSES, example: 'disputed' })
  after!: StorylineStatus;
}

@ApiSchema({ name: 'ChangedClaimant', description: "The claimant's party id and name" })
export class ClaimantNameBody implements ClaimantName {
  @Described('Party id', { example: 'people-familiar-with-the-talks' })
  id!: string;

  @Described('Party name as recorded', { example: 'People familiar with the talks' })
  name!: string;
}

@ApiSchema({ name: 'ClaimAdded', description: 'A claim recorded in the window, with its status at `next`' })
export class ClaimAddedBody implements ClaimAdded {
  @Described('The claim id', { example: 'ft-us-guarantees-conditional-on-donbass' })
  id!: string;

  @Described('Its storyline', { example: 'us-ukraine-security-guarantees' })
  storylineId!: string;

  @Described('The statement at `next` (corrections applied)')
  statement!: string;

  @Described('Who asserts it', { type: ClaimantNameBody })
  claimant!: ClaimantNameBody;

  @Described('Its status at `next`', { enum: CLAIM_STATUSES, example: 'unverified' })
  status!: ClaimStatus;

  @Described('Whether its verdict has developments since, at `next`')
  needsReview!: boolean;

  @Position('Log position of its ClaimRecorded event')
  position!: number;

  @Recorded('When it was recorded')
  recordedAt!: string;
}

@ApiSchema({ name: 'DecidingEvent', description: 'The event that decided a status' })
export class LoggedEventRefBody implements LoggedEventRef {
  @EventIdField({ description: 'Its event id' })
  eventId!: string;

  @Described('Its type', { example: 'ClaimContradicted' })
  type!: string;

  @Position('Its global log position')
  position!: number;

  @Recorded('When it was recorded')
  recordedAt!: string;
}

@ApiSchema({ name: 'ChangedClaimExplanation', description: 'The rule that fired and the events that decided it' })
export class ExplanationBody implements ClaimStatusExplanation {
  @Described('The rule of the status rule that fired', {
    enum: ['verdict', 'retracted', 'contradicted', 'independent_support', 'no_independent_support'],
    example: 'contradicted',
  })
  rule!: StatusRule;

  @Described('Ids of the events that decided the status', { type: [String] })
  eventIds!: string[];

  @OptionallyDescribed(
    'Ids of the party-registry events the standing of the evidence rests on, oldest first: the last is the latest registry event that may have changed the status',
    { type: [String] },
  )
  registryEventIds?: string[];

  @Described('The explanation in words', { example: 'Contradicted by US government.' })
  summary!: string;
}

@ApiSchema({ name: 'ClaimStatusChange', description: 'A claim recorded before `since` whose status moved' })
export class ClaimStatusChangeBody implements ClaimStatusChange {
  @Described('The claim id', { example: 'ft-us-guarantees-conditional-on-donbass' })
  id!: string;

  @Described('Its storyline', { example: 'us-ukraine-security-guarantees' })
  storylineId!: string;

  @Described('The statement at `next` (corrections applied)')
  statement!: string;

  @Described('Who asserts it', { type: ClaimantNameBody })
  claimant!: ClaimantNameBody;

  @Described('Its status at `since`', { enum: CLAIM_STATUSES, example: 'unverified' })
  before!: ClaimStatus;

  @Described('Its status at `next`', { enum: CLAIM_STATUSES, example: 'disputed' })
  after!: ClaimStatus;

  @Described('Whether its verdict has developments since, at `next`')
  needsReview!: boolean;

  @Described("The explanation of the new status, as the claim's view gives it", { type: ExplanationBody })
  explanation!: ExplanationBody;

  @OptionallyDescribed(
    "The explanation's deciding event: the verdict under the verdict rule; the newest registry event of the window its evidence rests on when the registry moved the status (its own events alone would not have); else the newest event it names",
    { type: LoggedEventRefBody },
  )
  decidedBy?: LoggedEventRefBody;
}

@ApiSchema({ name: 'ChangeTotals', description: 'How many entries each list holds over all pages' })
export class ChangeTotalsBody implements ChangeTotals {
  @Count('Entries of `storylines`') storylines!: number;
  @Count('Entries of `claimsAdded`') claimsAdded!: number;
  @Count('Entries of `claimsChanged`') claimsChanged!: number;
  @Count('Entries of `developments.byStoryline`') storylinesWithDevelopments!: number;
}

@ApiSchema({
  name: 'Changes',
  description:
    'What moved between `since` and `next`: the views at `since` compared with the views at `next`, folded from the log',
})
export class ChangesBody implements Changes {
  @Position(
    'The position compared from: `since`, or the last position recorded by `sinceTime` (-1: before the log)',
    -1,
  )
  since!: number;

  @OptionallyDescribed('The moment asked for, as sent', { example: '2026-01-27T07:00:00+01:00' })
  sinceTime?: string;

  @Position(
    'The position "now" stands for: pass it as `since` next time to get exactly what came after. ' +
      "The read models' checkpoint, unless `truncated`",
    -1,
  )
  next!: number;

  @Described(
    `True when the window held more than ${MAX_WINDOW_EVENTS.toLocaleString('en')} events: this answer covers ` +
      '(since, next] only, short of the checkpoint; call again with since=next for the rest',
  )
  truncated!: boolean;

  @Described(listOf('Storylines whose headline status moved, in the order they were opened'), {
    type: [StorylineHeadlineChangeBody],
  })
  storylines!: StorylineHeadlineChangeBody[];

  @Described(listOf('Claims recorded in the window, in the order they were recorded'), { type: [ClaimAddedBody] })
  claimsAdded!: ClaimAddedBody[];

  @Described(listOf('Claims recorded before `since` whose status moved, in the order they were recorded'), {
    type: [ClaimStatusChangeBody],
  })
  claimsChanged!: ClaimStatusChangeBody[];

  @Described('New developments in total and per storyline', { type: DevelopmentsBody })
  developments!: DevelopmentsBody;

  @Described('How many entries each list holds over all pages', { type: ChangeTotalsBody })
  totals!: ChangeTotalsBody;

  @OptionallyDescribed(
    'Present while a list has more entries: pass it as `cursor` with the same since / sinceTime for the next page ' +
      '(of the same window: `next` stays the same)',
  )
  nextCursor?: string;
}
