import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
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
import { EXAMPLE_TIME, IsInstant, OptionalProperty, Text } from './validators';

/** A retraction; supports and contradictions add their kind. */
export class RetractionDto {
  @ApiProperty({ type: PartyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PartyDto)
  by!: PartyDto;

  @ApiProperty({ example: EXAMPLE_TIME })
  @IsInstant({ notFarFuture: true, about: 'When it happened in the world' })
  occurredAt!: string;

  @OptionalProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @OptionalProperty({ example: 'Confirmed by two officials in Brussels' })
  @Text(2000)
  note?: string;
}

export class SupportDto extends RetractionDto {
  @ApiProperty({ enum: SUPPORT_KINDS, example: 'corroboration' })
  @IsIn(SUPPORT_KINDS)
  kind!: SupportKind;
}

export class ContradictionDto extends RetractionDto {
  @ApiProperty({ enum: CONTRADICTION_KINDS, example: 'denial' })
  @IsIn(CONTRADICTION_KINDS)
  kind!: ContradictionKind;
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
}
