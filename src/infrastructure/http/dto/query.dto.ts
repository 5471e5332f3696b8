import { MENTION_ROLES, MentionRole } from '../../../application/read-models/claims/party-mentions';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CLAIM_STATUSES, ClaimStatus } from '../../../domain/claim/claim-status';
import { STORYLINE_STATUSES, StorylineStatus } from '../../../domain/storyline/storyline-status';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../application/queries/page';
import { DEFAULT_FEED_PAGE_SIZE, MAX_FEED_PAGE_SIZE } from '../../../application/queries/claim-review-feed.query';
import { EXAMPLE_TIME, IsInstant, IsSlug, MAX_SLUG_LENGTH, OptionalProperty, Text } from './validators';

/** minPosition, like every position the API takes, has at most 15 digits. */
export const MAX_POSITION = 999_999_999_999_999;

/** Accepted by every GET: wait until projections have applied this log position. */
export class ReadQueryDto {
  @OptionalProperty({
    description: 'Wait (≤ 5 s) until projections have reached this global position, else 503',
    type: 'integer',
    minimum: 0,
    maximum: MAX_POSITION,
    example: 3,
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  minPosition?: number;
}

/** `true` or `false` in the query string. */
export const QueryFlag = (description: string) =>
  applyDecorators(
    OptionalProperty({ type: Boolean, description }),
    Transform(({ value }: { value: unknown }) => ({ true: true, false: false })[String(value)] ?? value),
    IsBoolean(),
  );

export class PageQueryDto extends ReadQueryDto {
  @OptionalProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @OptionalProperty({ description: 'nextCursor of the previous page', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class ListStorylinesQueryDto extends PageQueryDto {
  @OptionalProperty({ enum: STORYLINE_STATUSES })
  @IsIn(STORYLINE_STATUSES)
  status?: StorylineStatus;

  @OptionalProperty({ example: 'ukraine' })
  @Text(50)
  tag?: string;

  @OptionalProperty({ description: 'Text in the title or summary', example: 'Donbass' })
  @Text(200)
  q?: string;
}

export class SearchClaimsQueryDto extends PageQueryDto {
  @OptionalProperty({ enum: CLAIM_STATUSES })
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @OptionalProperty({
    description: 'Storyline id',
    maxLength: MAX_SLUG_LENGTH,
    example: 'us-ukraine-security-guarantees',
  })
  @IsString()
  @MaxLength(MAX_SLUG_LENGTH)
  storyline?: string;

  @OptionalProperty({ description: 'Claimant party id', maxLength: MAX_SLUG_LENGTH, example: 'volodymyr-zelensky' })
  @IsString()
  @MaxLength(MAX_SLUG_LENGTH)
  claimant?: string;

  @OptionalProperty({ description: 'Text in the statement or the claimant name', example: 'Donbass' })
  @Text(200)
  q?: string;

  @QueryFlag('Only claims whose verdict has developments since (true) or not (false)')
  needsReview?: boolean;
}

export class ListEventsQueryDto extends ReadQueryDto {
  @OptionalProperty({
    description: 'Only events with a larger global position (-1: from the start)',
    type: 'integer',
    minimum: -1,
    example: 0,
  })
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;

  @OptionalProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @OptionalProperty({
    description: 'Comma-separated event types',
    pattern: '^[A-Za-z]+(,[A-Za-z]+)*$',
    example: 'ClaimContradicted,ClaimVerdictIssued',
  })
  @IsString()
  @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/, { message: '$property must be comma-separated event type names' })
  type?: string;
}

const AsOf = () =>
  applyDecorators(
    OptionalProperty({ example: EXAMPLE_TIME }),
    IsInstant({ about: 'Only events recorded at or before this time (not together with atPosition)' }),
  );

const AtPosition = () =>
  applyDecorators(
    OptionalProperty({
      description: 'Only events at or before this global log position (not together with asOf)',
      type: 'integer',
      minimum: 0,
      example: 3,
    }),
    Type(() => Number),
    IsInt(),
    Min(0),
  );

const AsOccurred = () =>
  applyDecorators(
    OptionalProperty({ example: '2026-01-27T12:00:00+01:00' }),
    IsInstant({
      about:
        'World time: only what had happened in the world by this time (a claim by its own date, a development ' +
        'by its occurredAt, a fact-check by its publishedAt; day or month precision from its start), as known ' +
        'now or at asOf / atPosition; a time in the future shows everything',
    }),
  );

/**
 * A view as it stood at a past point: `asOf` (knowledge time) or `atPosition` (log position), not both;
 * `asOccurred` (world time) alone or with either.
 */
export class PointInTimeQueryDto extends ReadQueryDto {
  @AsOf()
  asOf?: string;

  @AtPosition()
  atPosition?: number;

  @AsOccurred()
  asOccurred?: string;
}

export class TimelineQueryDto extends PageQueryDto {
  @AsOf()
  asOf?: string;

  @AtPosition()
  atPosition?: number;

  @AsOccurred()
  asOccurred?: string;
}

/** A storyline's claims, a page at a time; now or at a past point. */
export class StorylineClaimsQueryDto extends TimelineQueryDto {}

/** A party's claims, a page at a time; now or at a past point. */
export class PartyClaimsQueryDto extends TimelineQueryDto {
  @OptionalProperty({
    enum: MENTION_ROLES,
    example: 'about',
    description: 'Only the claims that name the party in this role (about: the claims about the party)',
  })
  @IsIn(MENTION_ROLES)
  role?: MentionRole;
}

/** The feed of published reviews: newest verdict first, a page at a time; now or as published at a past time. */
export class ClaimReviewFeedQueryDto extends ReadQueryDto {
  @OptionalProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_FEED_PAGE_SIZE,
    default: DEFAULT_FEED_PAGE_SIZE,
    example: 20,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_PAGE_SIZE)
  limit?: number;

  @OptionalProperty({ description: 'nextCursor of the previous page' })
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @AsOf()
  asOf?: string;
}

export class ImportClaimReviewsQueryDto {
  @ApiProperty({
    description: 'The storyline the imported claims are recorded in',
    example: 'us-ukraine-security-guarantees',
  })
  @IsSlug()
  storyline!: string;
}
