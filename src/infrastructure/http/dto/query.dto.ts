import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CLAIM_STATUSES, ClaimStatus } from '../../../domain/claim/claim-status';
import { STORYLINE_STATUSES, StorylineStatus } from '../../../domain/storyline/storyline-status';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../application/queries/page';
import { DEFAULT_FEED_PAGE_SIZE, MAX_FEED_PAGE_SIZE } from '../../../application/queries/claim-review-feed.query';
import { EXAMPLE_TIME, IsInstant, IsSlug, OptionalProperty } from './validators';

/** Accepted by every GET: wait until projections have applied this log position. */
export class ReadQueryDto {
  @OptionalProperty({ description: 'Wait (≤ 5 s) until projections have reached this global position', minimum: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

export class PageQueryDto extends ReadQueryDto {
  @OptionalProperty({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @OptionalProperty({ description: 'nextCursor of the previous page' })
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class ListStorylinesQueryDto extends PageQueryDto {
  @OptionalProperty({ enum: STORYLINE_STATUSES })
  @IsIn(STORYLINE_STATUSES)
  status?: StorylineStatus;

  @OptionalProperty()
  @IsString()
  @Length(1, 50)
  tag?: string;

  @OptionalProperty({ description: 'Text in the title or summary' })
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class SearchClaimsQueryDto extends PageQueryDto {
  @OptionalProperty({ enum: CLAIM_STATUSES })
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @OptionalProperty({ description: 'Storyline id' })
  @IsString()
  @MaxLength(80)
  storyline?: string;

  @OptionalProperty({ description: 'Claimant party id' })
  @IsString()
  @MaxLength(80)
  claimant?: string;

  @OptionalProperty({ description: 'Text in the statement or the claimant name' })
  @IsString()
  @Length(1, 200)
  q?: string;

  @OptionalProperty({
    type: Boolean,
    description: 'Only claims whose verdict has developments since (true) or not (false)',
  })
  @Transform(({ value }: { value: unknown }) => ({ true: true, false: false })[String(value)] ?? value)
  @IsBoolean()
  needsReview?: boolean;
}

export class ListEventsQueryDto extends ReadQueryDto {
  @OptionalProperty({ description: 'Only events with a larger global position', minimum: -1 })
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;

  @OptionalProperty({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @OptionalProperty({ description: 'Comma-separated event types, e.g. ClaimContradicted,ClaimVerdictIssued' })
  @IsString()
  @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/, { message: '$property must be comma-separated event type names' })
  type?: string;
}

const AsOf = () =>
  applyDecorators(
    OptionalProperty({
      description: 'Only events recorded at or before this time (ISO 8601 with offset)',
      example: EXAMPLE_TIME,
    }),
    IsInstant(),
  );

const AtPosition = () =>
  applyDecorators(
    OptionalProperty({ description: 'Only events at or before this global log position', minimum: 0 }),
    Type(() => Number),
    IsInt(),
    Min(0),
  );

/** A view as it stood at a past point: `asOf` (knowledge time) or `atPosition` (log position), not both. */
export class PointInTimeQueryDto extends ReadQueryDto {
  @AsOf()
  asOf?: string;

  @AtPosition()
  atPosition?: number;
}

export class TimelineQueryDto extends PageQueryDto {
  @AsOf()
  asOf?: string;

  @AtPosition()
  atPosition?: number;
}

/** A storyline's claims, a page at a time; now or at a past point. */
export class StorylineClaimsQueryDto extends TimelineQueryDto {}

/** The feed of published reviews: newest verdict first, a page at a time; now or as published at a past time. */
export class ClaimReviewFeedQueryDto extends ReadQueryDto {
  @OptionalProperty({ minimum: 1, maximum: MAX_FEED_PAGE_SIZE, default: DEFAULT_FEED_PAGE_SIZE })
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
