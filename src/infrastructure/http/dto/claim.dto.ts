import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { MAX_SUMMARY_LENGTH } from '../../../domain/claim/claim.decider';
import { ATTRIBUTIONS, Attribution } from '../../../domain/claim/claim.events';
import { PartyDto } from './party.dto';
import { SourceDto } from './source.dto';
import { Tags } from './tags';
import { EXAMPLE_TIME, IsInstant, IsLanguageTag, IsSlug, NullableProperty, OptionalProperty } from './validators';

/** ClaimReview's claimReviewed; without one it is the statement cut between words. */
const Summary = ({ nullable = false } = {}) =>
  applyDecorators(
    (nullable ? NullableProperty : OptionalProperty)({
      description: `The short form published as ClaimReview's claimReviewed, at most ${MAX_SUMMARY_LENGTH} characters${nullable ? '; null removes it' : ''}`,
      example: 'The US ties its guarantees to Ukraine ceding the Donbass',
      minLength: 1,
      maxLength: MAX_SUMMARY_LENGTH,
    }),
    IsString(),
    Length(1, MAX_SUMMARY_LENGTH),
  );

export class RecordClaimDto {
  @OptionalProperty({ description: 'Slug; generated when absent', example: 'ft-donbass-condition' })
  @IsSlug()
  id?: string;

  @ApiProperty({
    example: 'The US ties its security guarantees to Ukraine ceding the rest of the Donbass.',
    maxLength: 2000,
  })
  @IsString()
  @Length(1, 2000)
  statement!: string;

  @OptionalProperty({ description: 'BCP 47; defaults to und', example: 'en' })
  @IsLanguageTag()
  language?: string;

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

  @ApiProperty({ enum: ATTRIBUTIONS, example: 'anonymous' })
  @IsIn(ATTRIBUTIONS)
  attribution!: Attribution;

  @OptionalProperty({ minimum: 1, example: 8, description: 'Only with attribution "anonymous"' })
  @IsInt()
  @Min(1)
  @Max(100000)
  anonymousSourceCount?: number;

  @ApiProperty({ example: EXAMPLE_TIME, description: 'When the claim was made in the world; ISO 8601 with offset' })
  @IsInstant({ notFarFuture: true })
  occurredAt!: string;

  @OptionalProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @Tags()
  tags?: string[];

  @Summary()
  summary?: string;
}

/** Only the fields being fixed; null removes an optional field. */
export class ClaimChangesDto {
  @OptionalProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  statement?: string;

  @OptionalProperty()
  @IsLanguageTag()
  language?: string;

  @OptionalProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  claimant?: PartyDto;

  @NullableProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  reportedBy?: PartyDto | null;

  @OptionalProperty({ enum: ATTRIBUTIONS })
  @IsIn(ATTRIBUTIONS)
  attribution?: Attribution;

  @NullableProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  anonymousSourceCount?: number | null;

  @OptionalProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true })
  occurredAt?: string;

  @NullableProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto | null;

  @Tags()
  tags?: string[];

  @Summary({ nullable: true })
  summary?: string | null;
}
