import { ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, MinLength, ValidateNested } from 'class-validator';
import { LEXICONS } from '../../../domain/capture/lexicon';
import { SourceDto } from './source.dto';
import { IsSlug, OptionalProperty } from './validators';

/** Longer texts are answered 413: extraction reads every character. */
export const MAX_EXTRACTION_TEXT = 100_000;
export const EXTRACTION_LANGUAGES = Object.keys(LEXICONS);

/** The article the text comes from: a source's url, title and publication time, validated alike. */
export class ExtractionSourceDto extends PickType(SourceDto, ['url', 'title', 'publishedAt'] as const) {}

export class ExtractionDto {
  @ApiProperty({
    description: `The article's text, up to ${MAX_EXTRACTION_TEXT} characters (UTF-16 code units); longer is 413`,
    example: 'Präsident Wolodymyr Selenskyj erklärte: «Das Dokument ist zu 100 Prozent fertig.»',
    minLength: 1,
    maxLength: MAX_EXTRACTION_TEXT,
  })
  @IsString()
  @MinLength(1)
  text!: string;

  @OptionalProperty({ enum: EXTRACTION_LANGUAGES, description: 'The language of the text; detected when absent' })
  @IsIn(EXTRACTION_LANGUAGES)
  language?: string;

  @OptionalProperty({
    description: 'A storyline whose claims the proposals are compared with (existingClaimId, development.of.claimId)',
    example: 'us-ukraine-security-guarantees',
  })
  @IsSlug()
  storylineId?: string;

  @OptionalProperty({
    type: ExtractionSourceDto,
    description: 'Where the text comes from; the answer does not depend on it',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => ExtractionSourceDto)
  source?: ExtractionSourceDto;
}
