import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_SUMMARY_LENGTH } from '../../../domain/claim/claim.decider';
import { ATTRIBUTIONS, Attribution, CLAIM_KINDS, ClaimKind } from '../../../domain/claim/claim.events';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';
import { CoAuthors } from './co-authors';
import { PartyDto } from './party.dto';
import { SourceDto } from './source.dto';
import { Tags } from './tags';
import {
  EXAMPLE_TIME,
  IsInstant,
  IsLanguageTag,
  IsSlug,
  NullableProperty,
  nullable,
  NOT_BLANK,
  OptionalProperty,
  PRECISION_DESCRIPTION,
  Text,
} from './validators';

export const MAX_ANONYMOUS_SOURCES = 100000;

const KIND_DESCRIPTION =
  'factual (a checkable statement of fact), opinion or prediction; each keeps its own status, and only factual claims head a storyline';

/** ClaimReview's claimReviewed; without one it is the statement cut between words. */
const Summary = ({ nullable = false } = {}) =>
  applyDecorators(
    (nullable ? NullableProperty : OptionalProperty)({
      type: String,
      ...(nullable ? { nullable: true } : {}),
      description: `The short form published as ClaimReview's claimReviewed, at most ${MAX_SUMMARY_LENGTH} characters${nullable ? '; null removes it' : ''}`,
      example: 'The US ties its guarantees to Ukraine ceding the Donbass',
      minLength: 1,
      maxLength: MAX_SUMMARY_LENGTH,
      pattern: NOT_BLANK.source,
    }),
    IsString(),
    Length(1, MAX_SUMMARY_LENGTH),
    Matches(NOT_BLANK, { message: '$property must not be only whitespace' }),
  );

/** The parties a claim is about: at most this many. */
export const MAX_SUBJECTS = 20;

const ABOUT_DESCRIPTION =
  'The parties the claim is about: a contradiction by one of them is labelled "denial by the subject" and still counts';

/** `about`: one or more parties; null (in a correction) removes them. */
const About = ({ nullable = false } = {}) =>
  applyDecorators(
    (nullable ? NullableProperty : OptionalProperty)({
      type: [PartyDto],
      ...(nullable ? { nullable: true } : {}),
      minItems: 1,
      maxItems: MAX_SUBJECTS,
      description: `${ABOUT_DESCRIPTION}${nullable ? '; null removes them' : ''}`,
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_SUBJECTS),
    ValidateNested({ each: true }),
    Type(() => PartyDto),
  );

export class RecordClaimDto {
  @OptionalProperty({ description: 'Slug; generated when absent', example: 'ft-us-guarantees-conditional-on-donbass' })
  @IsSlug()
  id?: string;

  @ApiProperty({ example: 'The US ties its security guarantees to Ukraine ceding the rest of the Donbass.' })
  @Text(2000)
  statement!: string;

  @OptionalProperty({ description: 'BCP 47; defaults to und', example: 'en' })
  @IsLanguageTag()
  language?: string;

  @OptionalProperty({ enum: CLAIM_KINDS, default: 'factual', description: KIND_DESCRIPTION })
  @IsIn(CLAIM_KINDS)
  kind?: ClaimKind;

  @ApiProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  claimant!: PartyDto;

  @OptionalProperty({ type: PartyDto, description: 'The outlet that published the claim' })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  reportedBy?: PartyDto;

  @CoAuthors()
  with?: PartyDto[];

  @ApiProperty({ enum: ATTRIBUTIONS, example: 'anonymous' })
  @IsIn(ATTRIBUTIONS)
  attribution!: Attribution;

  @OptionalProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_ANONYMOUS_SOURCES,
    example: 8,
    description: 'Only with attribution "anonymous" (else 422)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_ANONYMOUS_SOURCES)
  anonymousSourceCount?: number;

  @ApiProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true, about: 'When the claim was made in the world' })
  occurredAt!: string;

  @OptionalProperty({ enum: TIME_PRECISIONS, description: PRECISION_DESCRIPTION })
  @IsIn(TIME_PRECISIONS)
  occurredAtPrecision?: TimePrecision;

  @OptionalProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @Tags()
  tags?: string[];

  @Summary()
  summary?: string;

  @About()
  about?: PartyDto[];
}

/** Only the fields being fixed (at least one, else 422); null removes an optional field. */
export class ClaimChangesDto {
  @OptionalProperty({ example: 'The US ties its guarantees to Ukraine ceding the Donbass.' })
  @Text(2000)
  statement?: string;

  @OptionalProperty({ example: 'en' })
  @IsLanguageTag()
  language?: string;

  @OptionalProperty({ enum: CLAIM_KINDS, description: KIND_DESCRIPTION })
  @IsIn(CLAIM_KINDS)
  kind?: ClaimKind;

  @OptionalProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  claimant?: PartyDto;

  @NullableProperty(nullable(PartyDto))
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  reportedBy?: PartyDto | null;

  @CoAuthors({ nullable: true })
  with?: PartyDto[] | null;

  @OptionalProperty({ enum: ATTRIBUTIONS, example: 'anonymous' })
  @IsIn(ATTRIBUTIONS)
  attribution?: Attribution;

  @NullableProperty({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_ANONYMOUS_SOURCES, example: 8 })
  @IsInt()
  @Min(1)
  @Max(MAX_ANONYMOUS_SOURCES)
  anonymousSourceCount?: number | null;

  @OptionalProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true })
  occurredAt?: string;

  @NullableProperty({ enum: TIME_PRECISIONS, description: PRECISION_DESCRIPTION })
  @IsIn(TIME_PRECISIONS)
  occurredAtPrecision?: TimePrecision | null;

  @NullableProperty(nullable(SourceDto))
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto | null;

  @Tags()
  tags?: string[];

  @Summary({ nullable: true })
  summary?: string | null;

  @About({ nullable: true })
  about?: PartyDto[] | null;
}
