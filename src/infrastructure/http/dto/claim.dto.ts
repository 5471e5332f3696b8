import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { ATTRIBUTIONS, Attribution } from '../../../domain/claim/claim.events';
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
  OptionalProperty,
  Text,
} from './validators';

export const MAX_ANONYMOUS_SOURCES = 100000;

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

  @OptionalProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @Tags()
  tags?: string[];
}

/** Only the fields being fixed (at least one, else 422); null removes an optional field. */
export class ClaimChangesDto {
  @OptionalProperty({ example: 'The US ties its guarantees to Ukraine ceding the Donbass.' })
  @Text(2000)
  statement?: string;

  @OptionalProperty({ example: 'en' })
  @IsLanguageTag()
  language?: string;

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

  @NullableProperty(nullable(SourceDto))
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto | null;

  @Tags()
  tags?: string[];
}
