import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsObject, IsString, IsUrl, Length, MaxLength, ValidateNested } from 'class-validator';
import {
  CONTRADICTION_KINDS,
  ContradictionKind,
  RETRACTION_KINDS,
  RetractionKind,
  SUPPORT_KINDS,
  SupportKind,
  VERDICTS,
  Verdict,
} from '../../../domain/claim/claim.events';
import { ClaimChangesDto } from './claim.dto';
import { CoAuthors } from './co-authors';
import { PartyDto } from './party.dto';
import { SourceDto } from './source.dto';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';
import { EXAMPLE_TIME, IsInstant, OptionalProperty, PRECISION_DESCRIPTION, Text } from './validators';

/** What the document says of an http(s) URL with a host, as the sources' `url` does. */
const HTTP_URL_PATTERN = '^[hH][tT][tT][pP][sS]?://[^/?#\\s]+';

const HttpUrl = () =>
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  );

/** What every development carries; each adds its kind. */
export class DevelopmentDto {
  @ApiProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  by!: PartyDto;

  @ApiProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true, about: 'When it happened in the world' })
  occurredAt!: string;

  @OptionalProperty({ enum: TIME_PRECISIONS, description: PRECISION_DESCRIPTION })
  @IsIn(TIME_PRECISIONS)
  occurredAtPrecision?: TimePrecision;

  @OptionalProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @OptionalProperty({ example: 'Confirmed by two officials in Brussels' })
  @Text(2000)
  note?: string;
}

export class RetractionDto extends DevelopmentDto {
  @OptionalProperty({
    enum: RETRACTION_KINDS,
    default: 'withdrawn',
    description: '`withdrawn`: retracted in so many words; `deleted`: removed without comment (a post taken down)',
  })
  @IsIn(RETRACTION_KINDS)
  kind?: RetractionKind;
}

export class SupportDto extends DevelopmentDto {
  @ApiProperty({ enum: SUPPORT_KINDS, example: 'corroboration' })
  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;

  @CoAuthors()
  with?: PartyDto[];
}

export class ContradictionDto extends DevelopmentDto {
  @ApiProperty({ enum: CONTRADICTION_KINDS, example: 'denial' })
  @IsIn(CONTRADICTION_KINDS)
  kind!: ContradictionKind;

  @CoAuthors()
  with?: PartyDto[];
}

export class CorrectionDto {
  @ApiProperty({ type: ClaimChangesDto, minProperties: 1, description: 'At least one field (else 422)' })
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimChangesDto)
  changes!: ClaimChangesDto;

  @ApiProperty({ example: 'Statement mistyped from the original quote' })
  @Text(2000)
  reason!: string;

  @OptionalProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true, about: 'Defaults to the time it is recorded' })
  occurredAt?: string;
}

export class VerdictDto {
  @ApiProperty({ enum: VERDICTS, example: 'refuted' })
  @IsIn(VERDICTS)
  verdict!: Verdict;

  @ApiProperty({ example: 'The State Department denied the condition on the record.' })
  @Text(5000)
  rationale!: string;

  @OptionalProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true, about: 'Defaults to the time it is recorded' })
  occurredAt?: string;

  @OptionalProperty({
    description:
      "The published fact-check (http or https): ClaimReview's url. A claim is published once a verdict names one; a later verdict without one keeps it",
    example: 'https://factcheck.example.org/2026/01/donbass-condition',
    format: 'uri',
    pattern: HTTP_URL_PATTERN,
    maxLength: 2000,
  })
  @HttpUrl()
  @MaxLength(2000)
  reviewUrl?: string;

  @OptionalProperty({
    description:
      "The desk's own wording of the rating, published as reviewRating.alternateName; defaults to the rating scale's name",
    example: 'Pants on fire',
    minLength: 1,
    maxLength: 100,
  })
  @IsString()
  @Length(1, 100)
  ratingText?: string;

  @OptionalProperty({
    description: "The person who reviewed the claim: a Person among the review's authors",
    example: 'Anna Nowak',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  reviewer?: string;
}

export class FactCheckRatingDto {
  @OptionalProperty({
    description: "The rating on the fact-checker's numeric scale, between worst and best",
    example: 1,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @OptionalProperty({ description: 'The true end of the scale; 5 when a value comes without it', example: 5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  best?: number;

  @OptionalProperty({ description: 'The false end of the scale; 1 when a value comes without it', example: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  worst?: number;

  @ApiProperty({
    description: "The rating in the fact-checker's words",
    example: 'False',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  text!: string;
}

/** Another fact-checker's published review, recorded by hand (ClaimFactChecked). */
export class FactCheckDto {
  @ApiProperty({ type: PartyDto, description: 'The reviewing organization' })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  by!: PartyDto;

  @ApiProperty({ type: FactCheckRatingDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FactCheckRatingDto)
  rating!: FactCheckRatingDto;

  @ApiProperty({
    description: 'The published fact-check (http or https); one review per address, a later one there replaces it',
    example: 'https://factcheck.example.net/2026/01/donbass',
    format: 'uri',
    pattern: HTTP_URL_PATTERN,
    maxLength: 2000,
  })
  @HttpUrl()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ example: EXAMPLE_TIME, description: 'When the fact-checker published it; ISO 8601 with offset' })
  @IsInstant({ notFarFuture: true })
  publishedAt!: string;

  @OptionalProperty({
    enum: TIME_PRECISIONS,
    description:
      'Only this much of publishedAt is known (a review dated without a time); publishedAt is then the start of that day, month or year, e.g. 2026-01-28T00:00:00Z',
  })
  @IsIn(TIME_PRECISIONS)
  publishedAtPrecision?: TimePrecision;
}
