import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUrl, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LEXICONS } from '../../../domain/capture/lexicon';
import { IsInstant, IsSlug, OptionalProperty, Text } from './validators';

/** Longer texts are answered 413: extraction reads every character. */
export const MAX_EXTRACTION_TEXT = 100_000;
export const EXTRACTION_LANGUAGES = Object.keys(LEXICONS);

export class ExtractionSourceDto {
  @ApiProperty({
    example: 'https://www.welt.de/politik/ausland/article-ukraine-sicherheitsabkommen',
    description: 'The article: an http or https URL with a host',
    format: 'uri',
    maxLength: 2000,
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  )
  @MaxLength(2000)
  url!: string;

  @OptionalProperty({ example: 'Ukraine nennt Sicherheitsabkommen mit USA «100 Prozent fertig»' })
  @Text(500)
  title?: string;

  @OptionalProperty({ example: '2026-01-27T06:00:00+00:00' })
  @IsInstant()
  publishedAt?: string;
}

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
