import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant, IsLanguageTag, OptionalProperty, Text } from './validators';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';

export class TranslationDto {
  @ApiProperty({ example: '«Wir können es nicht»' })
  @Text(5000)
  text!: string;

  @ApiProperty({ example: 'de', description: 'BCP 47 language of the translation' })
  @IsLanguageTag()
  language!: string;
}

export class SourceDto {
  @ApiProperty({
    example: 'https://www.ft.com/content/us-ukraine-guarantees',
    description: 'An http or https URL with a host',
    format: 'uri',
    pattern: '^[hH][tT][tT][pP][sS]?://[^/?#\\s]+',
    maxLength: 2000,
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  )
  @MaxLength(2000)
  url!: string;

  @OptionalProperty({ example: 'Financial Times' })
  @Text(500)
  title?: string;

  @OptionalProperty({ example: '2026-01-27T06:00:00+00:00' })
  @IsInstant()
  publishedAt?: string;

  @OptionalProperty({
    enum: TIME_PRECISIONS,
    description:
      'Only this much of publishedAt is known (a page dated without a time); publishedAt is then the start of that day, month or year',
  })
  @IsIn(TIME_PRECISIONS)
  publishedAtPrecision?: TimePrecision;

  @OptionalProperty({
    description: 'The original wording, in the original language: never a translation (that goes in translation)',
    example: 'Das Dokument ist zu 100 Prozent fertig.',
  })
  @Text(5000)
  quote?: string;

  @OptionalProperty({
    example: 'en',
    description: 'BCP 47 language of the original wording; may be given when only a translation is at hand',
  })
  @IsLanguageTag()
  quoteLanguage?: string;

  @OptionalProperty({
    type: TranslationDto,
    description: 'The wording as the source renders it in another language than the original (with that language)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => TranslationDto)
  translation?: TranslationDto;

  @OptionalProperty({
    type: Boolean,
    description: 'The source says it was generated, wholly or in part, by a machine (AI)',
  })
  @IsBoolean()
  machineGenerated?: boolean;
}
