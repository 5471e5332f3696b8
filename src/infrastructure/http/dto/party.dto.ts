import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTY_KINDS, PartyKind } from '../../../domain/party';
import { IsSlug, OptionalProperty, Text } from './validators';

export class PartyDto {
  @OptionalProperty({
    description: 'Slug; derived from the name when absent. Decides independence.',
    example: 'financial-times',
  })
  @IsSlug()
  id?: string;

  @ApiProperty({ example: 'Financial Times' })
  @Text(200)
  name!: string;

  @ApiProperty({ enum: PARTY_KINDS, example: 'media' })
  @IsIn(PARTY_KINDS)
  kind!: PartyKind;
}
