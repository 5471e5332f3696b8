import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';
import { IsInstant, OptionalProperty, Text } from './validators';

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
    description: 'The original wording, in the original language',
    example: 'Das Dokument ist zu 100 Prozent fertig.',
  })
  @Text(5000)
  quote?: string;
}
