import { ApiProperty } from '@nestjs/swagger';
import { Tags } from './tags';
import { IsSlug, OptionalProperty, Text } from './validators';

export class OpenStorylineDto {
  @OptionalProperty({
    description: 'Slug; derived from the title when absent',
    example: 'us-ukraine-security-guarantees',
  })
  @IsSlug()
  id?: string;

  @ApiProperty({ example: 'US–Ukraine security guarantees' })
  @Text(200)
  title!: string;

  @OptionalProperty({ example: 'Kyiv calls the agreement ready; the FT reports a US condition' })
  @Text(2000, { min: 0 })
  summary?: string;

  @Tags()
  tags?: string[];
}

export class ReviseStorylineDto {
  @OptionalProperty({ example: 'US–Ukraine security guarantees and the Donbass' })
  @Text(200)
  title?: string;

  @OptionalProperty({ example: 'The FT reports a US condition; Washington denies it' })
  @Text(2000, { min: 0 })
  summary?: string;

  @Tags()
  tags?: string[];
}
