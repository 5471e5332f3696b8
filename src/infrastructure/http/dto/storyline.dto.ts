import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { Tags } from './tags';
import { IsSlug, OptionalProperty } from './validators';

export class OpenStorylineDto {
  @OptionalProperty({
    description: 'Slug; derived from the title when absent',
    example: 'us-ukraine-security-guarantees',
  })
  @IsSlug()
  id?: string;

  @ApiProperty({ example: 'US–Ukraine security guarantees', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @OptionalProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @Tags()
  tags?: string[];
}

export class ReviseStorylineDto {
  @OptionalProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title?: string;

  @OptionalProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @Tags()
  tags?: string[];
}
