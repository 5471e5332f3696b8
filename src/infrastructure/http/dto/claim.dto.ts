import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { ATTRIBUTIONS, Attribution, CLAIM_KINDS, ClaimKind } from '../../../domain/claim/claim.events';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';
import { PartyDto } from './party.dto';
import { SourceDto } from './source.dto';
import { Tags } from './tags';
import {
  EXAMPLE_TIME,
  IsInstant,
  IsLanguageTag,
  IsSlug,
  NullableProperty,
  OptionalProperty,
  PRECISION_DESCRIPTION,
} from './validators';

const KIND_DESCRIPTION =
  'factual (a checkable statement of fact), opinion or prediction; each keeps its own status, and only factual claims head a storyline';

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

  @OptionalProperty({ enum: CLAIM_KINDS, description: KIND_DESCRIPTION })
  @IsIn(CLAIM_KINDS)
  kind?: ClaimKind;

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

  @NullableProperty({ enum: TIME_PRECISIONS, description: PRECISION_DESCRIPTION })
  @IsIn(TIME_PRECISIONS)
  occurredAtPrecision?: TimePrecision | null;

  @NullableProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto | null;

  @Tags()
  tags?: string[];
}
