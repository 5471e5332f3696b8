import { ApiProperty } from '@nestjs/swagger';
import { Tags } from './tags';
import { IsInstant, IsSlug, OptionalProperty, Text } from './validators';

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

export class NameStakeholderDto {
  @ApiProperty({ description: 'The registered party with a stake in the storyline', example: 'kremlin' })
  @IsSlug()
  partyId!: string;

  @ApiProperty({
    description: 'Why it has a stake, shown with each of its supports',
    example: 'a belligerent of the war',
  })
  @Text(500)
  reason!: string;

  @OptionalProperty({
    description: 'The stake counts from (inclusive); always when absent',
    example: '2022-02-24T00:00:00Z',
  })
  @IsInstant()
  from?: string;

  @OptionalProperty({
    description: 'The stake counts until (exclusive); open when absent',
    example: '2026-01-01T00:00:00Z',
  })
  @IsInstant()
  to?: string;
}
