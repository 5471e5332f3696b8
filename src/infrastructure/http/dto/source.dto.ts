import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsInstant, OptionalProperty } from './validators';

export class SourceDto {
  @ApiProperty({ example: 'https://www.ft.com/content/…', description: 'http or https' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an http(s) URL' },
  )
  @MaxLength(2000)
  url!: string;

  @OptionalProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  title?: string;

  @OptionalProperty({ example: '2026-01-27T06:00:00+00:00' })
  @IsInstant()
  publishedAt?: string;

  @OptionalProperty({ description: 'The original wording, in the original language', maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  quote?: string;
}
