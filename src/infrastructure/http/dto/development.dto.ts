import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import {
  CONTRADICTION_KINDS,
  ContradictionKind,
  SUPPORT_KINDS,
  SupportKind,
  VERDICTS,
  Verdict,
} from '../../../domain/claim/claim.events';
import { ClaimChangesDto } from './claim.dto';
import { PartyDto } from './party.dto';
import { SourceDto } from './source.dto';
import { EXAMPLE_TIME, IsInstant, OptionalProperty, PRECISION_DESCRIPTION } from './validators';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';

/** A retraction; supports and contradictions add their kind. */
export class RetractionDto {
  @ApiProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  by!: PartyDto;

  @ApiProperty({ example: EXAMPLE_TIME })
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

  @OptionalProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class SupportDto extends RetractionDto {
  @ApiProperty({ enum: SUPPORT_KINDS })
  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;
}

export class ContradictionDto extends RetractionDto {
  @ApiProperty({ enum: CONTRADICTION_KINDS, example: 'denial' })
  @IsIn(CONTRADICTION_KINDS)
  kind!: ContradictionKind;
}

export class CorrectionDto {
  @ApiProperty({ type: ClaimChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimChangesDto)
  changes!: ClaimChangesDto;

  @ApiProperty({ example: 'Statement mistyped from the original quote', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @OptionalProperty({ description: 'Defaults to the time it is recorded' })
  @IsInstant({ notFarFuture: true })
  occurredAt?: string;
}

export class VerdictDto {
  @ApiProperty({ enum: VERDICTS })
  @IsIn(VERDICTS)
  verdict!: Verdict;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  rationale!: string;

  @OptionalProperty({ description: 'Defaults to the time it is recorded' })
  @IsInstant({ notFarFuture: true })
  occurredAt?: string;
}
