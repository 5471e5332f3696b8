import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PARTY_KINDS, PartyKind } from '../../../domain/party';
import { IsSlug, OptionalProperty } from './validators';

export class PartyDto {
  @OptionalProperty({
    description: 'Slug; derived from the name when absent. Decides independence.',
    example: 'financial-times',
  })
  @IsSlug()
  id?: string;

  @ApiProperty({ example: 'Financial Times', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PARTY_KINDS, example: 'media' })
  @IsIn(PARTY_KINDS)
  kind!: PartyKind;
}
